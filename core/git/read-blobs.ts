import { spawn } from 'node:child_process';
import { gitEnvironment } from './git-client.js';
import type { TreeFile } from './tree-files.js';

const newline = 0x0a;

/**
 * Streams the contents of many blobs through one `git cat-file --batch` process, calling `onBlob`
 * for each in request order with its bytes, or null when the object is missing (partial or damaged
 * clones). Memory stays at one blob at a time, however large the repository.
 */
export function readBlobs(
  root: string,
  shas: readonly string[],
  onBlob: (index: number, content: Buffer | null) => void,
  signal?: AbortSignal,
): Promise<void> {
  // With nothing to ask, git would exit before the empty request is written (EPIPE).
  if (shas.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['cat-file', '--batch'], { cwd: root, env: gitEnvironment, signal });
    let delivered = 0;
    let header = Buffer.alloc(0);
    let body: Buffer | null = null;
    let filled = 0;
    let expectBodyTerminator = false;
    let stderr = '';
    let failure: unknown;

    const deliver = (content: Buffer | null): void => {
      try {
        onBlob(delivered++, content);
      } catch (error) {
        failure ??= error;
        git.kill();
      }
    };

    git.stdout.on('data', (chunk: Buffer) => {
      let position = 0;
      while (position < chunk.length && failure === undefined) {
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
    });
    git.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    git.on('error', (error) => {
      failure ??= error;
    });
    git.on('close', (code) => {
      if (failure !== undefined) reject(failure);
      else if (code !== 0 || delivered !== shas.length) {
        reject(new Error(`git cat-file stopped after ${delivered} of ${shas.length} objects: ${stderr.trim() || `exit ${code}`}`));
      } else resolve();
    });
    git.stdin.on('error', (error) => {
      failure ??= error;
    });
    git.stdin.end(`${shas.join('\n')}\n`);
  });
}

/** `git cat-file --batch-check` for names such as `<commit>:<path>`: each blob's id and size, or undefined where there is none. */
export function blobIds(root: string, names: readonly string[], signal?: AbortSignal): Promise<({ sha: string; size: number } | undefined)[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { cwd: root, env: gitEnvironment, signal });
    let output = '';
    let stderr = '';
    git.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
    });
    git.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    git.on('error', reject);
    git.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch-check: ${stderr.trim() || `exit ${code}`}`));
      resolve(
        output
          .split('\n')
          .slice(0, names.length)
          .map((line) => {
            const [sha, type, size] = line.split(' ');
            return type === 'blob' && sha && size ? { sha, size: Number(size) } : undefined;
          }),
      );
    });
    git.stdin.on('error', reject);
    git.stdin.end(`${names.join('\n')}\n`);
  });
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
