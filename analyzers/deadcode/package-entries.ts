import { isObject, type PackageJson } from '../discover/package-json.js';
import { isWithin, joinPath } from '../discover/repo-paths.js';
import { buildFolders, codeExtensions, outputCandidates, relativeTo, sourceOfOutput } from '../resolve/build-output.js';
import type { EntryContext, WorkspaceInfo } from './entry-context.js';

/** Folders packages build into; a target there that maps to no source is gitignored output, not a mistake. */

/** Files Node and bundlers start from when a package names none. */
const defaultEntryNames = ['index', 'main', 'cli'];

/** A file a package.json field names, as written (relative to the package folder). */
interface DeclaredTarget {
  /** How the reason names the field: `"main"`, `"bin.steward"`, `"exports" "./foo"`. */
  field: string;
  target: string;
  /** The exports subpath, checked against the subpaths `null` removes. */
  subpath?: string;
}

/**
 * The files a package's manifest makes public: main, module, browser, types, bin and every exports
 * condition, mapped from build output back to the source that produces it. A package that declares
 * none (or whose declared files all lack a source) falls back to index/main/cli, as Node would.
 */
export function addPackageEntries(context: EntryContext, workspace: WorkspaceInfo): void {
  addJsrExports(context, workspace);
  addConditionSources(context, workspace);
  const manifest = workspace.packageJson;
  const label = workspace.packageJsonPath ?? joinPath(workspace.dir, 'package.json');
  const { targets, excluded } = declaredTargets(manifest);
  const openName = openLibraryName(manifest);
  if (openName !== null) context.openToDeepImports(workspace.dir, openName);
  let found = false;
  for (const declared of targets) {
    found = addDeclaredTarget(context, workspace, label, declared, excluded) || found;
  }
  if (found) return;
  const reason = !manifest
    ? `default entry (no readable ${label})`
    : targets.length === 0
      ? `default entry (${label} declares no "main", "module", "exports" or "bin")`
      : `default entry (no file ${label} declares has a source file)`;
  addDefaultEntries(context, workspace.dir, reason);
}

/**
 * The name of a library published without an `exports` map (nor one in `publishConfig`), else null: Node lets its users
 * import any of its files (`ajv/dist/compile/validate`), so a file or export nothing in the
 * repository uses may still be someone's API. A package that only publishes a command is not one,
 * nor one that says nothing of what it publishes (`npm init` writes a `main` for any project).
 */
function openLibraryName(manifest: PackageJson | null): string | null {
  const name = manifest?.['name'];
  if (!manifest || typeof name !== 'string' || manifest['private'] === true || manifest['exports'] !== undefined) return null;
  const publishConfig = manifest['publishConfig'];
  if (isObject(publishConfig) && publishConfig['exports'] !== undefined) return null;
  const importable = ['main', 'module', 'types', 'typings'].some((field) => typeof manifest[field] === 'string');
  // `main` alone is what `npm init` writes for any project; what a package publishes says more.
  const published = ['files', 'module', 'types', 'typings', 'publishConfig'].some((field) => manifest[field] !== undefined);
  return importable && published ? name : null;
}

/**
 * What a package publishes to JSR: the `exports` of its jsr.json or deno.json, which name source
 * files (`"./language": "./src/middleware/language/language.ts"`); their exports are public API.
 */
function addJsrExports(context: EntryContext, workspace: WorkspaceInfo): void {
  for (const name of ['jsr.json', 'jsr.jsonc', 'deno.json', 'deno.jsonc']) {
    const path = joinPath(workspace.dir, name);
    if (!context.tracked.has(path)) continue;
    const manifest = context.readConfig(path);
    const exported = isObject(manifest) ? manifest['exports'] : undefined;
    const subpaths = typeof exported === 'string' ? { '.': exported } : isObject(exported) ? exported : {};
    for (const [subpath, target] of Object.entries(subpaths)) {
      const file = typeof target === 'string' ? context.findCodeFile(joinPath(workspace.dir, target)) : null;
      if (file) context.addEntry(file, `${path} "exports" "${subpath}" (published to JSR)`, true);
      else if (typeof target === 'string') context.warn(`${path} "exports" "${subpath}" names ${joinPath(workspace.dir, target)}, which is not in the repository.`);
    }
  }
}

