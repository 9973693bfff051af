import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import type { LockedPeers } from '../dependencies/lockfile-peers.js';
import { isObject, readPackageJson } from '../discover/package-json.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { basename, joinPath } from '../discover/repo-paths.js';
import type { Workspace } from '../discover/workspaces.js';
import type { FileFacts } from '../facts/file-facts.js';
import type { ResolveModule } from '../resolve/module-resolver.js';
import { packageNameOf } from '../resolve/package-name.js';
import type { UnjudgedFinding } from './dead-code.js';
import { type PathAlias, pathAliasMatcher } from './path-aliases.js';
import { registry } from './tools/registry.js';
import { workspaceLocator } from './workspace-of.js';
import { parseJson, parseJsoncTree } from '../documents/parse-document.js';

export interface DependencyUsageInput {
  tree: ProjectTree;
  workspaces: readonly Workspace[]; // root ('' dir) first
  facts: ReadonlyMap<string, FileFacts>;
  /** Files in use (reachable from entries); only their imports count as uses, and only they can have unlisted imports. */
  live: ReadonlySet<string>;
  resolve: ResolveModule;
  /** Binaries run by package.json scripts / CI lines, per workspace. */
  scriptBinaries: readonly { workspaceDir: string; binary: string; script: string }[];
  /** Packages named as strings in tool configs (jest preset, eslint extends, …). */
  referencedPackages: readonly { workspaceDir: string; name: string; reason: string }[];
  /** tsconfig `paths` keys (e.g. '@/*', '~/*'): a bare specifier matching one is an alias, never a package. */
  pathAliases: readonly PathAlias[];
  /** Peer dependencies by package from the lockfiles, for packages not installed. */
  lockedPeers: LockedPeers;
  /** Production mode: only `dependencies` are checked (devDependencies never reported), uses come only from production files (the caller passes those as `live`). */
  production: boolean;
  warnings: string[]; // push one sentence per unreadable package.json etc.
}

const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
type DependencyField = (typeof dependencyFields)[number];

/** The fields whose packages the workspace installs itself; a peer dependency is installed by someone else. */
const installingFields: readonly DependencyField[] = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** Peers are the consumer's to install and optional ones may be missing on purpose: never reported unused. */
const neverUnusedFields: readonly DependencyField[] = ['peerDependencies', 'optionalDependencies'];

/** One readable package.json: each field's declared packages, with the line of the package's key. */
interface Manifest {
  dir: string;
  path: string;
  declared: Record<DependencyField, ReadonlyMap<string, number>>;
}

/** Package names by workspace dir: who uses (or whose declaration is used for) what. */
type NamesByWorkspace = Map<string, Set<string>>;

/** Where the files of one workspace import a package that no package.json in reach declares. */
interface UnlistedImport {
  workspace: string;
  name: string;
  /** Importing file → the line of its first import of the package. */
  firstLines: Map<string, number>;
}

interface Context {
  input: DependencyUsageInput;
  /** Readable package.json files by workspace dir; a workspace missing here has nothing checkable. */
  manifests: ReadonlyMap<string, Manifest>;
  root: Manifest | undefined;
  /** The workspace a path belongs to: the deepest one with a package.json containing it. */
  ownerOf(path: string): string;
  isPathAlias(specifier: string, fromPath: string): boolean;
  /** Workspace package name → its folder. */
  workspaceNames: ReadonlyMap<string, string>;
}

/**
 * Binaries whose package has another name, for when node_modules is not installed (besides the
 * registry's tools, added below). A binary named
 * like its package (vitest, eslint, prettier, tsx, …) needs no entry: a binary equal to a declared
 * dependency's name counts as a use of it anyway.
 */
