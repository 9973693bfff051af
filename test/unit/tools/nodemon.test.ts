import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('nodemon', () => {
  it('runs the script it is given as production code (its first file argument, after the values of its options), and the command of --exec', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'api',
        private: true,
        main: 'lib/main.js',
        scripts: {
          dev: 'nodemon --watch src -e ts,json -r dotenv/config src/server.ts --port 3000',
          worker: 'nodemon --exec "ts-node --transpile-only" jobs/worker.ts',
          inline: 'nodemon -x "tsx scripts/seed.ts"',
        },
        devDependencies: { nodemon: '^3.0.0', 'ts-node': '^10.0.0', tsx: '^4.0.0', dotenv: '^16.0.0' },
      }),
      'lib/main.js': code,
      'src/server.ts': code,
      'jobs/worker.ts': code,
      'scripts/seed.ts': code,
    });
    expect(result.entries).toEqual([
      entry('jobs/worker.ts', 'script "worker": nodemon --exec "ts-node --transpile-only" jobs/worker.ts'),
      entry('lib/main.js', 'package.json "main"'),
      entry('scripts/seed.ts', 'file run by nodemon (script "inline")'),
      entry('src/server.ts', 'script "dev": nodemon --watch src -e ts,json -r dotenv/config src/server.ts --port 3000'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'dotenv', reason: 'script "dev": nodemon --watch src -e ts,json -r dotenv/config src/server.ts --port 3000' },
      // Without --exec, nodemon runs a .ts script with ts-node.
      { workspaceDir: '', name: 'ts-node', reason: 'file run by nodemon (script "dev"): nodemon runs TypeScript with ts-node' },
    ]);
    expect(result.scriptBinaries.map(({ binary, script }) => `${binary} ← ${script}`).sort()).toEqual([
      'nodemon ← dev',
      'nodemon ← inline',
      'nodemon ← worker',
      'ts-node ← file run by nodemon (script "worker")',
      'tsx ← file run by nodemon (script "inline")',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the exec command and execMap of nodemon.json, package.json "nodemonConfig" and the file --config names', () => {
    const file = entryPointsOf({
      'package.json': json({ name: 'api', main: 'dist/index.js', scripts: { dev: 'nodemon' }, devDependencies: { nodemon: '^3.0.0' } }),
      'nodemon.json': json({ watch: ['src', 'config'], ext: 'ts', ignore: ['src/**/*.test.ts'], exec: 'tsc -p . && node -r tsconfig-paths/register dist/index.js', execMap: { ts: 'ts-node --esm' } }),
      'tsconfig.json': json({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      'src/index.ts': code,
      'src/app.test.ts': code,
      'config/default.ts': code,
    });
    expect(file.entries).toEqual([entry('src/index.ts', 'package.json "main" (dist/index.js → src/index.ts)')]);
    expect(file.referencedPackages).toEqual([{ workspaceDir: '', name: 'tsconfig-paths', reason: 'nodemon.json exec' }]);
    expect(file.scriptBinaries.map(({ binary, script }) => `${binary} ← ${script}`).sort()).toEqual(['nodemon ← dev', 'ts-node ← nodemon.json execMap', 'tsc ← nodemon.json exec']);
    expect(file.warnings).toEqual([]);

    const field = entryPointsOf({
      'package.json': json({ name: 'bot', private: true, scripts: { watch: 'nodemon --config nodemon.debug.json' }, nodemonConfig: { exec: 'babel-node bot/main.js' } }),
      'nodemon.debug.json': json({ exec: 'node --inspect --import ./loader.mjs bot/debug.js' }),
      'bot/main.js': code,
      'bot/debug.js': code,
      'loader.mjs': code,
    });
    expect(field.entries).toEqual([
      entry('bot/debug.js', 'nodemon.debug.json exec'),
      entry('bot/main.js', 'package.json "nodemonConfig" exec'),
      entry('loader.mjs', 'nodemon.debug.json exec', false),
    ]);
    expect(field.referencedPackages).toEqual([]);
    expect(field.warnings).toEqual([]);
  });
});
