import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('electron-vite', () => {
  it('uses the conventional main and preload entries (index, else named after the process) and the renderer page', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'desktop', main: './out/main/main.js', scripts: { dev: 'electron-vite dev', build: 'electron-vite build' }, devDependencies: { 'electron-vite': '3' } }),
      'electron.vite.config.ts': "import { defineConfig } from 'electron-vite';\nexport default defineConfig({ main: {}, preload: {}, renderer: {} });\n",
      'src/main/main.ts': code,
      'src/preload/preload.ts': code,
      'src/preload/helpers.ts': code,
      'src/renderer/index.html': '<div id="app"></div><script type="module" src="/src/app.tsx"></script>',
      'src/renderer/src/app.tsx': code,
      'src/renderer/src/unused.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('electron.vite.config.ts', 'config file (electron-vite)', false),
      entry('src/main/main.ts', 'package.json "main" (out/main/main.js → src/main/main.ts)'),
      entry('src/preload/preload.ts', 'electron-vite default preload entry'),
      entry('src/renderer/src/app.tsx', '<script src> in src/renderer/index.html'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads each process’s build inputs (from its root) instead of the defaults', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'desktop', main: './out/main/index.js', devDependencies: { 'electron-vite': '3' } }),
      'electron.vite.config.mjs': [
        "import { resolve } from 'node:path';",
        "import { defineConfig } from 'electron-vite';",
        'export default defineConfig({',
        "  main: { build: { lib: { entry: 'electron/main.ts' } } },",
        "  preload: { build: { rollupOptions: { input: { index: resolve(__dirname, 'electron/preload.ts'), print: resolve(__dirname, 'electron/print.ts') } } } },",
        "  renderer: { root: 'web', build: { rollupOptions: { input: { index: 'index.html', settings: 'settings.html', missing: 'missing.html' } } } },",
        '});',
      ].join('\n'),
      'electron/main.ts': code,
      'electron/preload.ts': code,
      'electron/print.ts': code,
      'src/preload/index.ts': code,
      'web/index.html': '<script type="module" src="/main.ts"></script>',
      'web/settings.html': '<script type="module" src="./settings.ts"></script>',
      'web/main.ts': code,
      'web/settings.ts': code,
    });
    expect(result.entries).toEqual([
      entry('electron.vite.config.mjs', 'config file (electron-vite)', false),
      entry('electron/main.ts', 'electron.vite.config.mjs main.build.lib.entry'),
      entry('electron/preload.ts', 'electron.vite.config.mjs preload.build.rollupOptions.input'),
      entry('electron/print.ts', 'electron.vite.config.mjs preload.build.rollupOptions.input'),
      entry('web/main.ts', '<script src> in web/index.html'),
      entry('web/settings.ts', '<script src> in web/settings.html'),
    ]);
    expect(result.warnings).toEqual(['electron.vite.config.mjs renderer.build.rollupOptions.input names web/missing.html, which is not in the repository.']);
  });
});
