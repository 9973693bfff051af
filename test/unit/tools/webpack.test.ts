import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('webpack', () => {
  it('reads every entry form against `context`, the packages an entry or a loader names, and ./src without an entry', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'server.js', scripts: { build: 'webpack' }, devDependencies: { webpack: '5' } }),
      'webpack.config.js': [
        "const path = require('path');",
        'module.exports = (env, argv) => [',
        '  {',
        "    context: path.resolve(__dirname, 'client'),",
        "    entry: { app: ['webpack-hot-middleware/client', './app.js'], admin: { import: './admin', dependOn: 'app' }, vendor: 'lodash' },",
        '    module: {',
        '      rules: [',
        "        { test: /\\.tsx?$/, use: 'ts-loader' },",
        "        { test: /\\.s[ac]ss$/, use: ['style-loader', { loader: 'css-loader', options: { modules: true } }, 'sass-loader?sourceMap'] },",
        "        { test: /\\.md$/, oneOf: [{ resourceQuery: /raw/, loader: './loaders/markdown.js' }] },",
        '      ],',
        '    },',
        '  },',
        "  { name: 'worker', entry: './worker/index.ts', target: 'webworker' },",
        "  { name: 'default', mode: argv.mode },",
        '];',
      ].join('\n'),
      'server.js': code,
      'client/app.js': code,
      'client/admin/index.ts': code,
      'worker/index.ts': code,
      'src/index.js': code,
      'loaders/markdown.js': code,
      'client/unused.js': code,
    });
    expect(result.entries).toEqual([
      entry('client/admin/index.ts', 'webpack.config.js entry'),
      entry('client/app.js', 'webpack.config.js entry'),
      entry('loaders/markdown.js', 'webpack.config.js module.rules loader', false),
      entry('server.js', 'package.json "main"'),
      entry('src/index.js', 'webpack default entry (src/index)'),
      entry('webpack.config.js', 'config file (webpack)', false),
      entry('worker/index.ts', 'webpack.config.js entry'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'css-loader', reason: 'webpack.config.js module.rules loader' },
      { workspaceDir: '', name: 'lodash', reason: 'webpack.config.js entry' },
      { workspaceDir: '', name: 'sass-loader', reason: 'webpack.config.js module.rules loader' },
      { workspaceDir: '', name: 'style-loader', reason: 'webpack.config.js module.rules loader' },
      { workspaceDir: '', name: 'ts-loader', reason: 'webpack.config.js module.rules loader' },
      { workspaceDir: '', name: 'webpack-hot-middleware', reason: 'webpack.config.js entry' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('resolves the entries of a config named with --config from the folder webpack runs in, and says when they are computed', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, scripts: { build: 'webpack --config config/webpack.prod.js', dev: 'webpack serve -c config/webpack.dev.js' } }),
      'config/webpack.prod.js': "module.exports = { mode: 'production', entry: './src/app.ts' };\n",
      'config/webpack.dev.js': "const entries = require('./entries');\nmodule.exports = { mode: 'development', entry: entries.all() };\n",
      'src/app.ts': code,
      'config/src/app.ts': code,
    });
    expect(result.entries).toEqual([
      entry('config/webpack.dev.js', 'config file (webpack)', false),
      entry('config/webpack.prod.js', 'config file (webpack)', false),
      entry('src/app.ts', 'config/webpack.prod.js entry'),
    ]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'config/webpack.dev.js entry' }]);
    expect(result.warnings).toEqual([]);
  });
});
