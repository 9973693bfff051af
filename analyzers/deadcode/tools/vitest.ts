import { isObject } from '../../discover/package-json.js';
import { basename, dirname } from '../../discover/repo-paths.js';
import { addPathEntries, isPathValue, locate, packageNameOf, pathValues, type EntryContext, type PathValue, type WorkspaceInfo } from '../entry-context.js';
import { addTestDataFolders } from './test-files.js';
import { addReporters } from './test-reporters.js';
import { configName, namedAfter, scriptOrJson, type ToolSpec } from './tool-spec.js';
import { viteConfig } from './vite.js';

const vitestConfig = configName('vitest');
const projectsFile = new RegExp(String.raw`^vitest\.(?:workspace|projects)${scriptOrJson}$`);

/** Vitest's documented default. */
const vitestInclude = '**/*.{test,spec}.?(c|m)[jt]s?(x)';
/** Vitest's type tests (`test.typecheck`), checked by tsc rather than run. */
const vitestTypecheckInclude = '**/*.{test,spec}-d.?(c|m)[jt]s?(x)';
const vitestReporters = new Set(['default', 'basic', 'verbose', 'tree', 'dot', 'json', 'junit', 'tap', 'tap-flat', 'hanging-process', 'github-actions', 'html', 'blob', 'agent']);

/** vitest: `test.include` (or the default), setup files, environment packages, and projects from a workspace file or `test.projects`. */
export const vitest: ToolSpec = {
  configFiles: [namedAfter('vitest')],
  binaries: ['vitest'],
  // Vitest reads vitest.config.* and falls back to vite.config.*; a workspace file lists more projects.
  configs: (files, isUsed) => {
    const own = files.atRoot(vitestConfig);
    const fallback = own.length === 0 && isUsed ? files.atRoot(viteConfig) : [];
    return [...own, ...fallback, ...files.atRoot(projectsFile)];
  },
  packages: ['vitest'],
  handle(context, workspace, config) {
    // Vitest's root is the folder it runs in, wherever `--config` found the config.
    const base = config ? config.cwd : workspace.dir;
    const label = config?.label ?? 'vitest';
    if (config && /^vitest\.(?:workspace|projects)\./.test(basename(config.path))) addVitestProjects(context, workspace, config.value, base, label);
    else addVitestOptions(context, workspace, config?.value, base, label);
  },
};

/** Vitest environments other than `node` need a package: `jsdom`, `happy-dom`, or `vitest-environment-x`. */
function vitestEnvironmentPackage(name: string): string | null {
  if (name === 'node') return null;
  if (name === 'jsdom' || name === 'happy-dom') return name;
  if (name === 'edge-runtime') return '@edge-runtime/vm';
  return name.includes('/') || name.startsWith('vitest-environment-') ? name : `vitest-environment-${name}`;
}

function addVitestOptions(context: EntryContext, workspace: WorkspaceInfo, value: unknown, base: string, label: string): void {
  const options = isObject(value) ? value : {};
  const test = isObject(options['test']) ? options['test'] : {};
  const rootValue = [test['root'], options['root']].find(isPathValue);
  const root = rootValue === undefined ? base : locate(base, rootValue);
  const include = pathValues(test['include']);
  const origin = `${label} test.include`;
  const exclude = pathValues(test['exclude']);
  addPathEntries(context, include.length > 0 ? include : [vitestInclude], { base: root, reason: 'test file (vitest)', production: false, origin, exclude });
  const typecheck = isObject(test['typecheck']) ? test['typecheck'] : {};
  const typeTests = pathValues(typecheck['include']);
  addPathEntries(context, typeTests.length > 0 ? typeTests : [vitestTypecheckInclude], {
    base: root,
    reason: 'type test (vitest typecheck)',
    production: false,
    origin: `${label} test.typecheck.include`,
  });
  for (const key of ['setupFiles', 'globalSetup', 'snapshotSerializers']) addSetupModules(context, workspace, pathValues(test[key]), root, `${label} test.${key}`);
  addReporters(context, workspace, test['reporters'], vitestReporters, root, `${label} test.reporters`);
  addTestDataFolders(context, root, 'vitest');
  const environment = typeof test['environment'] === 'string' ? vitestEnvironmentPackage(test['environment']) : null;
  if (environment) context.addPackage(workspace.dir, environment, `${label} test.environment`);
  const coverage = isObject(test['coverage']) ? test['coverage']['provider'] : undefined;
  if (coverage === 'v8' || coverage === 'istanbul') context.addPackage(workspace.dir, `@vitest/coverage-${coverage}`, `${label} test.coverage.provider`);
  addVitestProjects(context, workspace, test['projects'] ?? test['workspace'], base, label);
}

/** Projects are inline configs, or globs of config files and folders (a folder without a config runs the defaults there). */
function addVitestProjects(context: EntryContext, workspace: WorkspaceInfo, projects: unknown, base: string, label: string): void {
  if (!Array.isArray(projects)) return;
  for (const project of projects) {
    if (isObject(project)) addVitestOptions(context, workspace, project, base, `${label} projects`);
    if (!isPathValue(project) || (typeof project === 'string' && project.startsWith('!'))) continue;
    const matches = context.globMatcher(locate(base, project));
    const configs = context.tree.paths.filter((path) => /^(?:vitest|vite)\.config\.[cm]?[jt]s$/.test(basename(path)) && (matches(path) || matches(dirname(path))));
    for (const path of configs) {
      if (!context.firstVisit(`vitest\0${path}`)) continue;
      context.addEntry(path, 'config file (vitest)', false);
      addVitestOptions(context, workspace, context.readConfig(path), dirname(path), path);
    }
    const bareFolders = context.discovery.packages.filter(({ dir }) => matches(dir) && !configs.some((path) => dirname(path) === dir));
    for (const { dir } of bareFolders) addVitestOptions(context, workspace, undefined, dir, label);
  }
}

/**
 * Vitest resolves a setup file like an import: a file of the repository (relative to the root), or
 * else a package (`@testing-library/jest-dom/vitest`).
 */
function addSetupModules(context: EntryContext, workspace: WorkspaceInfo, values: readonly PathValue[], root: string, reason: string): void {
  for (const value of values) {
    const name = typeof value === 'string' && context.findCodeFile(locate(root, value)) === null ? packageNameOf(value) : null;
    if (name !== null && !/\.[cm]?[jt]sx?$/.test(value as string)) context.addPackage(workspace.dir, name, reason);
    else addPathEntries(context, [value], { base: root, reason, production: false, origin: reason });
  }
}
