import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath, sep } from 'node:path';
import { type PackageDeprecations, packageDeprecations } from '../../analyzers/deprecations/package-deprecations.js';
import type { FileFacts } from '../../analyzers/facts/file-facts.js';
import type { ResolveModule } from '../../analyzers/resolve/module-resolver.js';
import { type FactsKey, FileFactsCache, type NewCacheEntry } from '../store/file-facts-cache.js';
import type { Database } from '../store/database.js';
import { InThreadParser } from './parse-pool.js';
import { extensionOf } from './read-code-facts.js';
import { parseJson } from '../../analyzers/documents/parse-document.js';

/** Declaration files read per package at most: entry files re-export a handful, not thousands. */
const maxFilesPerPackage = 400;
const maxDeclarationBytes = 4 * 1024 * 1024;

interface InstalledDeprecationsOptions {
  db: Database;
  root: string;
  facts: ReadonlyMap<string, FileFacts>;
  resolve: ResolveModule;
  /** Workspace folders, repository-relative ('' for the root): packages install under each. */
  workspaceDirs: readonly string[];
  engineVersion: string;
  signal: AbortSignal;
}

interface InstalledPackage {
  name: string;
  folder: string;
  entry: string;
}

/**
 * The `@deprecated` exports of the installed packages the code imports, read from their type
 * declarations (or their `@types` package) in node_modules. Nothing is installed or run: a fresh
 * clone simply has none. Declaration files go through the same content-keyed facts cache as the
 * repository's own files, so a re-scan reads them but parses none.
 */
export async function readInstalledDeprecations(options: InstalledDeprecationsOptions): Promise<Map<string, PackageDeprecations>> {
  const { db, engineVersion, signal } = options;
  const installed = findImportedPackages(options);
  const result = new Map<string, PackageDeprecations>();
  if (installed.length === 0) return result;

  const cache = new FileFactsCache(db, engineVersion);
  const parser = new InThreadParser();
  const facts = new Map<string, FileFacts>();
  const fresh: NewCacheEntry[] = [];
  try {
    for (const pkg of installed) {
      signal.throwIfAborted();
      const resolve = (specifier: string, fromFile: string): string | undefined => resolveDeclaration(pkg.folder, specifier, fromFile);
      // Breadth first: each round reads the files the previous round's re-exports lead to.
      let frontier = [pkg.entry];
      const seen = new Set(frontier);
      while (frontier.length > 0) {
        const texts = frontier.flatMap((path) => readDeclaration(path));
        const keys = texts.map(({ path, content }) => ({ blobSha: gitBlobSha(content), scriptKind: extensionOf(path) }));
        const cached = cache.getAll(keys);
        const misses = new Map<string, { path: string; text: string; key: FactsKey }>();
        for (const [index, { path, content }] of texts.entries()) {
          const hit = cached.get(index);
          if (!hit) misses.set(path, { path, text: content.toString('utf8'), key: keys[index]! });
          else if ('facts' in hit) facts.set(path, hit.facts);
        }
        await parser.parse(
          [...misses.values()],
          (parsed) => {
            const { key } = misses.get(parsed.path)!;
            if ('factsJson' in parsed) {
              facts.set(parsed.path, JSON.parse(parsed.factsJson) as FileFacts);
              fresh.push({ ...key, factsJson: parsed.factsJson });
            } else fresh.push({ ...key, excludedReason: `could not be parsed: ${parsed.error}` });
          },
          signal,
        );
        frontier = [];
        for (const { path } of texts) {
          for (const reExport of facts.get(path)?.reExports ?? []) {
            const target = resolve(reExport.specifier, path);
            if (target && !seen.has(target) && seen.size < maxFilesPerPackage) {
              seen.add(target);
              frontier.push(target);
            }
          }
        }
      }
      const deprecations = packageDeprecations({ entry: pkg.entry, files: facts, resolve });
      if (deprecations.size > 0) result.set(pkg.name, deprecations);
    }
  } finally {
    await parser.close();
    cache.putAll(fresh);
  }
  return result;
}