const namedBinaryPackages: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    tsc: ['typescript'],
    tsserver: ['typescript'],
    playwright: ['@playwright/test', 'playwright'],
    webpack: ['webpack-cli', 'webpack'],
    'svelte-kit': ['@sveltejs/kit'],
    ng: ['@angular/cli'],
    changeset: ['@changesets/cli'],
    biome: ['@biomejs/biome'],
    del: ['del-cli'],
    'run-s': ['npm-run-all', 'npm-run-all2'],
    'run-p': ['npm-run-all', 'npm-run-all2'],
    'npm-run-all': ['npm-run-all', 'npm-run-all2'],
    'cross-env-shell': ['cross-env'],
    'ts-node-esm': ['ts-node'],
    storybook: ['storybook', '@storybook/cli'],
    sb: ['storybook', '@storybook/cli'],
    'api-extractor': ['@microsoft/api-extractor'],
    attw: ['@arethetypeswrong/cli'],
    dotenv: ['dotenv-cli'],
    chokidar: ['chokidar-cli'],
    babel: ['@babel/cli'],
    swc: ['@swc/cli'],
    markdownlint: ['markdownlint-cli'],
    'svelte-package': ['@sveltejs/package'],
    cpy: ['cpy-cli'],
    'start-test': ['start-server-and-test'],
    'server-test': ['start-server-and-test'],
    manypkg: ['@manypkg/cli'],
    ...Object.fromEntries(['ni', 'nr', 'nlx', 'nun', 'nci', 'na', 'nup'].map((binary) => [binary, ['@antfu/ni']])),
    gfi: ['google-font-installer'],
    flow: ['flow-bin'],
    tsgo: ['@typescript/native-preview'],
    svgr: ['@svgr/cli'],
    'electron-rebuild': ['@electron/rebuild', 'electron-rebuild'],
    lunaria: ['@lunariajs/core'],
  }),
);

/** Binaries → the packages that provide them: the list above, and each registry tool's binaries (tools/registry.ts) → its packages. */
const binaryPackages: ReadonlyMap<string, readonly string[]> = withToolBinaries(namedBinaryPackages);

function withToolBinaries(named: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> {
  const merged = new Map(named);
  for (const spec of Object.values(registry)) {
    for (const binary of spec.binaries ?? []) merged.set(binary, [...new Set([...(merged.get(binary) ?? []), ...(spec.packages ?? [])])]);
  }
  return merged;
}

/** Peer dependencies of popular packages, for a clone without node_modules. */
const wellKnownPeers: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    'electron-vite': ['vite'],
    '@vitejs/plugin-react': ['vite'],
    '@vitejs/plugin-react-swc': ['vite'],
    '@vitejs/plugin-vue': ['vite', 'vue'],
    vitest: ['vite'],
    'react-dom': ['react'],
    '@testing-library/react': ['react', 'react-dom', '@testing-library/dom'],
    'ts-jest': ['jest', 'typescript'],
    'ts-node': ['typescript'],
    'typescript-eslint': ['eslint', 'typescript'],
    'docusaurus-plugin-sass': ['sass'],
    '@typescript-eslint/eslint-plugin': ['eslint', 'typescript', '@typescript-eslint/parser'],
    '@babel/cli': ['@babel/core'],
    'babel-loader': ['@babel/core'],
    'sass-loader': ['sass'],
    '@angular/build': ['@angular/compiler-cli'],
    '@angular-devkit/build-angular': ['@angular/compiler-cli'],
    'svelte-preprocess': ['svelte'],
    '@tailwindcss/vite': ['tailwindcss'],
    '@tailwindcss/postcss': ['tailwindcss'],
    'eslint-plugin-prettier': ['prettier', 'eslint-config-prettier'],
    'karma-jasmine': ['jasmine-core'],
    'karma-sinon': ['sinon'],
    'karma-webpack': ['webpack'],
    'esbuild-loader': ['webpack'],
    'url-loader': ['webpack'],
    'css-loader': ['webpack'],
    gatsby: ['react', 'react-dom'],
    'gatsby-plugin-postcss': ['postcss'],
    'gatsby-plugin-mdx': ['@mdx-js/mdx', '@mdx-js/react'],
    '@docusaurus/core': ['react', 'react-dom'],
    'pretty-quick': ['prettier'],
    'jotai-optics': ['optics-ts'],
  }),
);

/**
 * Packages a tool loads by name from its own config (plugins, presets, coverage providers), so no
 * file imports them. They count as used whenever their tool is declared: this errs on "used",
 * because a false "unused" gets a package removed and the build broken.
 */