/**
 * Conditions every runtime or bundler knows; any other names a variant built from its own source.
 * `svelte` points at components, and `*.svelte.ts` names Svelte's runes modules, not a variant.
 */
const standardConditions = new Set(['import', 'require', 'default', 'types', 'typings', 'node', 'module', 'module-sync', 'node-addons', 'svelte']);

/**
 * Bundlers such as bunchee build an export condition's variant from a source named after it: the
 * `react-server` entry of `.` from `src/index.react-server.ts`. Files named `<name>.<condition>.<ext>`
 * for a condition the package's exports use are entries.
 */
function addConditionSources(context: EntryContext, workspace: WorkspaceInfo): void {
  const conditions = new Set<string>();
  const collect = (value: unknown, depth: number): void => {
    if (!isObject(value) || depth > 16) return;
    for (const [key, nested] of Object.entries(value)) {
      if (!key.startsWith('.') && !standardConditions.has(key)) conditions.add(key);
      collect(nested, depth + 1);
    }
  };
  collect(workspace.packageJson?.['exports'], 0);
  if (conditions.size === 0) return;
  const label = workspace.packageJsonPath ?? joinPath(workspace.dir, 'package.json');
  for (const path of context.discovery.codeFiles) {
    if (!isWithin(path, workspace.dir)) continue;
    const condition = /\.([\w-]+)\.[cm]?[jt]sx?$/.exec(path)?.[1];
    if (condition !== undefined && conditions.has(condition) && context.workspaceOf(context.discovery.packages, path)?.dir === workspace.dir) {
      context.addEntry(path, `${label} "exports" condition "${condition}" (built from the file named after it)`, true);
    }
  }
}

