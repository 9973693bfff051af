import { isObject } from '../discover/package-json.js';
import { basename, dirname, joinPath } from '../discover/repo-paths.js';
import {
  addPathEntries,
  configDir,
  configsIn,
  isPathValue,
  locate,
  pathValues,
  type EntryContext,
  type LoadedConfig,
  type ToolRun,
  type WorkspaceInfo,
} from './entry-context.js';
import { handleBabel, handleChangesets, handleDocusaurus, handleEslint, handlePostcss } from './package-references.js';
import { handleJest, handlePlaywright, handleStorybook, handleVitest } from './test-tool-entries.js';
import { ava } from './tools/ava.js';
import { configFlagValue } from './tools/command-args.js';
import { addModule } from './tools/run-targets.js';
import { borp } from './tools/borp.js';
import { cypress } from './tools/cypress.js';
import { electronBuilder } from './tools/electron-builder.js';
import { gatsby } from './tools/gatsby.js';
import { karma } from './tools/karma.js';
import { mocha } from './tools/mocha.js';
import { nuxt } from './tools/nuxt.js';
import { commitizen, commitlint, releaseIt } from './tools/release-tools.js';
import { runtimeTests } from './tools/runtime-tests.js';
import { configName, scriptOrJson, type ToolSpec, type WorkspaceFiles } from './tools/tool-spec.js';
import { tstyche } from './tools/tstyche.js';
import { typescript } from './tools/typescript.js';

/** Config file names, by tool. */
const names = {
  vite: configName('vite'),
  vitest: configName('vitest'),
  vitestProjects: new RegExp(String.raw`^vitest\.(?:workspace|projects)${scriptOrJson}$`),
  jest: configName('jest', scriptOrJson),
  playwright: configName('playwright'),
  webpack: configName('webpack'),
  rollup: configName('rollup'),
  tsup: configName('tsup', scriptOrJson),
  tsdown: configName('tsdown', scriptOrJson),
  electronVite: configName('electron\\.vite'),
  storybook: /^main\.[cm]?[jt]sx?$/,
  eslint: configName('eslint'),
  eslintrc: /^\.eslintrc(?:\.(?:c?js|json|ya?ml))?$/,
  babel: configName('babel', scriptOrJson),
  babelrc: /^\.babelrc(?:\.(?:json|[cm]?js|cts))?$/,
  docusaurus: configName('docusaurus'),
  postcss: configName('postcss'),
  changesets: /^config\.json$/,
};

/**
 * Every tool Steward reads, by name, in the order they are handled (vite before vitest, which also
 * reads vite configs). Adding a tool is one module in tools/ and one line here.
 */
const registry: Readonly<Record<string, ToolSpec>> = {
  vite: { binaries: ['vite'], configs: (files) => files.atRoot(names.vite), handle: handleVite },
  vitest: {
    binaries: ['vitest'],
    // Vitest reads vitest.config.* and falls back to vite.config.*; a workspace file lists more projects.
    configs: (files, isUsed) => {
      const own = files.atRoot(names.vitest);
      const fallback = own.length === 0 && isUsed ? files.atRoot(names.vite) : [];
      return [...own, ...fallback, ...files.atRoot(names.vitestProjects)];
    },
    packages: ['vitest'],
    handle: handleVitest,
  },
  jest: { binaries: ['jest'], configs: (files) => files.atRoot(names.jest), packageField: 'jest', packages: ['jest', 'react-scripts'], handle: handleJest },
  playwright: { binaries: ['playwright'], configs: (files) => files.atRoot(names.playwright), packages: ['@playwright/test'], handle: handlePlaywright },
  webpack: { binaries: ['webpack', 'webpack-cli', 'webpack-dev-server'], configs: (files) => files.atRoot(names.webpack), packages: ['webpack'], handle: handleWebpack },
  rollup: { binaries: ['rollup'], configs: (files) => files.atRoot(names.rollup), handle: handleRollup },
  tsup: { binaries: ['tsup'], configs: (files) => files.atRoot(names.tsup), packageField: 'tsup', handle: handleTsup },
  // tsdown (tsup's successor) takes the same `entry` option.
  tsdown: { binaries: ['tsdown'], configs: (files) => files.atRoot(names.tsdown), handle: handleTsup },
  'electron-vite': { binaries: ['electron-vite'], configs: (files) => files.atRoot(names.electronVite), handle: handleElectronVite },
  storybook: {
    binaries: ['storybook', 'start-storybook', 'build-storybook'],
    configs: (files) => files.anywhere(names.storybook).filter((path) => path.endsWith(`.storybook/${basename(path)}`)),
    configInFolder: names.storybook,
    handle: handleStorybook,
  },
  eslint: {
    binaries: ['eslint'],
    configs: (files) => [...files.atRoot(names.eslint), ...files.anywhere(names.eslintrc)],
    packageField: 'eslintConfig',
    handle: handleEslint,
  },
  babel: {
    configs: (files) => [...files.atRoot(names.babel), ...files.anywhere(names.babelrc)],
    packageField: 'babel',
    handle: handleBabel,
  },
  docusaurus: { configs: (files) => files.atRoot(names.docusaurus), handle: handleDocusaurus },
  postcss: { configs: (files) => files.atRoot(names.postcss), packageField: 'postcss', handle: handlePostcss },
  changesets: {
    configs: (files) => files.anywhere(names.changesets).filter((path) => path.endsWith('.changeset/config.json')),
    handle: handleChangesets,
  },
  mocha,
  ava,
  borp,
  tstyche,
  cypress,
  runtimeTests,
  nuxt,
  electronBuilder,
  karma,
  gatsby,
  commitlint,
  releaseIt,
  commitizen,
  typescript,
};

