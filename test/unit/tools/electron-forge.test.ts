import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (...rows: [name: string, reason: string][]) => rows.map(([name, reason]) => ({ workspaceDir: '', name, reason }));

describe('electron-forge', () => {
  it('reads the webpack plugin: mainConfig’s entry, each renderer entry point’s js and preload; makers, publishers and plugins by name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'desktop', main: '.webpack/main', scripts: { start: 'electron-forge start', make: 'electron-forge make' }, devDependencies: { '@electron-forge/cli': '7' } }),
      'forge.config.js': [
        'module.exports = {',
        '  packagerConfig: { asar: true },',
        "  makers: [{ name: '@electron-forge/maker-squirrel', config: {} }, { name: '@electron-forge/maker-zip', platforms: ['darwin'] }, { name: './tools/custom-maker.js', config: {} }],",
        "  publishers: [{ name: '@electron-forge/publisher-github', config: { repository: { owner: 'me', name: 'desktop' } } }],",
        '  plugins: [',
        "    { name: '@electron-forge/plugin-auto-unpack-natives', config: {} },",
        '    {',
        "      name: '@electron-forge/plugin-webpack',",
        '      config: {',
        "        mainConfig: './webpack.main.config.js',",
        '        renderer: {',
        "          config: './webpack.renderer.config.js',",
        '          entryPoints: [',
        "            { html: './src/index.html', js: './src/renderer.ts', name: 'main_window', preload: { js: './src/preload.ts' } },",
        "            { html: './src/settings.html', js: './src/settings/index.tsx', name: 'settings' },",
        '          ],',
        '        },',
        '      },',
        '    },',
        '  ],',
        "  hooks: { postPackage: 'require:./tools/notarize.js' },",
        '};',
      ].join('\n'),
      'webpack.main.config.js': "module.exports = { entry: './src/main-process.ts', module: { rules: [{ test: /\\.node$/, use: 'node-loader' }] } };\n",
      'webpack.renderer.config.js': "module.exports = { module: { rules: [] } };\n",
      'src/index.html': '<div id="root"></div>',
      'src/settings.html': '<div id="root"></div>',
      'src/main-process.ts': code,
      'src/renderer.ts': code,
      'src/preload.ts': code,
      'src/settings/index.tsx': code,
      'src/unused.ts': code,
      'tools/custom-maker.js': code,
      'tools/notarize.js': code,
    });
    expect(result.entries).toEqual([
      entry('forge.config.js', 'config file (electron-forge)', false),
      entry('src/main-process.ts', 'webpack.main.config.js entry'),
      entry('src/preload.ts', 'forge.config.js renderer.entryPoints preload'),
      entry('src/renderer.ts', 'forge.config.js renderer.entryPoints'),
      entry('src/settings/index.tsx', 'forge.config.js renderer.entryPoints'),
      entry('tools/custom-maker.js', 'forge.config.js makers', false),
      entry('tools/notarize.js', 'forge.config.js "require:./tools/notarize.js"', false),
      entry('webpack.main.config.js', 'config file (electron-forge)', false),
      entry('webpack.renderer.config.js', 'config file (electron-forge)', false),
    ]);
    expect(result.referencedPackages).toEqual(
      packages(
        ['@electron-forge/maker-squirrel', 'forge.config.js makers'],
        ['@electron-forge/maker-zip', 'forge.config.js makers'],
        ['@electron-forge/plugin-auto-unpack-natives', 'forge.config.js plugins'],
        ['@electron-forge/plugin-webpack', 'forge.config.js plugins'],
        ['@electron-forge/publisher-github', 'forge.config.js publishers'],
        ['node-loader', 'webpack.main.config.js module.rules loader'],
      ),
    );
    // package-entries.ts does not know Forge's output folders (.webpack/, .vite/) for what they are.
    expect(result.warnings).toEqual(['package.json "main" points to .webpack/main, which has no source file.']);
  });

  it('reads the vite plugin: each build entry with its vite config, and the renderers’ vite configs (root and inputs)', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'desktop', main: '.vite/build/main.js', scripts: { start: 'electron-forge start' } }),
      'forge.config.mjs': [
        'export default {',
        '  plugins: [{',
        "    name: '@electron-forge/plugin-vite',",
        '    config: {',
        '      build: [',
        "        { entry: 'src/main-process.ts', config: 'vite.main.config.mjs', target: 'main' },",
        "        { entry: 'src/preload.ts', config: 'vite.preload.config.mjs', target: 'preload' },",
        "        { entry: 'src/worker.ts', config: 'vite.worker.config.mjs' },",
        '      ],',
        "      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mjs' }],",
        '    },',
        '  }],',
        '};',
      ].join('\n'),
      'vite.main.config.mjs': 'export default {};\n',
      'vite.preload.config.mjs': 'export default {};\n',
      'vite.renderer.config.mjs': "export default { root: 'renderer', build: { rollupOptions: { input: { main: 'index.html', overlay: 'overlay.ts' } } } };\n",
      'renderer/index.html': '<script type="module" src="/app.ts"></script>',
      'renderer/app.ts': code,
      'renderer/overlay.ts': code,
      'src/main-process.ts': code,
      'src/preload.ts': code,
    });
    expect(result.entries).toEqual([
      entry('forge.config.mjs', 'config file (electron-forge)', false),
      entry('renderer/app.ts', '<script src> in renderer/index.html'),
      entry('renderer/overlay.ts', 'vite.renderer.config.mjs build.rollupOptions.input'),
      entry('src/main-process.ts', 'forge.config.mjs build entry'),
      entry('src/preload.ts', 'forge.config.mjs build entry'),
      entry('vite.main.config.mjs', 'config file (electron-forge)', false),
      entry('vite.preload.config.mjs', 'config file (electron-forge)', false),
      entry('vite.renderer.config.mjs', 'config file (electron-forge)', false),
    ]);
    expect(result.referencedPackages).toEqual(packages(['@electron-forge/plugin-vite', 'forge.config.mjs plugins']));
    expect(result.warnings).toEqual([
      'package.json "main" points to .vite/build/main.js, which has no source file.',
      'forge.config.mjs build entry names src/worker.ts, which is not in the repository.',
      'forge.config.mjs build config names vite.worker.config.mjs, which is not in the repository.',
    ]);
  });

  it('reads package.json "config.forge": an object, or the path of a config file', () => {
    const inline = entryPointsOf({
      'package.json': json({
        name: 'desktop',
        main: 'src/main.js',
        config: { forge: { makers: [{ name: '@electron-forge/maker-dmg', config: {} }], plugins: [{ name: '@electron-forge/plugin-webpack', config: { mainConfig: { entry: './src/main.js' }, renderer: { entryPoints: [{ js: './src/renderer.js', name: 'main' }] } } }] } },
      }),
      'src/main.js': code,
      'src/renderer.js': code,
    });
    expect(inline.entries).toEqual([entry('src/main.js', 'package.json "main"'), entry('src/renderer.js', 'package.json "config.forge" renderer.entryPoints')]);
    expect(inline.referencedPackages).toEqual(
      packages(['@electron-forge/maker-dmg', 'package.json "config.forge" makers'], ['@electron-forge/plugin-webpack', 'package.json "config.forge" plugins']),
    );
    const path = entryPointsOf({
      'package.json': json({ name: 'desktop', main: 'src/main.js', config: { forge: './config/forge' } }),
      'config/forge.js': "module.exports = { makers: [{ name: '@electron-forge/maker-deb', config: {} }] };\n",
      'src/main.js': code,
    });
    expect(path.entries).toEqual([entry('config/forge.js', 'config file (electron-forge)', false), entry('src/main.js', 'package.json "main"')]);
    expect(path.referencedPackages).toEqual(packages(['@electron-forge/maker-deb', 'config/forge.js makers']));
    expect([...inline.warnings, ...path.warnings]).toEqual([]);
  });
});
