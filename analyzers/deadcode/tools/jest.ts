import { isObject } from '../../discover/package-json.js';
import { addPathEntries, configDir, isPathValue, locate, packageNameOf, pathValues, type EntryContext, type PathValue, type WorkspaceInfo } from '../entry-context.js';
import { RepositoryPattern } from '../../patterns/repository-pattern.js';
import { addRegexMatches, addTestDataFolders } from './test-files.js';
import { configName, namedAfter, scriptOrJson, type ToolSpec } from './tool-spec.js';

const configFile = configName('jest', scriptOrJson);

/** Jest's documented default. */
const jestTestMatch = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'];

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

/** jest: tests by `testMatch` or `testRegex` under `roots`, `__mocks__`, and every option naming a module. */
export const jest: ToolSpec = {
  configFiles: [namedAfter('jest')],
  binaries: ['jest'],
  configs: (files) => files.atRoot(configFile),
  packageField: 'jest',
  packages: ['jest', 'react-scripts'],
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const label = config?.label ?? 'jest';
    const rootDir = jestRootDir(config ? configDir(config) : workspace.dir, options['rootDir']);
    addJestProject(context, workspace, options, rootDir, label);
    const projects = Array.isArray(options['projects']) ? options['projects'].filter(isObject) : [];
    for (const project of projects) addJestProject(context, workspace, project, jestRootDir(rootDir, project['rootDir']), `${label} projects`);
  },
};

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
  const regexes = options['testRegex'] === undefined ? [] : regexesIn(context, workspace, options['testRegex'], `${label} testRegex`);
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

/** Module names in an option: strings, `[name, options]` tuples, arrays of either, and the values of maps (transform). */
function moduleSpecifiers(value: unknown): PathValue[] {
  if (isPathValue(value)) return [value];
  if (Array.isArray(value)) {
    const [name, options] = value;
    return value.length === 2 && isPathValue(name) && isObject(options) ? [name] : value.flatMap(moduleSpecifiers);
  }
  return isObject(value) && !(value instanceof RepositoryPattern) ? Object.values(value).flatMap(moduleSpecifiers) : [];
}

/** The test regexes, as patterns matched in linear time; one that cannot be makes the package's findings uncertain. */
function regexesIn(context: EntryContext, workspace: WorkspaceInfo, value: unknown, origin: string): RepositoryPattern[] {
  return [value].flat().flatMap((pattern) => {
    if (pattern instanceof RepositoryPattern) return [pattern];
    if (typeof pattern !== 'string') return [];
    const compiled = RepositoryPattern.of(pattern);
    if (compiled === null) {
      context.warn(`${origin} "${pattern}" is not a regular expression Steward can match safely (lookarounds, backreferences and very large patterns are not read); the files it matches are missing.`);
      context.entriesUnreadable(workspace.dir, origin);
    }
    return compiled === null ? [] : [compiled];
  });
}
