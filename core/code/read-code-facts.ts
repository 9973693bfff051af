import { availableParallelism } from 'node:os';
import { detectGeneratedContent } from '../../analyzers/discover/generated-content.js';
import { codeExtensions } from '../../analyzers/resolve/build-output.js';
import type { FileFacts, ParseError } from '../../analyzers/facts/file-facts.js';
import { readBlobs } from '../git/read-blobs.js';
import type { TreeFile } from '../git/tree-files.js';
import { type CachedFacts, type FactsKey, FileFactsCache, type NewCacheEntry } from '../store/file-facts-cache.js';
import type { Database } from '../store/database.js';
import { InThreadParser, ParsePool, type Parser, type SourceText } from './parse-pool.js';

/**
 * Files that justify one more worker. Each worker pays for loading and JIT-compiling the TypeScript
 * parser, and V8 compiles on spare cores: on two cores, two workers for a thousand files are slower
 * than one (see BENCHMARKS.md).
 */
const filesPerWorker = 1500;

/** Up to this many files are parsed on the calling thread rather than in workers. */
const inThreadFiles = 16;

/** New cache entries written in one transaction while parsing goes on. */
const cacheWriteEntries = 500;

/** Larger files are left out without being read: no hand-written source is this big. */
const maxParsedBytes = 10 * 1024 * 1024;

interface CodeFacts {
  facts: Map<string, FileFacts>;
  /** Files a generator wrote (listed in `excluded` too): not the team's code, but their imports are uses. */
  generated: Map<string, FileFacts>;
  excluded: { path: string; reason: string }[];
  parseErrors: (ParseError & { path: string })[];
  /** Paths whose content git does not have (partial or damaged clones). */
  missing: string[];
  /** Paths not in the cache that the parse budget left for later (in the order given). */
  deferred: string[];
  stats: { files: number; parsed: number; cached: number };
}

interface ReadCodeFactsOptions {
  db: Database;
  root: string;
  files: readonly TreeFile[];
  engineVersion: string;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  progress(done: number, total: number, detail?: string): void;
  /** What `prefetchCodeFacts` found and started earlier, so that the parser loaded TypeScript while the caller did other work. */
  prefetched?: PrefetchedFacts;
  /**
   * At most this many bytes of content not in the cache are parsed, taking files in the order given;
   * those that do not fit what is left of it are `deferred`. Default: no limit.
   */
  parseBudgetBytes?: number;
}

/**
 * Facts for every code file: from the cache when this content was parsed before (by any scan, on
 * any branch or commit), otherwise parsed on worker threads and cached.
 */
