import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('nest', () => {
  it('starts <sourceRoot>/<entryFile> of nest-cli.json and loads its compiler plugins, builder and collection', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, scripts: { build: 'nest build', start: 'nest start' }, devDependencies: { '@nestjs/cli': '10' } }),
      'nest-cli.json': json({
        $schema: 'https://json.schemastore.org/nest-cli',
        collection: '@nestjs/schematics',
        sourceRoot: 'app',
        entryFile: 'server',
        compilerOptions: { builder: 'swc', plugins: ['@nestjs/swagger', { name: '@nestjs/graphql/plugin', options: { introspectComments: true } }] },
      }),
      'app/server.ts': code,
      'app/app.module.ts': code,
      'src/main.ts': code,
    });
    expect(result.entries).toEqual([
      entry('app/server.ts', 'nest-cli.json sourceRoot/entryFile'),
      // package.json declares no entry: Node's default names apply.
      entry('src/main.ts', 'default entry (package.json declares no "main", "module", "exports" or "bin")'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@nestjs/graphql', reason: 'nest-cli.json compilerOptions.plugins' },
      { workspaceDir: '', name: '@nestjs/schematics', reason: 'nest-cli.json collection (schematics for `nest generate`)' },
      { workspaceDir: '', name: '@nestjs/swagger', reason: 'nest-cli.json compilerOptions.plugins' },
      { workspaceDir: '', name: '@swc/cli', reason: 'nest-cli.json compilerOptions.builder "swc"' },
      { workspaceDir: '', name: '@swc/core', reason: 'nest-cli.json compilerOptions.builder "swc"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('starts every application of a monorepo, each option falling back to the top-level one, but no library', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, bin: 'bin/cli.js', devDependencies: { '@nestjs/cli': '10' } }),
      'bin/cli.js': code,
      'nest-cli.json': json({
        collection: '@acme/schematics',
        monorepo: true,
        root: 'apps/gateway',
        sourceRoot: 'apps/gateway/src',
        entryFile: 'main',
        compilerOptions: { webpack: true, plugins: ['@nestjs/swagger'] },
        projects: {
          gateway: { type: 'application', root: 'apps/gateway', entryFile: 'main', sourceRoot: 'apps/gateway/src' },
          worker: { type: 'application', root: 'apps/worker', sourceRoot: 'apps/worker/src', entryFile: 'worker', compilerOptions: { builder: { type: 'swc' } } },
          billing: { type: 'application', root: 'apps/billing', sourceRoot: 'apps/billing/src' },
          shared: { type: 'library', root: 'libs/shared', entryFile: 'index', sourceRoot: 'libs/shared/src' },
          gone: { type: 'application', sourceRoot: 'apps/gone/src' },
        },
      }),
      'apps/gateway/src/main.ts': code,
      'apps/worker/src/worker.ts': code,
      'apps/billing/src/main.ts': code,
      'libs/shared/src/index.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/billing/src/main.ts', 'nest-cli.json projects.billing sourceRoot/entryFile'),
      entry('apps/gateway/src/main.ts', 'nest-cli.json sourceRoot/entryFile'),
      entry('apps/worker/src/worker.ts', 'nest-cli.json projects.worker sourceRoot/entryFile'),
      entry('bin/cli.js', 'package.json "bin"'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/schematics', reason: 'nest-cli.json collection (schematics for `nest generate`)' },
      { workspaceDir: '', name: '@nestjs/swagger', reason: 'nest-cli.json compilerOptions.plugins' },
      { workspaceDir: '', name: '@swc/cli', reason: 'nest-cli.json projects.worker compilerOptions.builder "swc"' },
      { workspaceDir: '', name: '@swc/core', reason: 'nest-cli.json projects.worker compilerOptions.builder "swc"' },
    ]);
    expect(result.warnings).toEqual(['nest-cli.json projects.gone sourceRoot/entryFile names apps/gone/src/main, which is not in the repository.']);
  });

  it('reads only the first config file the CLI finds, or the one `-c` names, and without one starts src/main', () => {
    const first = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', devDependencies: { '@nestjs/cli': '10' } }),
      'bin/api.js': code,
      '.nest-cli.json': json({ sourceRoot: 'server' }),
      'nest-cli.json': json({ sourceRoot: 'ignored' }),
      'server/main.ts': code,
      'ignored/main.ts': code,
    });
    expect(first.entries).toEqual([entry('bin/api.js', 'package.json "bin"'), entry('server/main.ts', '.nest-cli.json sourceRoot/entryFile')]);
    expect(first.warnings).toEqual([]);

    const named = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', scripts: { 'build:prod': 'nest build -c nest-cli.prod.json' }, devDependencies: { '@nestjs/cli': '10' } }),
      'bin/api.js': code,
      'nest-cli.prod.json': json({ entryFile: 'prod' }),
      'src/prod.ts': code,
      'src/main.ts': code,
    });
    // The only command names its config, so the default src/main is not started.
    expect(named.entries).toEqual([entry('bin/api.js', 'package.json "bin"'), entry('src/prod.ts', 'nest-cli.prod.json sourceRoot/entryFile')]);
    expect(named.warnings).toEqual([]);

    const defaults = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', scripts: { start: 'nest start --watch' } }),
      'bin/api.js': code,
      'src/main.ts': code,
      'src/app.module.ts': code,
    });
    expect(defaults.entries).toEqual([entry('bin/api.js', 'package.json "bin"'), entry('src/main.ts', 'NestJS entry file (src/main, the default)')]);
    expect(defaults.referencedPackages).toEqual([{ workspaceDir: '', name: '@nestjs/schematics', reason: 'the Nest CLI default collection (schematics for `nest generate`)' }]);
    expect(defaults.warnings).toEqual([]);
  });
});