/**
 * Every tool a workspace uses: each command line running it, and each of its configs (those the
 * commands name with `--config`, the tool's default files, its package.json field), or its defaults
 * when it has none. Each config is an entry itself (the tool loads it) and is handled once per folder
 * it runs in.
 */
export function addToolEntries(context: EntryContext, workspace: WorkspaceInfo, files: WorkspaceFiles): void {
  for (const [tool, spec] of Object.entries(registry)) {
    const runs = workspace.tools.get(tool) ?? [];
    const isUsed = runs.length > 0 || (spec.packages ?? []).some((name) => workspace.dependencies.has(name));
    const configs = [...requestedConfigs(context, tool, spec, runs), ...(spec.configs?.(files, isUsed) ?? []).map((path) => loadConfig(context, tool, path, dirname(path)))];
    const field = spec.packageField === undefined ? undefined : workspace.packageJson?.[spec.packageField];
    if (field !== undefined && workspace.packageJsonPath) {
      configs.push({ path: workspace.packageJsonPath, label: `${workspace.packageJsonPath} "${spec.packageField}"`, cwd: workspace.dir, value: field });
    }
    // Command lines first: what a script names is the most telling reason for a file.
    for (const run of runs) spec.run?.(context, workspace, run);
    if (configs.length === 0 && isUsed && context.firstVisit(`${tool}\0defaults\0${workspace.dir}`)) spec.handle?.(context, workspace, null);
    for (const config of configs) if (context.firstVisit(`${tool}\0${config.label}\0${config.cwd}`)) spec.handle?.(context, workspace, config);
  }
}

/** The tool a command starts, by the binary's name. */
export function toolOfBinary(binary: string): string | undefined {
  return binaryTools.get(binary);
}

const binaryTools = new Map(Object.entries(registry).flatMap(([tool, spec]) => (spec.binaries ?? []).map((binary) => [binary, tool] as const)));

/** The configs command lines name (`vitest --config ../../.config/vitest.config.mts`), read from the folder each runs in. */
function requestedConfigs(context: EntryContext, tool: string, spec: ToolSpec, runs: readonly ToolRun[]): LoadedConfig[] {
  return runs.flatMap(({ cwd, args, origin }) => {
    const written = configFlagValue(args);
    if (written === undefined) return [];
    const path = joinPath(cwd, written);
    const inFolder = spec.configInFolder;
    const found = context.tracked.has(path) ? path : inFolder && context.tree.paths.find((tracked) => tracked.startsWith(`${path}/`) && inFolder.test(tracked.slice(path.length + 1)));
    if (found) return [loadConfig(context, tool, found, cwd)];
    context.warn(`${origin} names ${path}, which is not in the repository.`);
    return [];
  });
}

function loadConfig(context: EntryContext, tool: string, path: string, cwd: string): LoadedConfig {
  context.addEntry(path, `config file (${tool})`, false);
  return { path, label: path, cwd, value: context.readConfig(path) };
}

/** vite: the `/x` script paths of its html resolve against `root`; `build.lib.entry` and the rollup inputs ship. */
function handleVite(context: EntryContext, _workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config || !isObject(config.value)) return;
  const { root, build } = config.value;
  const base = isPathValue(root) ? locate(configDir(config), root) : configDir(config);
  context.webRoots.add(base);
  addBuildInputs(context, build, base, `${config.label} build`);
}

