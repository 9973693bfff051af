import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (...rows: [name: string, reason: string][]) => rows.map(([name, reason]) => ({ workspaceDir: '', name, reason }));

describe('babel', () => {
  it('names the packages of presets and plugins by Babel’s scheme, in env and overrides too, and local plugins as files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.js' }),
      'src/index.js': code,
      'babel.config.js': [
        'module.exports = {',
        "  presets: [['@babel/env', { targets: 'defaults' }], 'module:metro-react-native-babel-preset', '@company', 'react'],",
        "  plugins: ['@babel/transform-runtime', '@emotion/babel-plugin', '@scope/x', 'react-refresh/babel', ['./babel/inline-env.js', {}, 'inline']],",
        "  env: { test: { plugins: ['istanbul'] } },",
        "  overrides: [{ test: './src/legacy', presets: ['@babel/preset-flow', '@company/web'] }],",
        '};',
      ].join('\n'),
      'babel/inline-env.js': code,
    });
    expect(result.entries).toEqual([
      entry('babel.config.js', 'config file (babel)', false),
      entry('babel/inline-env.js', 'babel.config.js plugins "./babel/inline-env.js"', false),
      entry('src/index.js', 'package.json "main"'),
    ]);
    expect(result.referencedPackages).toEqual(
      packages(
        ['@babel/plugin-transform-runtime', 'babel.config.js plugins "@babel/transform-runtime"'],
        ['@babel/preset-env', 'babel.config.js presets "@babel/env"'],
        ['@babel/preset-flow', 'babel.config.js presets "@babel/preset-flow"'],
        ['@company/babel-preset', 'babel.config.js presets "@company"'],
        ['@company/babel-preset-web', 'babel.config.js presets "@company/web"'],
        ['@emotion/babel-plugin', 'babel.config.js plugins "@emotion/babel-plugin"'],
        ['@scope/babel-plugin-x', 'babel.config.js plugins "@scope/x"'],
        ['babel-plugin-istanbul', 'babel.config.js plugins "istanbul"'],
        ['babel-preset-react', 'babel.config.js presets "react"'],
        ['metro-react-native-babel-preset', 'babel.config.js presets "module:metro-react-native-babel-preset"'],
        ['react-refresh', 'babel.config.js plugins "react-refresh/babel"'],
      ),
    );
    expect(result.warnings).toEqual([]);
  });

  it('reads .babelrc files anywhere, the package.json "babel" field and the config `--config-file` names', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'lib/index.js',
        scripts: { build: 'babel src --out-dir lib --config-file ./babel.build.config.cjs' },
        babel: { presets: ['@babel/preset-typescript'] },
      }),
      'src/index.ts': code,
      'babel.build.config.cjs': "module.exports = { plugins: ['babel-plugin-add-module-exports'] };\n",
      'test/.babelrc': json({ plugins: ['rewire'] }),
      'legacy/.babelrc.json': json({ presets: ['es2015'] }),
    });
    expect(result.entries).toEqual([
      // script-entries.ts names the file first: it knows only the usual config flags (-c, --config), not babel's --config-file.
      entry('babel.build.config.cjs', 'script "build": babel src --out-dir lib --config-file ./babel.build.config.cjs', false),
      entry('src/index.ts', 'package.json "main" (lib/index.js → src/index.ts)'),
    ]);
    expect(result.referencedPackages).toEqual(
      packages(
        ['@babel/preset-typescript', 'package.json "babel" presets "@babel/preset-typescript"'],
        ['babel-plugin-add-module-exports', 'babel.build.config.cjs plugins "babel-plugin-add-module-exports"'],
        ['babel-plugin-rewire', 'test/.babelrc plugins "rewire"'],
        ['babel-preset-es2015', 'legacy/.babelrc.json presets "es2015"'],
      ),
    );
    expect(result.warnings).toEqual([]);
  });
});