const toolPlugins: readonly { tool: string; plugin: RegExp }[] = [
  { tool: 'vitest', plugin: /^@vitest\/(coverage-v8|coverage-istanbul|ui|browser)$/ },
  { tool: 'jest', plugin: /^(jest-environment-.+|ts-jest|babel-jest)$/ },
  { tool: 'eslint', plugin: /^(eslint-(plugin|config)-.+|@[^/]+\/eslint-(plugin|config)(-.+)?|@typescript-eslint\/.+|typescript-eslint|@eslint\/js)$/ },
  { tool: 'prettier', plugin: /^(prettier-plugin-.+|@[^/]+\/prettier-plugin(-.+)?)$/ },
  { tool: 'size-limit', plugin: /^@size-limit\/.+$/ },
  { tool: 'karma', plugin: /^karma-.+$/ },
  // UnoCSS's icon preset loads the icon sets installed as @iconify-json/<set>.
  { tool: 'unocss', plugin: /^@iconify-json\/.+$/ },
  // Astro's default image service is sharp, and `astro check` runs @astrojs/check.
  { tool: 'astro', plugin: /^(sharp|@astrojs\/check)$/ },
];

/**
 * What TypeScript sources need without importing it: the compiler, the Node typings the editor
 * loads by default, and tslib. Strictly tslib is needed only with `importHelpers`; reading every
 * tsconfig for that one flag is not worth a possible false "unused", so TypeScript files suffice.
 */
const typeScriptTooling = ['typescript', 'tslib', '@types/node'];

/**
 * Module names a framework's bundler aliases to its own files rather than to packages: Docusaurus
 * serves `@docusaurus/Link`, `@theme/Layout`, `@site/…` and `@generated/…` from @docusaurus/core.
 */
const virtualModules: readonly { name: RegExp; provider: string }[] = [
  { name: /^@(?:docusaurus|theme|theme-original|theme-init|site|generated)\//, provider: '@docusaurus/core' },
];

/** The declared package that serves `name` as a virtual module, unless `name` is itself a declared package. */
function virtualModuleProvider(context: Context, workspace: string, name: string): string | undefined {
  if (declaresInReach(context, workspace, name)) return undefined;
  return virtualModules.find((entry) => entry.name.test(name) && declaresInReach(context, workspace, entry.provider))?.provider;
}

/** npm's rules for a package name, legacy upper case allowed. */
const packageNamePattern = /^(?:@[a-z0-9-][a-z0-9-._]*\/)?[a-z0-9-][a-z0-9-._]*$/i;
const maxPackageNameLength = 214;

/**
 * Unused dependencies and devDependencies of each workspace, and packages imported by files in use
 * that no package.json in reach lists. Like knip, but every doubt counts as a use: scripts, tool
 * configs, plugins of declared tools and hoisting to the root all keep a dependency, since a wrong
 * "unused" breaks the build of whoever trusts it.
 */
export function findDependencyIssues(input: DependencyUsageInput): UnjudgedFinding[] {
  const context = createContext(input);
  const { uses, unlisted } = collectImportUses(context);
  addTypeScriptToolingUses(context, uses);
  addScriptUses(context, uses);
  for (const { workspaceDir, name } of input.referencedPackages) addName(uses, context.ownerOf(workspaceDir), name);
  addToolPluginUses(context, uses);
  addPeerUses(context, uses);
  addTypesPackageUses(uses);
  const used = declarationsUsed(context, uses);
  return [...unusedDependencies(context, used, [...unlisted.values()]), ...[...unlisted.values()].map((entry) => unlistedFinding(context, entry))].sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.name.localeCompare(b.name),
  );
}

function createContext(input: DependencyUsageInput): Context {
  const manifests = new Map<string, Manifest>();
  for (const workspace of input.workspaces) {
    const manifest = workspace.packageJsonPath === null ? undefined : readManifest(input.tree, workspace.dir, workspace.packageJsonPath, input.warnings);
    if (manifest) manifests.set(workspace.dir, manifest);
  }
  // A workspace with an unreadable package.json still owns its files: its declarations are unknown, not the root's.
  const ownerOf = workspaceLocator(input.workspaces.filter((workspace) => workspace.packageJsonPath !== null));
  const workspaceNames = new Map(input.workspaces.flatMap(({ name, dir }) => (name === null ? [] : [[name, dir] as const])));
  return { input, manifests, root: manifests.get(''), ownerOf, isPathAlias: pathAliasMatcher(input.pathAliases), workspaceNames };
}

