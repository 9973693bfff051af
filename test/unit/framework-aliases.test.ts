import { describe, expect, it } from 'vitest';
import { pathAliasMatcher, pathAliasesOf } from '../../analyzers/deadcode/path-aliases.js';
import { createModuleResolver } from '../../analyzers/resolve/module-resolver.js';
import { withFrameworkAliases } from '../../analyzers/resolve/framework-aliases.js';

/** A resolver over tracked files with one root tsconfig that states no paths, as in a fresh clone of a Nuxt or SvelteKit app; `texts` are the config files it may read. */
function resolverFor(files: readonly string[], texts: Record<string, string> = {}) {
  const readFile = (path: string): string | undefined => texts[path];
  return createModuleResolver({ files: new Set(files), readFile, scopes: withFrameworkAliases([{ dir: '' }], { paths: files, readFile }), workspaces: [], builtinModules: new Set(), tsconfigs: [] });
}

describe('framework aliases a fresh clone does not state', () => {
  it('Nuxt 3: `~` and `@` are the project folder, even beside app.vue', () => {
    const resolve = resolverFor(['nuxt.config.ts', 'app.vue', 'types.ts', 'constants/lists.ts', 'pages/index.vue']);
    expect(resolve('~/types', 'pages/index.vue')).toEqual({ kind: 'file', path: 'types.ts' });
    expect(resolve('@/constants/lists', 'pages/index.vue')).toEqual({ kind: 'file', path: 'constants/lists.ts' });
  });

  it('Nuxt 4: `~` is the app/ folder and `~~` the project folder', () => {
    const resolve = resolverFor(['web/nuxt.config.ts', 'web/app/utils/format.ts', 'web/shared/types.ts', 'web/app/pages/index.vue']);
    expect(resolve('~/utils/format', 'web/app/pages/index.vue')).toEqual({ kind: 'file', path: 'web/app/utils/format.ts' });
    expect(resolve('~~/shared/types', 'web/app/pages/index.vue')).toEqual({ kind: 'file', path: 'web/shared/types.ts' });
  });

  it('SvelteKit: `$lib` is src/lib; `$app/…`, `$env/…` and Nuxt `#imports` are virtual modules, not packages', () => {
    const files = ['svelte.config.js', 'src/lib/index.ts', 'src/lib/api.ts', 'src/routes/+page.svelte', 'nuxt/nuxt.config.ts'];
    const resolve = resolverFor(files);
    expect(resolve('$lib/api', 'src/routes/+page.svelte')).toEqual({ kind: 'file', path: 'src/lib/api.ts' });
    expect(resolve('$lib', 'src/routes/+page.svelte')).toEqual({ kind: 'file', path: 'src/lib/index.ts' });
    const isAlias = pathAliasMatcher(pathAliasesOf([], { paths: files, readFile: () => undefined }));
    expect(['$app/stores', '$env/static/public', '$lib/api'].every((specifier) => isAlias(specifier, 'src/routes/+page.svelte'))).toBe(true);
    expect(isAlias('#imports', 'nuxt/app.vue')).toBe(true);
    expect(isAlias('#imports', 'src/routes/+page.svelte')).toBe(false);
    expect(isAlias('svelte', 'src/routes/+page.svelte')).toBe(false);
  });
});

describe("a workspace package's own name", () => {
  it('resolves to the source behind what its package.json exports, subpaths and patterns too', () => {
    const manifest = {
      name: 'swr',
      exports: {
        '.': { import: { types: './dist/index/index.d.mts', default: './dist/index/index.mjs' }, require: './dist/index/index.js' },
        './infinite': { import: './dist/infinite/index.mjs' },
        './adapters/*': './dist/adapters/*.js',
      },
    };
    const files = ['package.json', 'src/index/index.ts', 'src/infinite/index.ts', 'src/adapters/fetch.ts', 'test/use-swr.test.tsx', 'lib/package.json', 'lib/source/main.ts'];
    const texts: Record<string, string> = {
      'package.json': JSON.stringify(manifest),
      'lib/package.json': JSON.stringify({ name: 'lib', main: 'build/main.js' }),
    };
    const resolve = createModuleResolver({
      files: new Set(files),
      readFile: (path) => texts[path],
      scopes: [{ dir: '' }],
      workspaces: [
        { dir: '', name: 'swr' },
        { dir: 'lib', name: 'lib' },
      ],
      builtinModules: new Set(),
      tsconfigs: [{ path: 'lib/tsconfig.json', compilerOptions: { outDir: 'lib/build', rootDir: 'lib/source' } } as never],
    });
    expect(resolve('swr', 'test/use-swr.test.tsx')).toEqual({ kind: 'file', path: 'src/index/index.ts' });
    expect(resolve('swr/infinite', 'test/use-swr.test.tsx')).toEqual({ kind: 'file', path: 'src/infinite/index.ts' });
    expect(resolve('swr/adapters/fetch', 'test/use-swr.test.tsx')).toEqual({ kind: 'file', path: 'src/adapters/fetch.ts' });
    expect(resolve('lib', 'test/use-swr.test.tsx')).toEqual({ kind: 'file', path: 'lib/source/main.ts' });
  });
});