/** True when `build` names its inputs (even ones computed at run time, which then cannot be read). */
function hasBuildInputs(build: unknown): boolean {
  if (!isObject(build)) return false;
  const { lib, rollupOptions, rolldownOptions } = build;
  return (isObject(lib) && 'entry' in lib) || [rollupOptions, rolldownOptions].some((options) => isObject(options) && 'input' in options);
}

function addBuildInputs(context: EntryContext, build: unknown, base: string, label: string): void {
  if (!isObject(build)) return;
  if (isObject(build['lib'])) {
    addPathEntries(context, pathValues(build['lib']['entry']), { base, reason: `${label}.lib.entry`, production: true, origin: `${label}.lib.entry` });
  }
  for (const key of ['rollupOptions', 'rolldownOptions']) {
    const options = build[key];
    if (!isObject(options)) continue;
    addPathEntries(context, pathValues(options['input']), { base, reason: `${label}.${key}.input`, production: true, origin: `${label}.${key}.input` });
  }
}

/** electron-vite: main, preload and renderer are each a vite build, with conventional defaults. */
function handleElectronVite(context: EntryContext, _workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config) return;
  const dir = configDir(config);
  const value = isObject(config.value) ? config.value : {};
  for (const section of ['main', 'preload', 'renderer']) {
    const options = isObject(value[section]) ? value[section] : {};
    const defaultRoot = section === 'renderer' ? joinPath(dir, 'src/renderer') : dir;
    const root = isPathValue(options['root']) ? locate(dir, options['root']) : defaultRoot;
    if (section === 'renderer') context.webRoots.add(root);
    if (hasBuildInputs(options['build'])) {
      addBuildInputs(context, options['build'], root, `${config.label} ${section}.build`);
      continue;
    }
    // The renderer's default input is src/renderer/index.html, whose scripts the html pass reads.
    const file = section === 'renderer' ? null : context.findCodeFile(joinPath(dir, `src/${section}/index`));
    if (file) context.addEntry(file, `electron-vite default ${section} entry`, true);
  }
}

/** webpack: `entry` (string, array, object, `{ import }` descriptors) against `context`; `./src` when unset. */
function handleWebpack(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  const dir = config ? configDir(config) : workspace.dir;
  const options = config ? configsIn(config.value) : [{}];
  for (const option of options) {
    const base = isPathValue(option['context']) ? locate(dir, option['context']) : dir;
    if (!('entry' in option)) {
      const file = context.findCodeFile(joinPath(base, 'src/index'));
      if (file) context.addEntry(file, 'webpack default entry (src/index)', true);
      continue;
    }
    const entry = option['entry'];
    const values = isObject(entry) ? Object.values(entry).flatMap((value) => pathValues(isObject(value) ? value['import'] : value)) : pathValues(entry);
    const label = `${config?.label ?? 'webpack'} entry`;
    if (values.length === 0) context.entriesUnreadable(workspace.dir, label);
    addPathEntries(context, values, { base, reason: label, production: true, origin: label });
  }
  for (const option of options) for (const loader of loadersIn(option['module'])) addModule(context, workspace, dir, loader, `${config?.label ?? 'webpack'} module.rules loader`);
}

/** The loaders of webpack's `module.rules` (through `oneOf`, `rules` and `use`), as named: `'sass-loader'`, `{ loader: 'css-loader' }`, `'style-loader!css-loader'`. */
function loadersIn(value: unknown, depth = 0): string[] {
  if (depth > 16) return [];
  if (Array.isArray(value)) return value.flatMap((item) => loadersIn(item, depth + 1));
  if (!isObject(value)) return [];
  const named = [value['loader'], ...[value['use']].flat()].flatMap((item) => (typeof item === 'string' ? item.split('!') : isObject(item) && typeof item['loader'] === 'string' ? [item['loader']] : []));
  const nested = ['rules', 'oneOf', 'use'].flatMap((key) => (Array.isArray(value[key]) || isObject(value[key]) ? loadersIn(value[key], depth + 1) : []));
  return [...named.map((loader) => loader.replace(/\?.*$/, '')).filter((loader) => loader !== ''), ...nested];
}

function handleRollup(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  addBundlerInputs(context, workspace, config, 'input');
}

function handleTsup(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  addBundlerInputs(context, workspace, config, 'entry');
}

function addBundlerInputs(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null, key: string): void {
  if (!config) return;
  const label = `${config.label} ${key}`;
  for (const options of configsIn(config.value)) {
    const values = pathValues(options[key]);
    if (key in options && values.length === 0) context.entriesUnreadable(workspace.dir, label);
    addPathEntries(context, values, { base: configDir(config), reason: label, production: true, origin: label });
  }
}