/** Packages imported by the code and installed, each at the node_modules nearest its first importer. */
function findImportedPackages({ root, facts, resolve, workspaceDirs }: InstalledDeprecationsOptions): InstalledPackage[] {
  const installRoots = [...new Set(['', ...workspaceDirs])].filter((dir) => existsSync(join(root, dir, 'node_modules')));
  if (installRoots.length === 0) return [];
  const byName = new Map<string, InstalledPackage | null>();
  for (const [path, file] of facts) {
    for (const { specifier } of [...file.imports, ...file.reExports]) {
      const target = resolve(specifier, path);
      if (target.kind !== 'package' || byName.has(target.name)) continue;
      // Nearest first: the importer's workspace, then the folders above it up to the root.
      const candidates = installRoots.filter((dir) => dir === '' || path.startsWith(`${dir}/`)).sort((a, b) => b.length - a.length);
      let found: InstalledPackage | null = null;
      for (const dir of candidates) {
        found = installedPackage(join(root, dir, 'node_modules'), target.name);
        if (found) break;
      }
      byName.set(target.name, found);
    }
  }
  return [...byName.values()].filter((pkg): pkg is InstalledPackage => pkg !== null);
}

/** The package's declaration entry, or its DefinitelyTyped package's. */
function installedPackage(nodeModules: string, name: string): InstalledPackage | null {
  const typesName = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
  for (const candidate of [name, typesName]) {
    const folder = resolvePath(nodeModules, candidate);
    const manifest = readManifest(join(folder, 'package.json'));
    if (!manifest) continue;
    const entry = declarationEntries(manifest)
      .map((relativePath) => resolvePath(folder, relativePath))
      .find((path) => path.startsWith(folder + sep) && isFile(path));
    if (entry) return { name, folder, entry };
  }
  return null;
}

type Manifest = Record<string, unknown>;

/** Where a manifest says its types are, most specific first: `exports["."].types`, `types`, `typings`, beside `main`, index.d.ts. */
function declarationEntries(manifest: Manifest): string[] {
  const entries: string[] = [];
  const exports = manifest.exports;
  const root = typeof exports === 'object' && exports !== null && '.' in exports ? (exports as Manifest)['.'] : exports;
  const typesCondition = findTypesCondition(root, 0);
  if (typesCondition) entries.push(typesCondition);
  for (const field of ['types', 'typings']) if (typeof manifest[field] === 'string') entries.push(manifest[field]);
  if (typeof manifest.main === 'string') entries.push(manifest.main.replace(/\.[cm]?js$/, '') + '.d.ts');
  entries.push('index.d.ts');
  return entries;
}

function findTypesCondition(conditions: unknown, depth: number): string | undefined {
  if (typeof conditions !== 'object' || conditions === null || depth > 4) return undefined;
  for (const [condition, value] of Object.entries(conditions)) {
    if (condition === 'types' && typeof value === 'string') return value;
    const nested = findTypesCondition(value, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

/** A relative re-export's declaration file inside the package (`./x.js` → `./x.d.ts`, `./dir` → `./dir/index.d.ts`). */
function resolveDeclaration(folder: string, specifier: string, fromFile: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolvePath(dirname(fromFile), specifier);
  if (!target.startsWith(folder + sep)) return undefined;
  const base = target.replace(/\.([cm]?)js$/, '');
  const extension = /\.([cm]?)js$/.exec(target)?.[1] ?? '';
  const candidates = [target, `${base}.d.${extension}ts`, `${base}.d.ts`, `${base}.ts`, `${base}/index.d.ts`];
  return candidates.find((path) => /\.d\.[cm]?ts$|\.ts$/.test(path) && isFile(path));
}

function readManifest(path: string): Manifest | undefined {
  try {
    const value: unknown = parseJson(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function readDeclaration(path: string): { path: string; content: Buffer }[] {
  try {
    const content = readFileSync(path);
    return content.length <= maxDeclarationBytes ? [{ path, content }] : [];
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The SHA git gives the same content, so declaration files share the repository's facts cache. */
function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