describe('a JavaScript module with a hand-written declaration beside it', () => {
  it('resolves to the JavaScript that runs, not the declaration TypeScript prefers', () => {
    const files = ['test/helper.js', 'test/helper.d.ts', 'test/error.test.js', 'src/suspense.js', 'src/suspense.d.ts', 'src/esm.mjs', 'src/esm.d.mts', 'src/only-types.d.ts', 'src/index.js'];
    const resolve = createModuleResolver({ files: new Set(files), readFile: () => undefined, scopes: [{ dir: '' }], workspaces: [], builtinModules: new Set(), tsconfigs: [] });
    expect(resolve('./helper', 'test/error.test.js')).toEqual({ kind: 'file', path: 'test/helper.js' });
    expect(resolve('./suspense', 'src/index.js')).toEqual({ kind: 'file', path: 'src/suspense.js' });
    expect(resolve('./esm.mjs', 'src/index.js')).toEqual({ kind: 'file', path: 'src/esm.mjs' });
    expect(resolve('./only-types', 'src/index.js')).toEqual({ kind: 'file', path: 'src/only-types.d.ts' });
  });

  it('Vite and webpack: the resolve.alias of their configs, to folders of the repository', () => {
    const texts = {
      'vite.config.js': [
        "import { fileURLToPath, URL } from 'node:url';",
        "export default { resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)), '~lib': '/src/lib', vue: 'vue/dist/vue.esm-bundler.js' } } };",
      ].join('\n'),
      'shop/webpack.config.js': "const path = require('path');\nmodule.exports = { resolve: { alias: { Components: path.resolve(__dirname, 'src/components'), config$: path.resolve(__dirname, 'src/config.js') } } };\n",
    };
    const files = ['src/main.js', 'src/lib/a.js', 'src/lib/b.js', 'shop/src/components/cart.js', 'shop/src/config.js', 'shop/src/index.js', ...Object.keys(texts)];
    const resolve = resolverFor(files, texts);
    expect(resolve('@/lib/a.js', 'src/main.js')).toEqual({ kind: 'file', path: 'src/lib/a.js' });
    expect(resolve('~lib/b.js', 'src/main.js')).toEqual({ kind: 'file', path: 'src/lib/b.js' });
    expect(resolve('Components/cart', 'shop/src/index.js')).toEqual({ kind: 'file', path: 'shop/src/components/cart.js' });
    expect(resolve('config', 'shop/src/index.js')).toEqual({ kind: 'file', path: 'shop/src/config.js' });
    // Vue CLI's own `@`, and aliases in a config that exports several configurations (webpack) or in vitest's.
    const more = resolverFor(
      ['vue/package.json', 'vue/src/main.js', 'vue/src/utils/msg.js', 'multi/webpack.common.js', 'multi/src/util.js', 'vitest.config.ts', 'test/utils.ts'],
      {
        'vue/package.json': JSON.stringify({ name: 'vue-app', devDependencies: { '@vue/cli-service': '5' } }),
        'multi/webpack.common.js': "const path = require('path');\nmodule.exports = [{ resolve: { alias: { '@': path.resolve(__dirname, 'src') } } }];\n",
        'vitest.config.ts': "import path from 'node:path';\nexport default { resolve: { alias: { '#test': path.resolve(__dirname, 'test') } } };\n",
      },
    );
    expect(more('@/utils/msg', 'vue/src/main.js')).toEqual({ kind: 'file', path: 'vue/src/utils/msg.js' });
    expect(more('@/util', 'multi/src/index.js')).toEqual({ kind: 'file', path: 'multi/src/util.js' });
    expect(more('#test/utils', 'test/a.test.ts')).toEqual({ kind: 'file', path: 'test/utils.ts' });
    // A package swapped for another still names a package; an alias reaches only its config's folder.
    expect(resolve('vue', 'src/main.js').kind).not.toBe('file');
    expect(resolve('Components/cart', 'src/main.js').kind).not.toBe('file');
  });
});
