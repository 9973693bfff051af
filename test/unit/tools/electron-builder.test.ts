import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('electronBuilder', () => {
  it('loads the hooks and the Windows signing script of package.json "build" by path or package name', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'desktop',
        main: 'main.js',
        devDependencies: { 'electron-builder': '^24.0.0' },
        build: {
          appId: 'com.example.desktop',
          files: ['main.js', 'src/**/*'],
          afterSign: '.erb/scripts/notarize.js',
          beforeBuild: 'electron-builder-squirrel-windows/hooks',
          win: { target: 'nsis', sign: './tooling/sign.js' },
        },
      }),
      'main.js': code,
      '.erb/scripts/notarize.js': code,
      'tooling/sign.js': code,
      'src/renderer.ts': code,
    });
    expect(result.entries).toEqual([
      entry('.erb/scripts/notarize.js', 'package.json "build" afterSign', false),
      entry('main.js', 'package.json "main"'),
      entry('tooling/sign.js', 'package.json "build" win.sign', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'electron-builder-squirrel-windows', reason: 'package.json "build" beforeBuild' }]);
    expect(result.warnings).toEqual([]);
  });

  it('reads electron-builder.yml and .toml, and the config `--config` names', () => {
    const yaml = entryPointsOf({
      'package.json': json({ name: 'desktop', main: 'main.js', scripts: { dist: 'electron-builder --win' } }),
      'electron-builder.yml': 'appId: com.example.desktop\nafterPack: scripts/after-pack.ts\nwin:\n  signtoolOptions:\n    sign: scripts/sign.ts\n',
      'main.js': code,
      'scripts/after-pack.ts': code,
      'scripts/sign.ts': code,
    });
    expect(yaml.entries).toEqual([
      entry('main.js', 'package.json "main"'),
      entry('scripts/after-pack.ts', 'electron-builder.yml afterPack', false),
      entry('scripts/sign.ts', 'electron-builder.yml win.sign', false),
    ]);
    expect(yaml.warnings).toEqual([]);

    const toml = entryPointsOf({
      'package.json': json({ name: 'desktop', main: 'main.js', devDependencies: { 'electron-builder': '^24.0.0' } }),
      'electron-builder.toml': 'appId = "com.example.desktop"\nafterAllArtifactBuild = "scripts/upload.js"\n',
      'main.js': code,
      'scripts/upload.js': code,
    });
    expect(toml.entries).toEqual([entry('main.js', 'package.json "main"'), entry('scripts/upload.js', 'electron-builder.toml afterAllArtifactBuild', false)]);
    expect(toml.warnings).toEqual([]);

    const named = entryPointsOf({
      'package.json': json({ name: 'desktop', main: 'main.js', scripts: { 'dist:mac': 'electron-builder --mac --config build/electron-builder.config.cjs' } }),
      'build/electron-builder.config.cjs': "module.exports = { appId: 'com.example.desktop', afterSign: 'build/notarize.cjs' };\n",
      'build/notarize.cjs': code,
      'main.js': code,
    });
    expect(named.entries).toEqual([
      entry('build/electron-builder.config.cjs', 'config file (electron-builder)', false),
      entry('build/notarize.cjs', 'build/electron-builder.config.cjs afterSign', false),
      entry('main.js', 'package.json "main"'),
    ]);
    expect(named.warnings).toEqual([]);
  });
});