/** A package.json that is not valid JSON is skipped with a warning: guessing its dependencies would only mislead. */
function readManifest(tree: ProjectTree, dir: string, path: string, warnings: string[]): Manifest | undefined {
  const packageJson = readPackageJson(tree, path, []);
  if (!packageJson) {
    warnings.push(`${path} could not be read as a JSON object, so its dependencies were not checked.`);
    return undefined;
  }
  const text = tree.readFile(path) ?? '';
  // readPackageJson has parsed the same text, so its nesting is within bounds.
  const syntax = parseJsoncTree(text);
  const declaredIn = (field: DependencyField): Map<string, number> => {
    const block = packageJson[field];
    return new Map(isObject(block) ? Object.keys(block).map((name) => [name, keyLine(text, syntax, field, name)]) : []);
  };
  return {
    dir,
    path,
    declared: {
      dependencies: declaredIn('dependencies'),
      devDependencies: declaredIn('devDependencies'),
      peerDependencies: declaredIn('peerDependencies'),
      optionalDependencies: declaredIn('optionalDependencies'),
    },
  };
}

/** The 1-based line of `name`'s key inside the `field` block, so the finding points at the line to delete. */
function keyLine(text: string, syntax: JsonNode | undefined, field: DependencyField, name: string): number {
  const key = (syntax && findNodeAtLocation(syntax, [field, name]))?.parent?.children?.[0];
  return key ? text.slice(0, key.offset).split('\n').length : 1;
}

function declares(manifest: Manifest | undefined, name: string, fields: readonly DependencyField[] = dependencyFields): boolean {
  return manifest !== undefined && fields.some((field) => manifest.declared[field].has(name));
}

/** Declared by the workspace itself or, hoisted, by the root. */
function declaresInReach(context: Context, workspace: string, name: string): boolean {
  return declares(context.manifests.get(workspace), name) || declares(context.root, name);
}

function addName(map: NamesByWorkspace, workspace: string, name: string): void {
  const names = map.get(workspace);
  if (names) names.add(name);
  else map.set(workspace, new Set([name]));
}

/** Every package a file in use imports (type-only too: the types come from it), and the imports nothing lists. */
function collectImportUses(context: Context): { uses: NamesByWorkspace; unlisted: Map<string, UnlistedImport> } {
  const { facts, live, resolve } = context.input;
  const uses: NamesByWorkspace = new Map();
  const unlisted = new Map<string, UnlistedImport>();
  for (const path of live) {
    const file = facts.get(path);
    if (!file) continue;
    const owner = context.ownerOf(path);
    for (const { specifier: written, line, typeOnly } of bareReferencesOf(file)) {
      // webpack's inline loaders (`url-loader!./image.jpg`): each loader is a package in use, the last part is the import.
      const parts = written.split('!');
      const specifier = parts.pop()!;
      for (const loader of parts) if (loader !== '') addName(uses, owner, packageNameOf(loader.replace(/\?.*$/, '')));
      const resolution = resolve(specifier, path);
      if (resolution.kind === 'builtin') {
        // Node's built-in modules get their types from @types/node.
        addName(uses, owner, '@types/node');
        continue;
      }
      const name = packageNameOf(specifier);
      if (!isPublishableName(name)) continue;
      // `paths` often point a package name at its source (`@acme/ui` → packages/ui/src): the
      // declaration still installs it for everyone else, so only a name nothing declares is an alias.
      if (context.isPathAlias(specifier, path) && !isPackageName(context, owner, name)) continue;
      const provider = virtualModuleProvider(context, owner, name);
      if (provider !== undefined) {
        addName(uses, owner, provider);
        continue;
      }
      // A sibling workspace resolves to its files, yet its name still uses the declaration that links it,
      // and without one an isolated install (pnpm, a published package) cannot find it.
      addName(uses, owner, name);
      const external = resolution.kind === 'package' || (context.workspaceNames.has(name) && context.workspaceNames.get(name) !== owner);
      if (external && isUnlisted(context, owner, name, typeOnly)) recordUnlisted(unlisted, owner, name, path, line);
    }
  }
  return { uses, unlisted };
}

