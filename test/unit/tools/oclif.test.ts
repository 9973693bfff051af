import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('oclif', () => {
  it('makes every command file of the commands folder, the hooks and the help class production entries, from their sources', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'mycli',
        bin: { mycli: './bin/run.js' },
        oclif: {
          bin: 'mycli',
          commands: './dist/commands',
          hooks: { init: './dist/hooks/init', prerun: ['./dist/hooks/analytics.js', './dist/hooks/auth'], postrun: './dist/hooks/missing' },
          helpClass: './dist/help',
          plugins: ['@oclif/plugin-help', '@oclif/plugin-plugins'],
          devPlugins: ['@oclif/plugin-command-snapshot'],
        },
        dependencies: { '@oclif/core': '4' },
        devDependencies: { oclif: '4' },
      }),
      'tsconfig.json': json({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      'bin/run.js': code,
      'src/commands/hello/index.ts': code,
      'src/commands/hello/world.ts': code,
      'src/commands/hello/world.test.ts': code,
      'src/commands/types.d.ts': code,
      'src/hooks/init.ts': code,
      'src/hooks/analytics.ts': code,
      'src/hooks/auth/index.ts': code,
      'src/help.ts': code,
      'src/utils/format.ts': code,
    });
    expect(result.entries).toEqual([
      entry('bin/run.js', 'package.json "bin.mycli"'),
      entry('src/commands/hello/index.ts', 'package.json "oclif" commands'),
      entry('src/commands/hello/world.ts', 'package.json "oclif" commands'),
      entry('src/help.ts', 'package.json "oclif" helpClass'),
      entry('src/hooks/analytics.ts', 'package.json "oclif" hooks.prerun'),
      entry('src/hooks/auth/index.ts', 'package.json "oclif" hooks.prerun'),
      entry('src/hooks/init.ts', 'package.json "oclif" hooks.init'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@oclif/plugin-command-snapshot', reason: 'package.json "oclif" devPlugins' },
      { workspaceDir: '', name: '@oclif/plugin-help', reason: 'package.json "oclif" plugins' },
      { workspaceDir: '', name: '@oclif/plugin-plugins', reason: 'package.json "oclif" plugins' },
    ]);
    expect(result.warnings).toEqual(['package.json "oclif" hooks.postrun names dist/hooks/missing, which has no source file.']);
  });

  it('reads the pattern strategy with its globPatterns, and the file an explicit or single strategy names', () => {
    const pattern = entryPointsOf({
      'package.json': json({
        name: 'cli',
        bin: 'bin/run.js',
        oclif: { commands: { strategy: 'pattern', target: './src/commands', globPatterns: ['**/*.+(js|ts)', '!**/*.+(helpers|test).ts'] } },
      }),
      'bin/run.js': code,
      'src/commands/deploy.ts': code,
      'src/commands/deploy.helpers.ts': code,
      'src/commands/deploy.test.ts': code,
    });
    expect(pattern.entries).toEqual([entry('bin/run.js', 'package.json "bin"'), entry('src/commands/deploy.ts', 'package.json "oclif" commands')]);
    expect(pattern.warnings).toEqual([]);

    const explicit = entryPointsOf({
      'package.json': json({
        name: 'cli',
        bin: 'bin/run.js',
        oclif: { commands: { strategy: 'explicit', target: './dist/commands.js', identifier: 'COMMANDS' }, hooks: { init: [{ target: './dist/index.js', identifier: 'INIT_HOOK' }] } },
      }),
      'bin/run.js': code,
      'src/commands.ts': code,
      'src/index.ts': code,
      'src/commands/hello.ts': code,
    });
    expect(explicit.entries).toEqual([
      entry('bin/run.js', 'package.json "bin"'),
      entry('src/commands.ts', 'package.json "oclif" commands'),
      entry('src/index.ts', 'package.json "oclif" hooks.init'),
    ]);
    expect(explicit.warnings).toEqual([]);
  });

  it('reads .oclifrc.* or oclif.config.* only when package.json has no "oclif" settings', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/rc/package.json': json({ name: 'rc', bin: 'bin/run.js' }),
      'packages/rc/bin/run.js': code,
      'packages/rc/oclif.config.js': "export default { commands: { strategy: 'single', target: './dist/index.js' }, plugins: ['@oclif/plugin-help'] };\n",
      'packages/rc/src/index.ts': code,
      'packages/both/package.json': json({ name: 'both', bin: 'bin/run.js', oclif: { commands: './commands' } }),
      'packages/both/bin/run.js': code,
      'packages/both/.oclifrc.json': json({ commands: './ignored' }),
      'packages/both/commands/list.js': code,
      'packages/both/ignored/old.js': code,
    });
    expect(result.entries).toEqual([
      entry('packages/both/bin/run.js', 'packages/both/package.json "bin"'),
      entry('packages/both/commands/list.js', 'packages/both/package.json "oclif" commands'),
      entry('packages/rc/bin/run.js', 'packages/rc/package.json "bin"'),
      entry('packages/rc/oclif.config.js', 'config file (oclif)', false),
      entry('packages/rc/src/index.ts', 'packages/rc/oclif.config.js commands'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: 'packages/rc', name: '@oclif/plugin-help', reason: 'packages/rc/oclif.config.js plugins' }]);
    expect(result.warnings).toEqual([]);
  });
});
