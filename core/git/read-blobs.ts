import { GitError, readGit, runGit } from './git-runner.js';
import type { TreeFile } from './tree-files.js';

const newline = 0x0a;

/**
 * Streams the contents of many blobs through one `git cat-file --batch` process, calling `onBlob`
 * for each in request order with its bytes, or null when the object is missing (partial or damaged
 * clones). Memory stays at one blob at a time, however large the repository.
 */
export async function readBlobs(
  root: string,
  shas: readonly string[],
  onBlob: (index: number, content: Buffer | null) => void,
  signal?: AbortSignal,
): Promise<void> {
  // With nothing to ask, git would exit before the empty request is written.
  if (shas.length === 0) return;
  let delivered = 0;
  let header = Buffer.alloc(0);
  let body: Buffer | null = null;
  let filled = 0;
  let expectBodyTerminator = false;
  const deliver = (content: Buffer | null): void => onBlob(delivered++, content);

  await runGit(root, ['cat-file', '--batch'], {
    signal,
    input: `${shas.join('\n')}\n`,
    onOutput(chunk) {
      let position = 0;
      while (position < chunk.length) {
        if (body) {
          const take = Math.min(body.length - filled, chunk.length - position);
          chunk.copy(body, filled, position, position + take);
          filled += take;
          position += take;
          if (filled === body.length) {
            deliver(body);
            body = null;
            expectBodyTerminator = true;
          }
          continue;
        }
        if (expectBodyTerminator) {
          position++;
          expectBodyTerminator = false;
          continue;
        }
        const end = chunk.indexOf(newline, position);
        if (end === -1) {
          header = Buffer.concat([header, chunk.subarray(position)]);
          break;
        }
        const line = Buffer.concat([header, chunk.subarray(position, end)]).toString('latin1');
        header = Buffer.alloc(0);
        position = end + 1;
        // "<sha> <type> <size>", or "<sha> missing" for an object the repository does not have.
        const [, type, size] = line.split(' ');
        if (type === 'missing' || type === 'ambiguous' || size === undefined) {
          deliver(null);
          continue;
        }
        body = Buffer.allocUnsafe(Number(size));
        filled = 0;
        if (body.length === 0) {
          deliver(body);
          body = null;
          expectBodyTerminator = true;
        }
      }
    },
  });
  if (delivered !== shas.length) throw new GitError('cat-file', `stopped after ${delivered} of ${shas.length} objects`);
}

/**
 * `git cat-file --batch-check` for names such as `<commit>:<path>`: each blob's id and size, or
 * undefined where there is none. A name with a line break cannot be asked (requests are lines, and
 * git would echo it back in its answer): it is answered undefined without asking.
 */
export async function blobIds(root: string, names: readonly string[], signal?: AbortSignal): Promise<({ sha: string; size: number } | undefined)[]> {
  const askable = names.filter((name) => !/[\r\n]/.test(name));
  if (askable.length === 0) return names.map(() => undefined);
  const output = await readGit(root, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { signal, input: `${askable.join('\n')}\n` });
  const answers = new Map(
    output
      .split('\n')
      .slice(0, askable.length)
      .map((line, index) => {
        const [sha, type, size] = line.split(' ');
        return [askable[index]!, type === 'blob' && sha && size ? { sha, size: Number(size) } : undefined] as const;
      }),
  );
  return names.map((name) => answers.get(name));
}

/** The UTF-8 text of some of a commit's files, by path (missing objects left out). */
export async function readTextFiles(root: string, files: readonly TreeFile[], signal?: AbortSignal): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const decoder = new TextDecoder();
  await readBlobs(
    root,
    files.map((file) => file.blobSha),
    (index, content) => {
      if (content) texts.set(files[index]!.path, decoder.decode(content));
    },
    signal,
  );
  return texts;
}

/** Values kept outside the thread (the database), by blob and path; `get` answers by position in `keys`. */
export interface KeptValues<T> {
  get(keys: readonly { blobSha: string; path: string }[]): Map<number, T>;
  put(entries: readonly { key: { blobSha: string; path: string }; value: T }[]): void;
}

/**
 * What a reader makes of a file's content, kept per path and blob for the life of the thread (the
 * commits of one backfill share most of their files, so each later commit reads only what changed),
 * and, given `kept`, between scans too. `derive` sees the content once; a blob git does not have is
 * delivered as null and not kept.
 */
export class BlobMemo<T> {
  private readonly known = new Map<string, T>();
  /** A long-lived scan worker scans many repositories: past this many values, its memory starts again. */
  private static readonly maxKnown = 200_000;

  constructor(private readonly derive: (file: TreeFile, content: Buffer) => T) {}

  async read(root: string, files: readonly TreeFile[], onFile: (index: number, value: T | null) => void, signal?: AbortSignal, kept?: KeptValues<T>): Promise<void> {
    if (this.known.size > BlobMemo.maxKnown) this.known.clear();
    let unknown: number[] = [];
    files.forEach((file, index) => {
      const value = this.known.get(`${file.blobSha}\0${file.path}`);
      if (value === undefined) unknown.push(index);
      else onFile(index, value);
    });
    if (kept && unknown.length > 0) {
      const found = kept.get(unknown.map((index) => files[index]!));
      for (const [position, value] of found) {
        const index = unknown[position]!;
        this.known.set(`${files[index]!.blobSha}\0${files[index]!.path}`, value);
        onFile(index, value);
      }
      unknown = unknown.filter((_, position) => !found.has(position));
    }
    const fresh: { key: TreeFile; value: T }[] = [];
    try {
      await readBlobs(
        root,
        unknown.map((index) => files[index]!.blobSha),
        (position, content) => {
          const index = unknown[position]!;
          const file = files[index]!;
          const value = content ? this.derive(file, content) : null;
          if (value !== null) {
            this.known.set(`${file.blobSha}\0${file.path}`, value);
            fresh.push({ key: file, value });
          }
          onFile(index, value);
        },
        signal,
      );
    } finally {
      // What was read is kept even when the scan stops here: each value is complete on its own.
      if (kept && fresh.length > 0) kept.put(fresh);
    }
  }
}