function declaredTargets(manifest: Record<string, unknown> | null): { targets: DeclaredTarget[]; excluded: string[] } {
  if (!manifest) return { targets: [], excluded: [] };
  const targets: DeclaredTarget[] = [];
  // `source` is where microbundle, Parcel and bunchee start the build from: the entry itself.
  for (const field of ['source', 'main', 'module', 'types', 'typings']) {
    const value = manifest[field];
    if (typeof value === 'string') targets.push({ field: `"${field}"`, target: value });
  }
  const { browser, bin } = manifest;
  if (typeof browser === 'string') targets.push({ field: '"browser"', target: browser });
  // The object form maps files to their browser replacements; the replacements are entries too.
  else if (isObject(browser)) for (const value of Object.values(browser)) if (typeof value === 'string' && value.startsWith('.')) targets.push({ field: '"browser"', target: value });
  // A code file `files` names one by one is published for users to load by path (`compat/test-utils.js`).
  for (const file of Array.isArray(manifest['files']) ? manifest['files'] : []) {
    if (typeof file === 'string' && /\.[cm]?[jt]sx?$/.test(file) && !/[*?{[]/.test(file)) targets.push({ field: '"files"', target: file });
  }
  if (typeof bin === 'string') targets.push({ field: '"bin"', target: bin });
  else if (isObject(bin)) for (const [name, value] of Object.entries(bin)) if (typeof value === 'string') targets.push({ field: `"bin.${name}"`, target: value });
  const exported = exportsTargets(manifest['exports']);
  return { targets: [...targets, ...exported.targets], excluded: exported.excluded };
}

/**
 * Every target of every condition, fallback array entry and subpath. A `null` subpath (not under a
 * condition) hides what a broader pattern exposes, as in `"./internal/*": null`.
 */
function exportsTargets(field: unknown): { targets: DeclaredTarget[]; excluded: string[] } {
  const targets: DeclaredTarget[] = [];
  const excluded: string[] = [];
  const walk = (subpath: string, label: string, value: unknown, conditional: boolean): void => {
    if (typeof value === 'string') targets.push({ field: label, target: value, subpath });
    else if (value === null && !conditional) excluded.push(subpath);
    else if (Array.isArray(value)) for (const item of value) walk(subpath, label, item, conditional);
    else if (isObject(value)) for (const item of Object.values(value)) walk(subpath, label, item, true);
  };
  const subpaths = isObject(field) && Object.keys(field).some((key) => key.startsWith('.'));
  if (subpaths) for (const [subpath, value] of Object.entries(field)) walk(subpath, `"exports" "${subpath}"`, value, false);
  else if (field !== undefined) walk('.', '"exports"', field, false);
  return { targets, excluded };
}

/** Adds the source behind one declared target; true when at least one was found. */
function addDeclaredTarget(context: EntryContext, workspace: WorkspaceInfo, label: string, declared: DeclaredTarget, excluded: readonly string[]): boolean {
  const target = joinPath(workspace.dir, declared.target);
  const reason = `${label} ${declared.field}`;
  if (target.includes('*')) {
    const matches = expandPattern(context, workspace.dir, target).filter(
      ({ capture }) => !excluded.some((pattern) => matchesSubpath(pattern, (declared.subpath ?? '').replace('*', capture))),
    );
    for (const { path } of matches) context.addEntry(path, reason, true);
    if (matches.length === 0) warnMissingSource(context, workspace.dir, label, declared, target);
    return matches.length > 0;
  }
  const source = findSourceOf(context, workspace.dir, target);
  if (!source) {
    if (!context.tracked.has(target)) warnMissingSource(context, workspace.dir, label, declared, target);
    return false;
  }
  const mapping = source === target ? '' : ` (${relativeTo(workspace.dir, target)} → ${relativeTo(workspace.dir, source)})`;
  context.addEntry(source, reason + mapping, true);
  return true;
}

/** The code file behind `target`: itself, or the source a build turns into it. */
export function findSourceOf(context: EntryContext, workspaceDir: string, target: string): string | null {
  return sourceOfOutput(context.discovery, context.codeFiles, workspaceDir, target);
}

/** Code files a subpath pattern target (one `*`, matching across folders as in Node) may expose, with what `*` stood for. */
function expandPattern(context: EntryContext, workspaceDir: string, target: string): { path: string; capture: string }[] {
  const patterns = outputCandidates(context.discovery.tsconfigs, workspaceDir, target)
    .flatMap(patternVariants)
    .map((candidate) => candidate.split('*'))
    .filter((parts): parts is [string, string] => parts.length === 2);
  const found: { path: string; capture: string }[] = [];
  for (const path of context.discovery.codeFiles) {
    if (!isWithin(path, workspaceDir)) continue;
    const match = patterns.find(([prefix, suffix]) => path.length > prefix.length + suffix.length && path.startsWith(prefix) && path.endsWith(suffix));
    if (match) found.push({ path, capture: path.slice(match[0].length, path.length - match[1].length) });
  }
  return found;
}

/** `dist/*.js` also stands for `dist/*.ts`…; a pattern without an extension already matches any file. */
function patternVariants(pattern: string): string[] {
  const output = /\.(?:d\.[cm]?ts|[cm]?js|jsx)$/.exec(pattern);
  return output ? [pattern, ...codeExtensions.map((extension) => pattern.slice(0, output.index) + extension)] : [pattern];
}

function matchesSubpath(pattern: string, subpath: string): boolean {
  const [prefix, suffix] = pattern.split('*');
  return suffix === undefined ? pattern === subpath : subpath.startsWith(prefix!) && subpath.endsWith(suffix);
}

/** Only a target outside the usual build folders is suspicious: build output is gitignored by design. */
function warnMissingSource(context: EntryContext, workspaceDir: string, label: string, declared: DeclaredTarget, target: string): void {
  const relative = relativeTo(workspaceDir, target);
  if (buildFolders.has(relative.split('/')[0] ?? '')) return;
  context.warn(`${label} ${declared.field} points to ${relative}, which has no source file.`);
}

function addDefaultEntries(context: EntryContext, dir: string, reason: string): void {
  for (const folder of ['', 'src']) {
    for (const name of defaultEntryNames) {
      for (const extension of codeExtensions) context.addEntry(joinPath(dir, `${folder}/${name}${extension}`), reason, true);
    }
  }
}

