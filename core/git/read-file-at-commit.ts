import { blobIds, readBlobs } from './read-blobs.js';

/** How much git reads to tell a binary file, as git itself does (a NUL byte in the first 8000 bytes). */
const binaryProbe = 8000;

type FileAtCommit = { state: 'text'; text: string; size: number } | { state: 'binary'; size: number } | { state: 'too-large'; size: number } | { state: 'missing' };

/**
 * A file as a commit has it, read from git's objects (never the work tree, which may differ): its
 * text, or why not — missing at that commit, binary, or larger than `maxBytes` (told from its size
 * before anything is read).
 */
export async function readFileAtCommit(root: string, commit: string, path: string, maxBytes: number): Promise<FileAtCommit> {
  const [blob] = await blobIds(root, [`${commit}:${path}`]);
  if (!blob) return { state: 'missing' };
  if (blob.size > maxBytes) return { state: 'too-large', size: blob.size };
  let content: Buffer | null = null;
  await readBlobs(root, [blob.sha], (_index, bytes) => {
    content = bytes;
  });
  const bytes = content as Buffer | null;
  if (!bytes) return { state: 'missing' };
  if (bytes.subarray(0, binaryProbe).includes(0)) return { state: 'binary', size: blob.size };
  return { state: 'text', text: new TextDecoder().decode(bytes), size: blob.size };
}
