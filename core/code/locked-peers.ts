import { lockfileNames } from '../../analyzers/dependencies/lockfile.js';
import { type LockedPeers, peersFromLockfile } from '../../analyzers/dependencies/lockfile-peers.js';
import { basename } from '../../analyzers/discover/repo-paths.js';
import { readBlobs } from '../git/read-blobs.js';
import type { TreeFile } from '../git/tree-files.js';

/** The peer dependencies recorded by every tracked lockfile of the commit, merged by package name. */
export async function readLockedPeers(root: string, files: readonly TreeFile[], signal: AbortSignal): Promise<LockedPeers> {
  const lockfiles = files.filter((file) => lockfileNames.includes(basename(file.path)) && !file.path.includes('node_modules/'));
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
  return new Map([...merged].map(([name, set]) => [name, [...set]]));
}
