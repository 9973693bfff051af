import { lockfileNames } from '../../analyzers/dependencies/lockfile.js';
import { type LockedPeers, peersFromLockfile } from '../../analyzers/dependencies/lockfile-peers.js';
import { basename } from '../../analyzers/discover/repo-paths.js';
import { readBlobs } from '../git/read-blobs.js';
import type { TreeFile } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';

/** Bumped when the same lockfiles would give other peers. */
const peersVersion = '1';

/**
 * The peer dependencies recorded by every tracked lockfile of the commit, merged by package name;
 * kept by the lockfiles' blob ids, so an unchanged lockfile (megabytes, often) is read once.
 */
export async function readLockedPeers(db: Database, root: string, files: readonly TreeFile[], signal: AbortSignal): Promise<LockedPeers> {
  const lockfiles = files.filter((file) => lockfileNames.includes(basename(file.path)) && !file.path.includes('node_modules/'));
  const cache = new ProjectContextCache(db);
  const key = JSON.stringify(['locked-peers', peersVersion, lockfiles.map((file) => [file.path, file.blobSha])]);
  const cached = cache.get<[string, string[]][]>(key);
  if (cached) return new Map(cached);
  const merged = new Map<string, Set<string>>();
  const decoder = new TextDecoder();
  await readBlobs(
    root,
    lockfiles.map((file) => file.blobSha),
    (index, content) => {
      if (!content) return;
      for (const [name, peers] of peersFromLockfile(basename(lockfiles[index]!.path), decoder.decode(content))) {
        const set = merged.get(name) ?? new Set();
        for (const peer of peers) set.add(peer);
        merged.set(name, set);
      }
    },
    signal,
  );
  const entries = [...merged].map(([name, set]): [string, string[]] => [name, [...set]]);
  cache.put(key, entries);
  return new Map(entries);
}
