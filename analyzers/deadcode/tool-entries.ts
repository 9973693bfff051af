import { isObject } from '../discover/package-json.js';
import { basename, joinPath } from '../discover/repo-paths.js';
import {
  addPathEntries,
  configDir,
  configsIn,
  isPathValue,
  locate,
  pathValues,
  type EntryContext,
  type LoadedConfig,
  type Tool,
  type WorkspaceInfo,
} from './entry-context.js';
import { handleBabel, handleChangesets, handleDocusaurus, handleEslint, handlePostcss } from './package-references.js';
import { handleJest, handlePlaywright, handleStorybook, handleVitest } from './test-tool-entries.js';

/** Handles one config of a tool (null: the tool is in use without one, so its defaults apply). */
type ToolHandler = (context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null) => void;

/** The config files of one workspace (never those of a workspace nested in it). */
export interface WorkspaceFiles {
  /** Tracked files in the workspace folder itself whose name matches. */
  atRoot(name: RegExp): string[];
  /** Tracked files anywhere in the workspace whose name matches: configs that cascade, like .eslintrc. */
  anywhere(name: RegExp): string[];
}

interface ToolSpec {
  /** The tool's config files in a workspace, in the order they are handled. */
  configs(files: WorkspaceFiles, isUsed: boolean): string[];
  /** A package.json field that holds the same config. */
  packageField?: string;
  /** Dependencies that mean the tool runs even without a config or a script naming it. */
  packages: readonly string[];
  /** False for configs whose content says nothing useful (flat ESLint configs: the caller follows their imports). */
  reads?(path: string): boolean;
  /** Where `-c <folder>` looks for the config (storybook's config dir). */
  configInFolder?: RegExp;
  handle: ToolHandler;
}

const script = String.raw`\.[cm]?[jt]s`;
const scriptOrJson = String.raw`(?:${script}|\.json)`;
const configName = (tool: string, extensions = script): RegExp => new RegExp(String.raw`^${tool}\.config${extensions}$`);

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

/** What each tool reads, in the order tools are handled (vite before vitest, which also reads vite configs). */
const tools: Readonly<Record<Tool, ToolSpec>> = {
  vite: { configs: (files) => files.atRoot(names.vite), packages: [], handle: handleVite },
  vitest: {
    // Vitest reads vitest.config.* and falls back to vite.config.*; a workspace file lists more projects.
    configs: (files, isUsed) => {
      const own = files.atRoot(names.vitest);
      const fallback = own.length === 0 && isUsed ? files.atRoot(names.vite) : [];
      return [...own, ...fallback, ...files.atRoot(names.vitestProjects)];
    },
    packages: ['vitest'],
    handle: handleVitest,
  },
  jest: { configs: (files) => files.atRoot(names.jest), packageField: 'jest', packages: ['jest', 'react-scripts'], handle: handleJest },
  playwright: { configs: (files) => files.atRoot(names.playwright), packages: ['@playwright/test'], handle: handlePlaywright },
  webpack: { configs: (files) => files.atRoot(names.webpack), packages: ['webpack'], handle: handleWebpack },
  rollup: { configs: (files) => files.atRoot(names.rollup), packages: [], handle: handleRollup },
  tsup: { configs: (files) => files.atRoot(names.tsup), packageField: 'tsup', packages: [], handle: handleTsup },
  // tsdown (tsup's successor) takes the same `entry` option.
  tsdown: { configs: (files) => files.atRoot(names.tsdown), packages: [], handle: handleTsup },
  'electron-vite': { configs: (files) => files.atRoot(names.electronVite), packages: [], handle: handleElectronVite },
  storybook: {
    configs: (files) => files.anywhere(names.storybook).filter((path) => path.endsWith(`.storybook/${basename(path)}`)),
    packages: [],
    configInFolder: names.storybook,
    handle: handleStorybook,
  },
  eslint: {
    configs: (files) => [...files.atRoot(names.eslint), ...files.anywhere(names.eslintrc)],
    packageField: 'eslintConfig',
    packages: [],
    reads: (path) => !basename(path).startsWith('eslint.config.'),
    handle: handleEslint,
  },
  babel: {
    configs: (files) => [...files.atRoot(names.babel), ...files.anywhere(names.babelrc)],
    packageField: 'babel',
    packages: [],
    handle: handleBabel,
  },
  docusaurus: { configs: (files) => files.atRoot(names.docusaurus), packages: [], handle: handleDocusaurus },
  postcss: { configs: (files) => files.atRoot(names.postcss), packageField: 'postcss', packages: [], handle: handlePostcss },
  changesets: {
    configs: (files) => files.anywhere(names.changesets).filter((path) => path.endsWith('.changeset/config.json')),
    packages: [],
    handle: handleChangesets,
  },
};

/**
 * Every tool config of a workspace: those its scripts name with `--config`, the tool's default files and
 * its package.json field. Each config is an entry itself (the tool loads it) and is handled once.
 */
export function addToolEntries(context: EntryContext, workspace: WorkspaceInfo, files: WorkspaceFiles): void {
  for (const [tool, spec] of Object.entries(tools) as [Tool, ToolSpec][]) {
    const isUsed = workspace.tools.has(tool) || spec.packages.some((name) => workspace.dependencies.has(name));
    const configs = [...requestedConfigs(context, workspace, tool, spec), ...spec.configs(files, isUsed).map((path) => loadConfig(context, tool, spec, path))];
    const field = spec.packageField === undefined ? undefined : workspace.packageJson?.[spec.packageField];
    if (field !== undefined && workspace.packageJsonPath) {
      configs.push({ path: workspace.packageJsonPath, label: `${workspace.packageJsonPath} "${spec.packageField}"`, value: field });
    }
    if (configs.length === 0 && isUsed && context.firstVisit(`${tool}\0defaults\0${workspace.dir}`)) spec.handle(context, workspace, null);
    for (const config of configs) if (context.firstVisit(`${tool}\0${config.label}`)) spec.handle(context, workspace, config);
  }
}

function requestedConfigs(context: EntryContext, workspace: WorkspaceInfo, tool: Tool, spec: ToolSpec): LoadedConfig[] {
  return (workspace.tools.get(tool) ?? []).flatMap(({ path, origin }) => {
    const inFolder = spec.configInFolder;
    const found = context.tracked.has(path) ? path : inFolder && context.tree.paths.find((tracked) => tracked.startsWith(`${path}/`) && inFolder.test(tracked.slice(path.length + 1)));
    if (found) return [loadConfig(context, tool, spec, found)];
    context.warn(`${origin} names ${path}, which is not in the repository.`);
    return [];
  });
}

function loadConfig(context: EntryContext, tool: Tool, spec: ToolSpec, path: string): LoadedConfig {
  context.addEntry(path, `config file (${tool})`, false);
  return { path, label: path, value: spec.reads?.(path) === false ? undefined : context.readConfig(path) };
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
    addPathEntries(context, values, { base, reason: label, production: true, origin: label });
  }
}

function handleRollup(context: EntryContext, _workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  addBundlerInputs(context, config, 'input');
}

function handleTsup(context: EntryContext, _workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  addBundlerInputs(context, config, 'entry');
}

function addBundlerInputs(context: EntryContext, config: LoadedConfig | null, key: string): void {
  if (!config) return;
  const label = `${config.label} ${key}`;
  for (const options of configsIn(config.value)) {
    addPathEntries(context, pathValues(options[key]), { base: configDir(config), reason: label, production: true, origin: label });
  }
}
