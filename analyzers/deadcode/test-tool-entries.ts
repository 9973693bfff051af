import { isObject } from '../discover/package-json.js';
import { basename, dirname, isWithin, joinPath } from '../discover/repo-paths.js';
import {
  addPathEntries,
  configDir,
  isPathValue,
  locate,
  packageNameOf,
  pathValues,
  type EntryContext,
  type LoadedConfig,
  type PathValue,
  type WorkspaceInfo,
} from './entry-context.js';
import { ResolvedPath } from './static-config.js';
import { addModule } from './tools/run-targets.js';

/** The tools' documented defaults. */
const vitestInclude = '**/*.{test,spec}.?(c|m)[jt]s?(x)';
/** Vitest's type tests (`test.typecheck`), checked by tsc rather than run. */
const vitestTypecheckInclude = '**/*.{test,spec}-d.?(c|m)[jt]s?(x)';
const jestTestMatch = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'];
const playwrightTestMatch = '**/*.@(spec|test).?(c|m)[jt]s?(x)';
const storybookStories = '**/*.stories.*';
const storybookFiles = '**/*.@(mdx|stories.@(js|jsx|mjs|ts|tsx))';

/** Jest options naming modules (files or packages), with the package a short name stands for. */
const jestModuleOptions: Readonly<Record<string, (name: string) => string | null>> = {
  preset: (name) => name,
  testEnvironment: (name) => (name === 'node' ? null : /^jest-environment-|\//.test(name) ? name : `jest-environment-${name}`),
  runner: (name) => (name === 'jest-runner' || /^jest-runner-|^@/.test(name) ? name : `jest-runner-${name}`),
  testRunner: (name) => (name.startsWith('jest-circus') ? null : name),
  reporters: (name) => (['default', 'summary', 'github-actions'].includes(name) ? null : name),
  ...Object.fromEntries(
    [
      'setupFiles',
      'setupFilesAfterEnv',
      'setupFilesAfterEach',
      'globalSetup',
      'globalTeardown',
      'snapshotSerializers',
      'testSequencer',
      'resolver',
      'watchPlugins',
      'transform',
      'moduleNameMapper',
      'testResultsProcessor',
      'dependencyExtractor',
    ].map((key) => [key, (name: string) => name]),
  ),
};

/** Vitest environments other than `node` need a package: `jsdom`, `happy-dom`, or `vitest-environment-x`. */
function vitestEnvironmentPackage(name: string): string | null {
  if (name === 'node') return null;
  if (name === 'jsdom' || name === 'happy-dom') return name;
  if (name === 'edge-runtime') return '@edge-runtime/vm';
  return name.includes('/') || name.startsWith('vitest-environment-') ? name : `vitest-environment-${name}`;
}

/** vitest: `test.include` (or the default), setup files, environment packages, and projects from a workspace file or `test.projects`. */
export function handleVitest(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  // Vitest's root is the folder it runs in, wherever `--config` found the config.
  const base = config ? config.cwd : workspace.dir;
  const label = config?.label ?? 'vitest';
  if (config && /^vitest\.(?:workspace|projects)\./.test(basename(config.path))) addVitestProjects(context, workspace, config.value, base, label);
  else addVitestOptions(context, workspace, config?.value, base, label);
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

/** jest: tests by `testMatch` or `testRegex` under `roots`, `__mocks__`, and every option naming a module. */
export function handleJest(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  const options = isObject(config?.value) ? config.value : {};
  const label = config?.label ?? 'jest';
  const rootDir = jestRootDir(config ? configDir(config) : workspace.dir, options['rootDir']);
  addJestProject(context, workspace, options, rootDir, label);
  const projects = Array.isArray(options['projects']) ? options['projects'].filter(isObject) : [];
  for (const project of projects) addJestProject(context, workspace, project, jestRootDir(rootDir, project['rootDir']), `${label} projects`);
}

function jestRootDir(base: string, rootDir: unknown): string {
  return isPathValue(rootDir) ? locate(base, rootDir) : base;
}

/** `<rootDir>/src` → `src`, resolved against rootDir by the caller. */
function withoutRootDir(value: PathValue): PathValue {
  return typeof value === 'string' ? value.replace(/^<rootDir>\/?/, '') : value;
}

function addJestProject(context: EntryContext, workspace: WorkspaceInfo, options: Record<string, unknown>, rootDir: string, label: string): void {
  const declaredRoots = pathValues(options['roots']).map((root) => locate(rootDir, withoutRootDir(root)));
  const roots = declaredRoots.length > 0 ? declaredRoots : [rootDir];
  const regexes = options['testRegex'] === undefined ? [] : regexesIn(context, options['testRegex'], `${label} testRegex`);
  const testMatch = pathValues(options['testMatch']);
  for (const root of roots) {
    if (regexes.length > 0) addRegexMatches(context, root, regexes, 'test file (jest)');
    else {
      const globs = testMatch.length > 0 ? testMatch : jestTestMatch;
      for (const glob of globs) {
        const base = typeof glob === 'string' && glob.startsWith('<rootDir>') ? rootDir : root;
        addPathEntries(context, [withoutRootDir(glob)], { base, reason: 'test file (jest)', production: false, origin: `${label} testMatch` });
      }
    }
    addTestDataFolders(context, root, 'jest');
  }
  for (const [key, packageFor] of Object.entries(jestModuleOptions)) {
    for (const specifier of moduleSpecifiers(options[key])) addJestModule(context, workspace, rootDir, specifier, `${label} ${key}`, packageFor);
  }
}

/**
 * A module option's value is a file (relative, `<rootDir>/…`, or a path the config resolved) or a
 * package. A moduleNameMapper target built from the match (`$1`) names no single file.
 */
function addJestModule(context: EntryContext, workspace: WorkspaceInfo, rootDir: string, specifier: PathValue, reason: string, packageFor: (name: string) => string | null): void {
  if (typeof specifier === 'string' && specifier.includes('$')) return;
  const name = typeof specifier === 'string' ? packageNameOf(specifier) : null;
  if (name === null || /\.[cm]?[jt]sx?$/.test(name)) {
    addPathEntries(context, [withoutRootDir(specifier)], { base: rootDir, reason, production: false, origin: reason });
    return;
  }
  const aliased = packageFor(specifier as string);
  const packageName = aliased === null ? null : packageNameOf(aliased);
  if (packageName) context.addPackage(workspace.dir, packageName, reason);
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

/** Module names in an option: strings, `[name, options]` tuples, arrays of either, and the values of maps (transform). */
function moduleSpecifiers(value: unknown): PathValue[] {
  if (isPathValue(value)) return [value];
  if (Array.isArray(value)) {
    const [name, options] = value;
    return value.length === 2 && isPathValue(name) && isObject(options) ? [name] : value.flatMap(moduleSpecifiers);
  }
  return isObject(value) && !(value instanceof RegExp) ? Object.values(value).flatMap(moduleSpecifiers) : [];
}

/** playwright: `testMatch` (globs or regexes) under `testDir`, per project, plus global setup and teardown. */
export function handlePlaywright(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  const base = config ? configDir(config) : workspace.dir;
  const options = isObject(config?.value) ? config.value : {};
  const label = config?.label ?? 'playwright';
  const projects = Array.isArray(options['projects']) ? options['projects'].filter(isObject) : [];
  for (const project of [options, ...projects.map((project) => ({ ...options, ...project }))]) {
    const testDir = isPathValue(project['testDir']) ? locate(base, project['testDir']) : base;
    const testMatch = project['testMatch'] === undefined ? [playwrightTestMatch] : [project['testMatch']].flat();
    // Playwright matches a relative glob anywhere below testDir.
    const globs = testMatch.filter((glob): glob is string => typeof glob === 'string').map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`));
    addPathEntries(context, globs, { base: testDir, reason: 'test file (playwright)', production: false, origin: `${label} testMatch` });
    addRegexMatches(context, testDir, testMatch.filter((pattern): pattern is RegExp => pattern instanceof RegExp), 'test file (playwright)');
  }
  for (const key of ['globalSetup', 'globalTeardown']) {
    addPathEntries(context, pathValues(options[key]), { base, reason: `${label} ${key}`, production: false, origin: `${label} ${key}` });
  }
  addReporters(context, workspace, options['reporter'], playwrightReporters, base, `${label} reporter`);
}

const vitestReporters = new Set(['default', 'basic', 'verbose', 'tree', 'dot', 'json', 'junit', 'tap', 'tap-flat', 'hanging-process', 'github-actions', 'html', 'blob', 'agent']);
const playwrightReporters = new Set(['list', 'line', 'dot', 'html', 'json', 'junit', 'null', 'github', 'blob']);

/** Reporters other than the built-in ones are modules: a file (`./reporter.ts`) or a package. Written as a name, or `[name, options]`. */
function addReporters(context: EntryContext, workspace: WorkspaceInfo, value: unknown, builtIn: ReadonlySet<string>, base: string, reason: string): void {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const name = Array.isArray(item) ? item[0] : item;
    if (typeof name === 'string' && !builtIn.has(name)) addModule(context, workspace, base, name, reason);
  }
}

/** storybook: main, preview and manager files, the `stories` globs (relative to .storybook/), addons and framework packages. */
export function handleStorybook(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config) return;
  const dir = configDir(config);
  for (const path of context.tree.paths) {
    if (dirname(path) === dir && /^(?:preview|manager)\.[cm]?[jt]sx?$/.test(basename(path))) context.addEntry(path, 'config file (storybook)', false);
  }
  const options = isObject(config.value) ? config.value : undefined;
  const stories = options && Array.isArray(options['stories']) ? options['stories'].flatMap(storyGlobs) : [];
  const globs = stories.length > 0 ? stories : [new ResolvedPath(joinPath(workspace.dir, storybookStories))];
  addPathEntries(context, globs, { base: dir, reason: 'story (storybook)', production: false, origin: `${config.label} stories` });
  for (const key of ['addons', 'framework']) {
    const names = [options?.[key]].flat().map((item) => (isObject(item) ? item['name'] : item));
    for (const name of names) {
      const packageName = typeof name === 'string' ? packageNameOf(name) : null;
      if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} ${key}`);
    }
  }
}

/** A `stories` item: a glob, or `{ directory, files }`. */
function storyGlobs(item: unknown): PathValue[] {
  if (isPathValue(item)) return [item];
  if (!isObject(item) || typeof item['directory'] !== 'string') return [];
  const files = typeof item['files'] === 'string' ? item['files'] : storybookFiles;
  return [joinPath(item['directory'], files)];
}

/**
 * Jest and Vitest load the files in `__mocks__` folders without an import, and tests read their
 * fixtures by path (`readdirSync('__fixtures__')`, codemod `__testfixtures__`): test data, not dead code.
 */
const testDataFolders = ['__mocks__', '__fixtures__', '__testfixtures__', 'fixtures', '__snapshots__'];

function addTestDataFolders(context: EntryContext, root: string, tool: string): void {
  for (const folder of testDataFolders) {
    for (const path of context.codeFilesInFolderNamed(folder)) {
      if (isWithin(path, root)) context.addEntry(path, `${folder} folder (${tool})`, false);
    }
  }
}

function regexesIn(context: EntryContext, value: unknown, origin: string): RegExp[] {
  return [value].flat().flatMap((pattern) => {
    // A global or sticky regex remembers where it stopped, which would skip files on the next test.
    if (pattern instanceof RegExp) return [new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))];
    if (typeof pattern !== 'string') return [];
    try {
      return [new RegExp(pattern)];
    } catch {
      context.warn(`${origin} "${pattern}" is not a valid regular expression (ignored).`);
      return [];
    }
  });
}

/** Regexes test the absolute path in the tools; a leading '/' keeps patterns such as `/__tests__/` working. */
function addRegexMatches(context: EntryContext, dir: string, regexes: readonly RegExp[], reason: string): void {
  if (regexes.length === 0) return;
  for (const path of context.discovery.codeFiles) {
    if (isWithin(path, dir) && regexes.some((regex) => regex.test(`/${path}`))) context.addEntry(path, reason, false);
  }
}