/** Imports, re-exports, `import()` and `require()` with a bare (non-relative) literal specifier. */
function* bareReferencesOf(file: FileFacts): Generator<{ specifier: string; line: number; typeOnly: boolean }> {
  const references = [
    ...file.imports.map((fact) => ({ ...fact, typeOnly: fact.typeOnly || allTypeOnly(fact.bindings) })),
    ...file.reExports.map((fact) => ({ ...fact, typeOnly: fact.typeOnly || allTypeOnly(fact.names ?? []) })),
    ...file.dynamicImports.flatMap((fact) => (fact.specifier === null ? [] : [{ specifier: fact.specifier, line: fact.line, typeOnly: false }])),
  ];
  for (const { specifier, line, typeOnly } of references) {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) yield { specifier, line, typeOnly };
  }
}

/** `import { type A, type B } from 'x'` is erased like `import type`. */
function allTypeOnly(bindings: readonly { typeOnly: boolean }[]): boolean {
  return bindings.length > 0 && bindings.every((binding) => binding.typeOnly);
}

/** A name npm could publish, so not `@/x`, `~/x`, `#internal`, `virtual:x`, `bun:x` or a URL. */
function isPublishableName(name: string): boolean {
  return name.length <= maxPackageNameLength && packageNamePattern.test(name);
}

/**
 * Not declared by the workspace nor the root. Files of a workspace without a readable package.json
 * have nothing to check against; a type-only import is satisfied by `@types/<name>` alone.
 */
/** A name some package.json in reach declares, or a workspace package's own name. */
function isPackageName(context: Context, workspace: string, name: string): boolean {
  return context.workspaceNames.has(name) || declaresInReach(context, workspace, name);
}

function isUnlisted(context: Context, workspace: string, name: string, typeOnly: boolean): boolean {
  if (!context.manifests.has(workspace)) return false;
  const satisfying = typeOnly ? [name, typesPackageOf(name)] : [name];
  return !satisfying.some((candidate) => declaresInReach(context, workspace, candidate));
}

function recordUnlisted(unlisted: Map<string, UnlistedImport>, workspace: string, name: string, path: string, line: number): void {
  const key = `${workspace}\0${name}`;
  let entry = unlisted.get(key);
  if (!entry) {
    entry = { workspace, name, firstLines: new Map() };
    unlisted.set(key, entry);
  }
  const known = entry.firstLines.get(path);
  if (known === undefined || line < known) entry.firstLines.set(path, line);
}

