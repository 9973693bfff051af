import { basename, dirname, docusaurusSiteDirs, joinPath } from '../discover/repo-paths.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { bundlerAliasesOf } from './bundler-aliases.js';
import type { ResolutionScope } from './module-resolver.js';

/** The aliases one framework defines for the files below `dir`; a pattern with no targets is a virtual module. */
interface FrameworkAliases {
  dir: string;
  framework: string;
  paths: Record<string, string[]>;
  /** The package whose use an import through these aliases stands for (Docusaurus serves `@site` from @docusaurus/core). */
  provider?: string;
}

/**
 * The aliases frameworks define in a tsconfig they generate at build time or ship in node_modules, so
 * that no tsconfig of a fresh clone states them:
 * - Docusaurus: `@site/…` is the folder of each docusaurus.config, as its webpack config says;
 * - Nuxt (`.nuxt/tsconfig.json`): `~`/`@` the source folder (`app/` when there is one, as in Nuxt 4),
 *   `~~`/`@@` the project folder, and the virtual `#imports`, `#app`, `#components`, `#build`… modules;
 * - SvelteKit (`.svelte-kit/tsconfig.json`): `$lib` is `src/lib`, and `$app/…`, `$env/…`,
 *   `$service-worker` are virtual modules;
 * - Vue CLI: `@` is src/, as its webpack config says;
 * - Vite and webpack: the `resolve.alias` of their configs (bundler-aliases.ts).
 */
export function frameworkAliasesOf(tree: Pick<ProjectTree, 'paths' | 'readFile'>): FrameworkAliases[] {
  const { paths } = tree;
  const under = (dir: string, path: string) => joinPath(dir, path);
  const aliases: FrameworkAliases[] = docusaurusSiteDirs(paths).map((dir) => ({ dir, framework: 'Docusaurus', paths: { '@site/*': [under(dir, '*')] }, provider: '@docusaurus/core' }));
  for (const dir of configDirs(paths, /^nuxt\.config\.[cm]?[jt]s$/)) {
    // Nuxt 4 keeps the app in app/ (app/app.vue, app/pages); Nuxt 3 beside nuxt.config, with app.vue at the root and maybe an app/ folder for router options.
    const appFolder = under(dir, 'app');
    const nuxt4 = !paths.includes(under(dir, 'app.vue')) && paths.some((path) => path === `${appFolder}/app.vue` || path.startsWith(`${appFolder}/pages/`) || path.startsWith(`${appFolder}/components/`));
    const source = nuxt4 ? appFolder : dir;
    aliases.push({
      dir,
      framework: 'Nuxt',
      paths: {
        '~/*': [under(source, '*')],
        '@/*': [under(source, '*')],
        '~~/*': [under(dir, '*')],
        '@@/*': [under(dir, '*')],
        '#*': [],
      },
    });
  }
  for (const dir of configDirs(paths, /^svelte\.config\.[cm]?js$/)) {
    aliases.push({
      dir,
      framework: 'SvelteKit',
      paths: { $lib: [under(dir, 'src/lib')], '$lib/*': [under(dir, 'src/lib/*')], '$app/*': [], '$env/*': [], '$service-worker': [] },
    });
  }
  for (const dir of vueCliDirs(tree)) aliases.push({ dir, framework: 'Vue CLI', paths: { '@': [under(dir, 'src')], '@/*': [under(dir, 'src/*')] } });
  return [...aliases, ...bundlerAliasesOf(tree)];
}

/** Folders of packages built by Vue CLI (@vue/cli-service), whose webpack config aliases `@` to src/. */
function vueCliDirs(tree: Pick<ProjectTree, 'paths' | 'readFile'>): string[] {
  return configDirs(tree.paths, /^package\.json$/).filter((dir) => {
    const text = tree.readFile(joinPath(dir, 'package.json'));
    return text !== undefined && /"@vue\/cli-service"\s*:/.test(text);
  });
}

function configDirs(paths: readonly string[], name: RegExp): string[] {
  return paths.flatMap((path) => (name.test(basename(path)) && !path.split('/').includes('node_modules') ? [dirname(path)] : []));
}

/**
 * Adds the framework aliases to the settings that already govern each framework's folder, in place
 * of any same-named patterns they have. Virtual modules resolve to nothing, and are left out here.
 */
export function withFrameworkAliases(scopes: readonly ResolutionScope[], tree: Pick<ProjectTree, 'paths' | 'readFile'>): ResolutionScope[] {
  const result = [...scopes];
  for (const { dir, paths: aliases } of frameworkAliasesOf(tree)) {
    const resolvable = Object.fromEntries(Object.entries(aliases).filter(([, targets]) => targets.length > 0));
    const governing = result
      .filter((scope) => scope.dir === '' || dir === scope.dir || dir.startsWith(`${scope.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    const merged: ResolutionScope = { ...governing, dir, paths: { ...governing?.paths, ...resolvable } };
    const index = result.findIndex((scope) => scope.dir === dir);
    if (index >= 0) result[index] = merged;
    else result.push(merged);
  }
  return result;
}
