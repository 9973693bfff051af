import { isObject } from '../discover/package-json.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { basename, dirname, joinPath } from '../discover/repo-paths.js';
import { ResolvedPath, readConfigText } from '../deadcode/static-config.js';

/** vite.config.*, vitest.config.* and webpack configs (webpack.config.js, webpack.common.js), whose `resolve.alias` bundles `@/x` from a folder no tsconfig names. */
const bundlerConfig = /^(?:(?:vite|vitest)\.config|webpack(?:\.[\w-]+)+)\.[cm]?[jt]s$/;

/**
 * The aliases of each bundler config's `resolve.alias`, as tsconfig-like `paths` for the files of its
 * folder: Vite's object or `[{ find, replacement }]` list, webpack's object (a trailing `$` matches
 * the name exactly). Only aliases to a folder or file of the repository count (`path.resolve(__dirname,
 * 'src')`, `fileURLToPath(new URL('./src', import.meta.url))`, Vite's root-relative `/src`); one package swapped for another
 * (`vue: 'vue/dist/vue.esm-bundler.js'`) still names a package, and a pattern (`find: /^~/`) cannot be read.
 */
export function bundlerAliasesOf(tree: Pick<ProjectTree, 'paths' | 'readFile'>): BundlerAliases[] {
  // The resolver and the dead-code search both ask, with the same tree: evaluate each config once.
  let aliases = readAliases.get(tree);
  if (!aliases) {
    aliases = readBundlerAliases(tree);
    readAliases.set(tree, aliases);
  }
  return aliases;
}

interface BundlerAliases {
  dir: string;
  framework: string;
  paths: Record<string, string[]>;
}

const readAliases = new WeakMap<object, BundlerAliases[]>();

function readBundlerAliases(tree: Pick<ProjectTree, 'paths' | 'readFile'>): BundlerAliases[] {
  return tree.paths.flatMap((path) => {
    if (!bundlerConfig.test(basename(path)) || path.split('/').includes('node_modules')) return [];
    const text = tree.readFile(path);
    const read = text === undefined ? undefined : readConfigText(path, text);
    // Vite serves `/x` from its root (the config's folder by default): `'~lib': '/src/lib'` works there.
    const rootRelative = basename(path).startsWith('vite') ? dirname(path) : null;
    // A webpack config may export several configurations.
    const configs = read?.ok ? [read.value].flat().filter(isObject) : [];
    const paths = Object.fromEntries(
      configs.flatMap((config) => {
        const resolve = config['resolve'];
        return aliasesIn(isObject(resolve) ? resolve['alias'] : undefined).flatMap(([find, target]) => patternsOf(find, target, rootRelative));
      }),
    );
    return Object.keys(paths).length > 0 ? [{ dir: dirname(path), framework: basename(path), paths }] : [];
  });
}

/**
 * True when a config's `resolve` has aliases Steward cannot read (computed, or a pattern to find):
 * files imported only through them would look unused.
 */
export function hasUnreadableAliases(resolve: unknown): boolean {
  if (!isObject(resolve) || !('alias' in resolve)) return false;
  const alias = resolve['alias'];
  if (!Array.isArray(alias) && !isObject(alias)) return true;
  const readable = (replacement: unknown): boolean => replacement instanceof ResolvedPath || typeof replacement === 'string' || replacement === false || Array.isArray(replacement);
  return Array.isArray(alias) ? alias.some((entry) => !isObject(entry) || typeof entry['find'] !== 'string' || !readable(entry['replacement'])) : Object.values(alias).some((value) => !readable(value));
}

function aliasesIn(alias: unknown): [find: string, replacement: unknown][] {
  if (Array.isArray(alias)) return alias.flatMap((entry) => (isObject(entry) && typeof entry['find'] === 'string' ? [[entry['find'], entry['replacement']] as [string, unknown]] : []));
  return isObject(alias) && !(alias instanceof ResolvedPath) ? Object.entries(alias) : [];
}

/** `@` → src: `@` itself and `@/…` below it; `vue$` (webpack): the name alone. */
function patternsOf(find: string, target: unknown, rootRelative: string | null): [string, string[]][] {
  const folder = target instanceof ResolvedPath ? target.path : typeof target === 'string' && target.startsWith('/') && rootRelative !== null ? joinPath(rootRelative, target.slice(1)) : null;
  if (folder === null) return [];
  if (find.endsWith('$')) return [[find.slice(0, -1), [folder]]];
  return [
    [find, [folder]],
    [`${find}/*`, [joinPath(folder, '*')]],
  ];
}
