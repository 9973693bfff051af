import { type AuthorIdentity, emptyMailmap, parseMailmap } from '../../analyzers/identities/mailmap.js';
import { type ResolvedAuthor, identityResolver } from '../../analyzers/identities/resolve-identities.js';
import type { z } from 'zod';
import type { IdentityMapUsedSchema } from '../api/identities.js';
import { readTreeFile } from '../git/read-tree-file.js';
import type { TreeListing } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { describeIdentityMap, readIdentityMap } from '../store/identity-map.js';

/** How one scan tells who an author is, and what it recorded of the maps it used. */
export interface ScanIdentities {
  resolve(author: AuthorIdentity): ResolvedAuthor;
  used: z.infer<typeof IdentityMapUsedSchema>;
}

/** A .mailmap this large is not a list of people (git reads any size; a hostile repository could make it huge). */
const mailmapLimit = 1024 * 1024;

/**
 * The scanned commit's `.mailmap` (from its tree: not the work tree's, nor one the repository's git
 * config names through mailmap.file or mailmap.blob) and the user's identity map, read once per scan.
 */
export async function readScanIdentities({ db, root, tree, signal, warn }: { db: Database; root: string; tree: TreeListing; signal: AbortSignal; warn(message: string): void }): Promise<ScanIdentities> {
  let tooLarge = false;
  const text = await readTreeFile(root, tree, '.mailmap', {
    maxBytes: mailmapLimit,
    signal,
    tooLarge: (size) => {
      tooLarge = true;
      warn(`.mailmap is ${Math.round(size / 1024)} KiB, over the ${mailmapLimit / 1024} KiB Steward reads; authors are counted without it`);
    },
  });
  const map = readIdentityMap(db);
  return {
    resolve: identityResolver(text === null ? emptyMailmap : parseMailmap(text), map),
    used: { mailmap: text !== null ? 'read' : tooLarge ? 'too large' : 'absent', ...describeIdentityMap(map) },
  };
}
