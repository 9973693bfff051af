import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Discovery } from '../../analyzers/discover/discover-project.js';
import type { ProjectTree } from '../../analyzers/discover/project-tree.js';
import type { DeadCodeConfig, EntryPoints } from '../../analyzers/deadcode/entry-points.js';
import { isEntryConfigFile } from '../../analyzers/deadcode/entry-config-files.js';
import type { PathAlias } from '../../analyzers/deadcode/path-aliases.js';
import type { FileFacts } from '../../analyzers/facts/file-facts.js';
import { factsEngineVersion } from '../../analyzers/facts/file-facts.js';
import { withFrameworkAliases } from '../../analyzers/resolve/framework-aliases.js';
import type { Resolution, ResolveModule } from '../../analyzers/resolve/module-resolver.js';
import { stewardConfigFile } from '../config/steward-config.js';
import { readTextFiles } from '../git/read-blobs.js';
import type { TreeFile } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';

/** Bumped when discovery or resolution would answer differently for the same layout. */
const layoutVersion = '27';

const configFilePattern = /(^|\/)(package\.json|(ts|js)config[^/]*\.json|pnpm-workspace\.yaml|steward\.config\.json)$/;

interface CachedContext {
  discovery: Discovery;
  /** Resolved imports by `<importing folder>\0<specifier>`. */
  resolutions: Record<string, Resolution>;
  /** Entry points, once found (the settings they depend on are in steward.config.json, part of the key). */
  entryPoints?: EntryPoints;
  /** tsconfig, framework and bundler aliases, once read (a bundler config is read as syntax: TypeScript's parser). */
  pathAliases?: PathAlias[];
}

/** The project's layout at a commit: its discovery, its config files, and a resolver for its imports. */
export interface ProjectLayout {
  discovery: Discovery;
  /** The commit's paths and config texts, as the analyzers read them. */
  tree: ProjectTree;
  configTexts: ReadonlyMap<string, string>;
  stewardConfigText: string | undefined;
  /** Resolves every import of `facts` (loading TypeScript only for imports not resolved before). */
  resolverFor(facts: ReadonlyMap<string, FileFacts>): Promise<ResolveModule>;
  /** Where the dead-code search starts, read statically from package.json, scripts and tool configs. */
  entryPoints(config: DeadCodeConfig): Promise<EntryPoints>;
  /** The specifiers that are aliases, not packages: tsconfig `paths`, framework and bundler aliases. */
  pathAliases(): Promise<PathAlias[]>;
}

/**
 * Reads the config files of a commit and discovers the project, reusing what an earlier scan of the
 * same layout learned: the key covers every tracked path, every config file's content, whether
 * node_modules is installed, and the engine version — not the folder, so a moved clone or a
 * worktree of the repository finds it. A reader of manifests only (`willResolve:
 * false`) does not load the module resolver; `installed: false` reads as if nothing were installed
 * (a past commit's analysis).
 */
export async function readProjectLayout(
  db: Database,
  root: string,
  files: readonly TreeFile[],
  signal: AbortSignal,
  { willResolve = true, installed = true }: { willResolve?: boolean; installed?: boolean } = {},
): Promise<ProjectLayout> {
  const configFiles = files.filter((file) => (configFilePattern.test(file.path) || isEntryConfigFile(file.path)) && !file.path.includes('node_modules/'));
  const configTexts = await readTextFiles(root, configFiles, signal);
  // A past commit's analysis never reads today's node_modules: it was installed for another commit.
  const nodeModulesInstalled = installed && existsSync(join(root, 'node_modules'));
  const hash = createHash('sha256').update(`${factsEngineVersion}/${layoutVersion}\0${nodeModulesInstalled}\0`);
  for (const file of files) hash.update(`${file.path}\0`);
  for (const file of configFiles) hash.update(`${file.blobSha}\0`);
  const key = hash.digest('hex');

  const cache = new ProjectContextCache(db);
  const cached = cache.get<CachedContext>(key);
  // A new layout needs the TypeScript resolver: load it now, while the workers parse.
  let resolverModule = cached || !willResolve ? undefined : import('../../analyzers/resolve/module-resolver.js');
  const paths = files.map((file) => file.path);
  const projectTree: ProjectTree = {
    paths,
    readFile: (path) => configTexts.get(path),
    readInstalledFile: (path) => (nodeModulesInstalled ? readInstalled(root, path) : undefined),
  };
  const discovery =
    cached?.discovery ??
    (await import('../../analyzers/discover/discover-project.js')).discoverProject(projectTree);
  const context: CachedContext = cached ?? { discovery, resolutions: {} };
  if (!cached && !willResolve) cache.put(key, context);
  const { resolutions } = context;

  return {
    discovery,
    tree: projectTree,
    configTexts,
    stewardConfigText: configTexts.get(stewardConfigFile),
    async resolverFor(facts) {
      const missing: [specifier: string, fromPath: string][] = [];
      const wanted = new Set<string>();
      for (const [path, file] of facts) {
        for (const specifier of specifiersOf(file)) {
          const key = resolutionKey(specifier, path);
          if (!(key in resolutions) && !wanted.has(key)) {
            wanted.add(key);
            missing.push([specifier, path]);
          }
        }
      }
      if (missing.length > 0 || !cached) {
        if (missing.length > 0) {
          resolverModule ??= import('../../analyzers/resolve/module-resolver.js');
          const resolve = (await resolverModule).createModuleResolver({
            files: new Set(paths),
            readFile: (path) => configTexts.get(path),
            scopes: withFrameworkAliases(
              discovery.tsconfigs.map((config) => ({
                dir: config.path.includes('/') ? config.path.slice(0, config.path.lastIndexOf('/')) : '',
                baseUrl: config.compilerOptions.baseUrl,
                paths: config.compilerOptions.paths,
              })),
              projectTree,
            ),
            workspaces: discovery.workspaces,
            builtinModules: new Set(builtinModules),
            tsconfigs: discovery.tsconfigs,
          });
          for (const [specifier, fromPath] of missing) resolutions[resolutionKey(specifier, fromPath)] = resolve(specifier, fromPath);
        }
        cache.put(key, context);
      }
      return (specifier, fromPath) => resolutions[resolutionKey(specifier, fromPath)] ?? { kind: 'unresolved' };
    },
    async entryPoints(config) {
      if (context.entryPoints) return context.entryPoints;
      const { findEntryPoints } = await import('../../analyzers/deadcode/entry-points.js');
      context.entryPoints = findEntryPoints({ tree: projectTree, discovery, config });
      cache.put(key, context);
      return context.entryPoints;
    },
    async pathAliases() {
      if (context.pathAliases) return context.pathAliases;
      const { pathAliasesOf } = await import('../../analyzers/deadcode/path-aliases.js');
      context.pathAliases = pathAliasesOf(discovery.tsconfigs, projectTree);
      cache.put(key, context);
      return context.pathAliases;
    },
  };
}

function specifiersOf(file: FileFacts): string[] {
  return [
    ...file.imports.map((fact) => fact.specifier),
    ...file.reExports.map((fact) => fact.specifier),
    ...file.dynamicImports.flatMap((fact) => (fact.specifier === null ? [] : [fact.specifier])),
  ];
}

/** Resolution depends on the importing folder, not the file, so files of one folder share answers. */
function resolutionKey(specifier: string, fromPath: string): string {
  return `${fromPath.slice(0, Math.max(0, fromPath.lastIndexOf('/')))}\0${specifier}`;
}

function readInstalled(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