export async function readCodeFacts({ db, root, files, engineVersion, parseWorkerUrl, signal, progress, prefetched, parseBudgetBytes = Number.POSITIVE_INFINITY }: ReadCodeFactsOptions): Promise<CodeFacts> {
  const cache = new FileFactsCache(db, engineVersion);
  const result: CodeFacts = { facts: new Map(), generated: new Map(), excluded: [], parseErrors: [], missing: [], deferred: [], stats: { files: files.length, parsed: 0, cached: 0 } };
  const keyOf = (file: TreeFile): FactsKey => ({ blobSha: file.blobSha, scriptKind: extensionOf(file.path) });
  let done = 0;
  const record = (path: string, entry: CachedFacts): void => {
    if ('facts' in entry && entry.generated !== undefined) {
      result.generated.set(path, entry.facts);
      result.excluded.push({ path, reason: entry.generated });
    } else if ('facts' in entry) {
      result.facts.set(path, entry.facts);
      for (const error of entry.facts.parseErrors) result.parseErrors.push({ path, ...error });
    } else result.excluded.push({ path, reason: entry.excludedReason });
    progress(++done, files.length, path);
  };

  const misses: TreeFile[] = [];
  let budget = parseBudgetBytes;
  const cachedByPosition = prefetched ? prefetched.lookup(files.map(keyOf), cache) : cache.getAll(files.map(keyOf));
  for (const [position, file] of files.entries()) {
    if (file.size > maxParsedBytes) {
      record(file.path, { excludedReason: `too large to analyse (${Math.round(file.size / 1024 / 1024)} MB)` });
      continue;
    }
    const cached = cachedByPosition.get(position);
    if (cached) {
      result.stats.cached++;
      record(file.path, cached);
    } else if (file.size <= budget) {
      budget -= file.size;
      misses.push(file);
    } else result.deferred.push(file.path);
  }
  if (misses.length === 0) {
    await prefetched?.parser.close();
    return result;
  }

  // Start the parser first: it loads TypeScript while git delivers the content.
  const pool = prefetched?.parser ?? parserFor(misses.length, parseWorkerUrl);
  const fresh: NewCacheEntry[] = [];
  try {
    const texts: SourceText[] = [];
    const byPath = new Map(misses.map((file) => [file.path, file]));
    const generatedReasons = new Map<string, string>();
    const decoder = new TextDecoder();
    await readBlobs(
      root,
      misses.map((file) => file.blobSha),
      (index, content) => {
        const file = misses[index]!;
        if (!content) {
          result.missing.push(file.path);
          progress(++done, files.length, file.path);
          return;
        }
        const text = decoder.decode(content);
        const generated = detectGeneratedContent(file.path, text);
        if (generated && !generated.byGenerator) {
          fresh.push({ ...keyOf(file), excludedReason: generated.reason });
          record(file.path, { excludedReason: generated.reason });
          return;
        }
        if (generated) generatedReasons.set(file.path, generated.reason);
        texts.push({ path: file.path, text });
      },
      signal,
    );
    await pool.parse(
      // Handed over, not shared: each text can be collected once its batch is sent to a worker.
      texts.splice(0),
      (parsed) => {
        const file = byPath.get(parsed.path)!;
        result.stats.parsed++;
        if ('factsJson' in parsed) {
          const generated = generatedReasons.get(parsed.path);
          fresh.push({ ...keyOf(file), factsJson: parsed.factsJson, ...(generated === undefined ? {} : { excludedReason: generated }) });
          record(file.path, { facts: JSON.parse(parsed.factsJson) as FileFacts, ...(generated === undefined ? {} : { generated }) });
        } else {
          const excludedReason = `could not be parsed: ${parsed.error}`;
          fresh.push({ ...keyOf(file), excludedReason });
          record(file.path, { excludedReason });
        }
        // Stored as they come rather than all at the end: the facts' JSON text is not held twice over a large repository.
        if (fresh.length >= cacheWriteEntries) cache.putAll(fresh.splice(0));
      },
      signal,
    );
  } finally {
    await pool.close();
    // Whatever was parsed is kept, even when the scan stops here: each entry is complete on its own.
    cache.putAll(fresh);
  }
  return result;
}

function parserFor(misses: number, parseWorkerUrl: URL | string): Parser {
  return misses <= inThreadFiles ? new InThreadParser() : new ParsePool(parseWorkerUrl, Math.min(availableParallelism(), Math.ceil(misses / filesPerWorker)));
}

/** The cached facts of a commit's code files and a parser for the others, looked up and started before the project is discovered. */
interface PrefetchedFacts {
  parser: Parser;
  /** The cached facts of `keys` by position (those not prefetched are asked of `cache`). */
  lookup(keys: readonly FactsKey[], cache: FileFactsCache): Map<number, CachedFacts>;
}

/**
 * The facts cached for the files among `files` that may be code, and the parser for the others,
 * started now: a cold scan's workers then load TypeScript while the caller discovers the project
 * (about 0.4 s on 600 files). Files that discovery leaves out only make it start one worker it did
 * not need.
 */
export function prefetchCodeFacts(db: Database, files: readonly TreeFile[], engineVersion: string, parseWorkerUrl: URL | string): PrefetchedFacts {
  const code = files.filter((file) => codeExtensions.some((extension) => file.path.endsWith(extension)) && file.size <= maxParsedBytes);
  const keys = code.map((file) => ({ blobSha: file.blobSha, scriptKind: extensionOf(file.path) }));
  const keyText = (key: FactsKey): string => `${key.blobSha}\0${key.scriptKind}`;
  const cached = new Map([...new FileFactsCache(db, engineVersion).getAll(keys)].map(([position, facts]) => [keyText(keys[position]!), facts]));
  return {
    parser: parserFor(code.length - cached.size, parseWorkerUrl),
    lookup(wanted, cache) {
      const found = new Map<number, CachedFacts>();
      const others: number[] = [];
      wanted.forEach((key, position) => {
        const facts = cached.get(keyText(key));
        if (facts) found.set(position, facts);
        else others.push(position);
      });
      for (const [index, facts] of cache.getAll(others.map((position) => wanted[position]!))) found.set(others[index]!, facts);
      return found;
    },
  };
}

/** The cache's script kind of a path: its extension, lower-cased (`.d.ts` files are `.ts`). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