/** `x` → `@types/x`; `@scope/name` → `@types/scope__name` (DefinitelyTyped's spelling). */
function typesPackageOf(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** TypeScript files (or a tsconfig) use the TypeScript tooling of their workspace, and the root's, which often hosts it for all. */
function addTypeScriptToolingUses(context: Context, uses: NamesByWorkspace): void {
  for (const path of context.input.tree.paths) {
    if (!isTypeScriptProjectFile(path)) continue;
    for (const workspace of new Set([context.ownerOf(path), ''])) {
      for (const name of typeScriptTooling) addName(uses, workspace, name);
    }
  }
}

function isTypeScriptProjectFile(path: string): boolean {
  if (path.split('/').includes('node_modules')) return false;
  return /\.[cm]?tsx?$/.test(path) || /^tsconfig.*\.json$/.test(basename(path));
}

/**
 * A binary run by a script uses the package providing it: per the installed packages' `bin`
 * fields, the table of well-known binaries, or a dependency of the same name. All three count
 * together rather than in turn, which can only add uses. Only for a binary no package of that name
 * provides, a scoped package not installed is taken to provide its unscoped name (`intent` for
 * `@tanstack/intent`), as most scoped command-line tools do.
 */
function addScriptUses(context: Context, uses: NamesByWorkspace): void {
  const providersByWorkspace = new Map<string, DeclaredBinaries>();
  for (const { workspaceDir, binary } of context.input.scriptBinaries) {
    const owner = context.ownerOf(workspaceDir);
    let providers = providersByWorkspace.get(owner);
    if (!providers) {
      providers = declaredBinaries(context, owner);
      providersByWorkspace.set(owner, providers);
    }
    const guessed = declaresInReach(context, owner, binary) ? [] : (providers.guessed.get(binary) ?? []);
    for (const name of [binary, ...(providers.installed.get(binary) ?? []), ...guessed, ...(binaryPackages.get(binary) ?? [])]) addName(uses, owner, name);
  }
}

/** Binary → the declared packages providing it: per their installed `bin`, or guessed for scoped packages not installed. */
interface DeclaredBinaries {
  installed: Map<string, string[]>;
  guessed: Map<string, string[]>;
}

/** Among the dependencies declared by the workspace and the root. */
function declaredBinaries(context: Context, workspace: string): DeclaredBinaries {
  const providers: DeclaredBinaries = { installed: new Map(), guessed: new Map() };
  const add = (map: Map<string, string[]>, binary: string, name: string): void => {
    const list = map.get(binary);
    if (list) list.push(name);
    else map.set(binary, [name]);
  };
  const manifests = [context.manifests.get(workspace), context.root].filter((manifest) => manifest !== undefined);
  const names = new Set(manifests.flatMap((manifest) => dependencyFields.flatMap((field) => [...manifest.declared[field].keys()])));
  for (const name of names) {
    // A workspace package of the repository (`@repo/builder` providing `radix-build`) needs no install to tell.
    const sibling = context.workspaceNames.get(name);
    const installed = installedPackageJson(context.input.tree, workspace, name) ?? (sibling === undefined ? undefined : packageJsonAt(context.input.tree, joinPath(sibling, 'package.json')));
    for (const binary of binariesOf(name, installed)) add(providers.installed, binary, name);
    if (installed === undefined && name.startsWith('@')) add(providers.guessed, name.slice(name.indexOf('/') + 1), name);
  }
  return providers;
}

/** The workspace's own node_modules first, then the root's, where hoisting puts most packages. */
function installedPackageJson(tree: ProjectTree, workspace: string, name: string): unknown {
  const candidates = workspace === '' ? [''] : [`${workspace}/`, ''];
  for (const prefix of candidates) {
    const text = tree.readInstalledFile(`${prefix}node_modules/${name}/package.json`);
    if (text !== undefined) return parsedOrNothing(text);
  }
  return undefined;
}

function packageJsonAt(tree: ProjectTree, path: string): unknown {
  const text = tree.readFile(path);
  return text === undefined ? undefined : parsedOrNothing(text);
}

/** A broken package.json says nothing about the project; the table of well-known binaries still applies. */
function parsedOrNothing(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

/** `bin` as a string is installed under the package's unscoped name; as a map, under its keys. */
function binariesOf(name: string, packageJson: unknown): string[] {
  const bin = isObject(packageJson) ? packageJson['bin'] : undefined;
  if (typeof bin === 'string') return [name.slice(name.lastIndexOf('/') + 1)];
  return isObject(bin) ? Object.keys(bin) : [];
}

/**
 * Peer dependencies of a package in use are used too: electron-vite needs vite installed beside it,
 * though no file imports vite. Read from the installed package.json when there is one, else from
 * the workspace package's own package.json or the lockfile, and a table of well-known pairs, so
 * that a fresh clone answers as an install does.
 */
function addPeerUses(context: Context, uses: NamesByWorkspace): void {
  for (const [workspace, names] of uses) {
    for (const name of [...names]) {
      for (const peer of [...peersOf(context, workspace, name), ...(wellKnownPeers.get(name) ?? [])]) names.add(peer);
    }
  }
}

function peersOf(context: Context, workspace: string, name: string): readonly string[] {
  const installed = installedPackageJson(context.input.tree, workspace, name);
  if (isObject(installed) && isObject(installed['peerDependencies'])) return Object.keys(installed['peerDependencies']);
  const workspaceDir = context.workspaceNames.get(name);
  const manifest = workspaceDir === undefined ? undefined : context.manifests.get(workspaceDir);
  if (manifest) return [...manifest.declared.peerDependencies.keys()];
  return context.input.lockedPeers.get(name) ?? [];
}

/**
 * `@types/x` serves `x`: it is used wherever `x` is used, including in the root, whose hoisted
 * packages the workspaces see. Pairs are added after scripts and configs, so that `@types/jest` stays
 * used while jest only runs from a script.
 */
function addTypesPackageUses(uses: NamesByWorkspace): void {
  const rootNames = [...(uses.get('') ?? [])];
  for (const [workspace, names] of uses) {
    const served = workspace === '' ? [...names] : [...names, ...rootNames];
    for (const name of served) if (!name.startsWith('@types/')) names.add(typesPackageOf(name));
  }
}

/**
 * Which declarations the uses land on: the using workspace's own, or else the root's (hoisting).
 * A workspace that only names a package as a peer relies on someone else's install, often the root's.
 */
function declarationsUsed(context: Context, uses: NamesByWorkspace): NamesByWorkspace {
  const used: NamesByWorkspace = new Map();
  for (const [workspace, names] of uses) {
    const manifest = context.manifests.get(workspace);
    for (const name of names) {
      if (declares(manifest, name)) addName(used, workspace, name);
      if (!declares(manifest, name, installingFields)) addName(used, '', name);
    }
  }
  return used;
}

/**
 * Declarations nothing in their workspace uses: unused, or misplaced when files of other workspaces
 * import the package without any package.json in their reach listing it (move it, do not remove it).
 */
function unusedDependencies(context: Context, used: NamesByWorkspace, unlisted: readonly UnlistedImport[]): UnjudgedFinding[] {
  const checked: readonly [DependencyField, 'dependency' | 'dev-dependency'][] = context.input.production
    ? [['dependencies', 'dependency']]
    : [
        ['dependencies', 'dependency'],
        ['devDependencies', 'dev-dependency'],
      ];
  const findings: UnjudgedFinding[] = [];
  for (const manifest of context.manifests.values()) {
    for (const [field, kind] of checked) {
      for (const [name, line] of manifest.declared[field]) {
        if (used.get(manifest.dir)?.has(name) || declares(manifest, name, neverUnusedFields)) continue;
        const elsewhere = unlisted.filter((entry) => entry.name === name && entry.workspace !== manifest.dir);
        if (elsewhere.length === 0) {
          findings.push({ kind, path: manifest.path, line, name, workspace: manifest.dir, reason: unusedReason(field, manifest.path, name), importers: [] });
          continue;
        }
        const importers = [...new Set(elsewhere.flatMap((entry) => [...entry.firstLines.keys()]))].sort();
        const where = elsewhere.map((entry) => context.manifests.get(entry.workspace)?.path ?? `${entry.workspace || 'the root'}`).join(', ');
        const reason = `listed in ${field} of ${manifest.path}, where nothing uses it, but imported by ${importers.length === 1 ? '1 file' : `${importers.length} files`} of ${where}, ${elsewhere.length === 1 ? 'which does not list it' : 'none of which lists it'}`;
        findings.push({ kind: 'misplaced-dependency', path: manifest.path, line, name, workspace: manifest.dir, reason, importers });
      }
    }
  }
  return findings;
}

/** A declared plugin of a declared tool is in use, and so are its peers (karma-jasmine needs jasmine-core). */
function addToolPluginUses(context: Context, uses: NamesByWorkspace): void {
  for (const manifest of context.manifests.values()) {
    for (const names of Object.values(manifest.declared)) {
      for (const name of names.keys()) {
        if (toolPlugins.some(({ tool, plugin }) => plugin.test(name) && declaresInReach(context, manifest.dir, tool))) addName(uses, manifest.dir, name);
      }
    }
  }
}

function unusedReason(field: DependencyField, path: string, name: string): string {
  const unused = 'no file in use imports it, no script runs it and no config names it';
  const served = name.startsWith('@types/') ? servedPackageOf(name) : undefined;
  return served === undefined
    ? `listed in ${field} of ${path}, but ${unused}`
    : `listed in ${field} of ${path}, but \`${served}\`, whose types it holds, is not used either: ${unused}`;
}

/** `@types/scope__name` → `@scope/name`; `@types/x` → `x`. */
function servedPackageOf(typesPackage: string): string {
  const name = typesPackage.slice('@types/'.length);
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

function unlistedFinding(context: Context, { workspace, name, firstLines }: UnlistedImport): UnjudgedFinding {
  const importers = [...firstLines.keys()].sort();
  const first = importers[0]!;
  const line = firstLines.get(first)!;
  const where = importers.length === 1 ? `1 file in use (${first}:${line})` : `${importers.length} files in use (first ${first}:${line})`;
  const manifest = context.manifests.get(workspace)!;
  const lists = workspace !== '' && context.root ? `${manifest.path} or the root ${context.root.path}` : manifest.path;
  return { kind: 'unlisted-dependency', path: first, line, name, workspace, reason: `imported by ${where}, but not listed in ${lists}`, importers };
}
