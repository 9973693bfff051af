import { readLockfile } from './lockfile.js';

/** Package name → the peer dependencies its locked versions declare. */
export type LockedPeers = ReadonlyMap<string, readonly string[]>;

/**
 * The peer dependencies a lockfile records for each package (every version together), so that a
 * clone without node_modules knows that `next` needs `react-dom` as well as an install does. A
 * lockfile that cannot be read gives none: the dead-code search then errs towards "unused" only for
 * peers, and the dependency report says why the file is unreadable.
 */
export function peersFromLockfile(fileName: string, text: string): LockedPeers {
  const lockfile = readLockfile(fileName, text);
  const peers = new Map<string, Set<string>>();
  if ('error' in lockfile) return new Map();
  for (const { name, peers: names } of lockfile.packages.values()) {
    if (names.length === 0) continue;
    const set = peers.get(name) ?? new Set();
    for (const peer of names) set.add(peer);
    peers.set(name, set);
  }
  return new Map([...peers].map(([name, set]) => [name, [...set]]));
}
