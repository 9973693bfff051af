import { readBlobs } from './read-blobs.js';
import type { TreeListing } from './tree-files.js';

/**
 * The content of one file of the scanned commit (never the work tree's copy, nor a symbolic link's
 * target: tree listings leave links out), as UTF-8 text; null when the commit has no such file, its
 * content is missing (a partial clone), or it is larger than `maxBytes`, which `tooLarge` hears of.
 */
export async function readTreeFile(
  root: string,
  tree: TreeListing,
  path: string,
  { maxBytes, tooLarge, signal }: { maxBytes: number; tooLarge?: (size: number) => void; signal?: AbortSignal },
): Promise<string | null> {
  const file = tree.files.find((candidate) => candidate.path === path);
  if (!file) return null;
  if (file.size > maxBytes) {
    tooLarge?.(file.size);
    return null;
  }
  let text: string | null = null;
  await readBlobs(root, [file.blobSha], (_, content) => void (text = content?.toString('utf8') ?? null), signal);
  return text;
}
