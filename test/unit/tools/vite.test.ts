import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('vite', () => {
  it('serves html scripts from `root` and ships build.lib.entry, the rollup inputs and build.ssr', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ui', private: true, scripts: { dev: 'vite', build: 'vite build' }, devDependencies: { vite: '7' } }),
      'vite.config.ts': [
        "import { resolve } from 'node:path';",
        "import { defineConfig } from 'vite';",
        'export default defineConfig(({ command }) => ({',
        "  root: 'site',",
        '  build: {',
        "    lib: { entry: ['lib/index.ts', resolve(__dirname, 'widgets/button.ts')] },",
        "    rollupOptions: { input: { admin: resolve(__dirname, 'site/admin/index.html'), sw: resolve(__dirname, 'site/sw.ts') } },",
        "    ssr: 'server/entry.ts',",
        '  },',
        '}));',
      ].join('\n'),
      'site/index.html': '<!doctype html><script type="module" src="/src/main.ts"></script>',
      'site/admin/index.html': '<script type="module" src="./admin.ts"></script>',
      'site/src/main.ts': code,
      'site/admin/admin.ts': code,
      'site/sw.ts': code,
      'site/lib/index.ts': code,
      'site/server/entry.ts': code,
      'widgets/button.ts': code,
      'site/src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('site/admin/admin.ts', '<script src> in site/admin/index.html'),
      entry('site/lib/index.ts', 'vite.config.ts build.lib.entry'),
      entry('site/server/entry.ts', 'vite.config.ts build.ssr'),
      entry('site/src/main.ts', '<script src> in site/index.html'),
      entry('site/sw.ts', 'vite.config.ts build.rollupOptions.input'),
      entry('vite.config.ts', 'config file (vite)', false),
      entry('widgets/button.ts', 'vite.config.ts build.lib.entry'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a config named with --config from the folder vite runs in, and the entry of --ssr', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'app',
        private: true,
        scripts: { 'build:client': 'vite build --config config/vite.client.mts --outDir dist/client', 'build:server': 'vite build --ssr src/entry-server.ts --outDir dist/server' },
      }),
      'config/vite.client.mts': "export default { root: 'web', build: { lib: { entry: 'client.ts', formats: ['es'] } } };\n",
      'web/index.html': '<script type="module" src="/boot.ts"></script>',
      'web/boot.ts': code,
      'web/client.ts': code,
      'src/entry-server.ts': code,
      'config/web/client.ts': code,
    });
    expect(result.entries).toEqual([
      entry('config/vite.client.mts', 'config file (vite)', false),
      entry('src/entry-server.ts', 'script "build:server": vite build --ssr src/entry-server.ts --outDir dist/server'),
      entry('web/boot.ts', '<script src> in web/index.html'),
      entry('web/client.ts', 'config/vite.client.mts build.lib.entry'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('says its package’s entries are uncertain when resolve.alias holds aliases it cannot read', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, scripts: { build: 'vite build' }, devDependencies: { vite: '5' } }),
      'index.html': '<script type="module" src="/src/main.ts"></script>',
      'vite.config.ts': "import path from 'node:path';\nexport default { resolve: { alias: [{ find: /^~(.*)$/, replacement: '$1' }, { find: '@', replacement: path.resolve(__dirname, 'src') }] } };\n",
      'src/main.ts': code,
    });
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'vite.config.ts resolve.alias' }]);
    const readable = entryPointsOf({
      'package.json': json({ name: 'app', private: true, devDependencies: { vite: '5' } }),
      'vite.config.ts': "import path from 'node:path';\nexport default { resolve: { alias: { '@': path.resolve(__dirname, 'src'), vue: 'vue/dist/vue.esm-bundler.js' } } };\n",
    });
    expect(readable.unreadableEntries).toEqual([]);
  });
});
