import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('pm2', () => {
  it('runs each app script of ecosystem.config.js from its cwd, as production code, with its interpreter and preloaded modules', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'platform', private: true, main: 'index.js', devDependencies: { 'ts-node': '^10.0.0' } }),
      'index.js': code,
      'ecosystem.config.js': [
        "const path = require('path');",
        'module.exports = {',
        '  apps: [',
        "    { name: 'api', script: './dist/main.js', cwd: 'services/api', node_args: '-r dotenv/config --max-old-space-size=4096' },",
        "    { name: 'jobs', script: path.join(__dirname, 'workers/queue.ts'), interpreter: 'node_modules/.bin/ts-node', interpreter_args: ['--require ./workers/trace.js'] },",
        "    { name: 'web', script: 'node_modules/next/dist/bin/next', args: 'start' },",
        "    { name: 'docs', script: 'npm', args: 'run serve' },",
        '  ],',
        '};',
        '',
      ].join('\n'),
      'services/api/tsconfig.json': json({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      'services/api/src/main.ts': code,
      'workers/queue.ts': code,
      'workers/trace.js': code,
      'workers/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('ecosystem.config.js', 'config file (pm2)', false),
      entry('index.js', 'package.json "main"'),
      entry('services/api/src/main.ts', 'ecosystem.config.js apps script'),
      entry('workers/queue.ts', 'ecosystem.config.js apps script'),
      entry('workers/trace.js', 'ecosystem.config.js apps script', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'dotenv', reason: 'ecosystem.config.js apps script' },
      { workspaceDir: '', name: 'next', reason: 'ecosystem.config.js apps script' },
    ]);
    expect(result.scriptBinaries.map(({ binary, script }) => `${binary} ← ${script}`).sort()).toEqual(['npm ← ecosystem.config.js apps script', 'ts-node ← ecosystem.config.js apps script']);
    expect(result.warnings).toEqual([]);
  });

  it('reads the ecosystem file or starts the script `pm2 start` and `pm2-runtime` name, and a JSON list of apps', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'platform',
        private: true,
        scripts: {
          'start:prod': 'pm2-runtime start deploy/ecosystem.prod.config.cjs --env production',
          'start:bot': 'pm2 start bot/index.ts --name bot --watch --interpreter tsx -- --verbose',
          restart: 'pm2 restart pm2.apps.json',
          logs: 'pm2 logs api',
        },
      }),
      'deploy/ecosystem.prod.config.cjs': "module.exports = { apps: [{ name: 'api', script: 'server/app.js', instances: 'max' }] };\n",
      'pm2.apps.json': json([{ name: 'cron', script: 'cron/tick.mjs' }]),
      'server/app.js': code,
      'bot/index.ts': code,
      'cron/tick.mjs': code,
      'api/index.ts': code,
    });
    expect(result.entries).toEqual([
      // The script named the file first; pm2 makes it production code.
      entry('bot/index.ts', 'script "start:bot": pm2 start bot/index.ts --name bot --watch --interpreter tsx -- --verbose'),
      entry('cron/tick.mjs', 'pm2.apps.json apps script'),
      entry('deploy/ecosystem.prod.config.cjs', 'script "start:prod": pm2-runtime start deploy/ecosystem.prod.config.cjs --env production', false),
      entry('server/app.js', 'deploy/ecosystem.prod.config.cjs apps script'),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.scriptBinaries.map(({ binary, script }) => `${binary} ← ${script}`).sort()).toEqual([
      'pm2 ← logs',
      'pm2 ← restart',
      'pm2 ← start:bot',
      'pm2-runtime ← start:prod',
      'tsx ← app started by pm2 (script "start:bot")',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('starts ./ecosystem.config.js of the folder a bare `pm2 start` runs in, and warns about an ecosystem file that is not in the repository', () => {
    const bare = entryPointsOf({
      'package.json': json({ name: 'platform', private: true, main: 'index.js', scripts: { serve: 'cd deploy && pm2 start' } }),
      'index.js': code,
      'deploy/ecosystem.config.js': "module.exports = { apps: [{ script: '../server.mjs' }] };\n",
      'server.mjs': code,
    });
    expect(bare.entries).toEqual([
      entry('deploy/ecosystem.config.js', 'config file (pm2)', false),
      entry('index.js', 'package.json "main"'),
      entry('server.mjs', 'deploy/ecosystem.config.js apps script'),
    ]);
    expect(bare.warnings).toEqual([]);

    const missing = entryPointsOf({
      'package.json': json({ name: 'platform', private: true, main: 'index.js', scripts: { deploy: 'pm2 startOrReload ecosystem.config.js' } }),
      'index.js': code,
    });
    expect(missing.entries).toEqual([entry('index.js', 'package.json "main"')]);
    expect(missing.warnings).toEqual(['script "deploy" names ecosystem.config.js, which is not in the repository.']);
  });
});
