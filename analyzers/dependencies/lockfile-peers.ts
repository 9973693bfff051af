import { isObject } from '../discover/package-json.js';
import { type BlockValue, mapAt, parseBlockMapping } from './block-mapping.js';

/** Package name → the peer dependencies its locked versions declare. */
export type LockedPeers = ReadonlyMap<string, readonly string[]>;

/**
 * The peer dependencies a lockfile records for each package, so that a clone without node_modules
 * knows that `next` needs `react-dom` as well as an install does.
 */
export function peersFromLockfile(fileName: string, text: string): LockedPeers {
  const peers = new Map<string, Set<string>>();
  const add = (name: string, peer: string): void => {
    const set = peers.get(name);
    if (set) set.add(peer);
    else peers.set(name, new Set([peer]));
  };
  if (fileName.endsWith('.json')) npmPeers(text, add);
  else if (fileName === 'pnpm-lock.yaml') {
    const lockfile = parseBlockMapping(text);
    const nameOf = pnpmPackageName(typeof lockfile['lockfileVersion'] === 'string' ? lockfile['lockfileVersion'] : '');
    for (const [key, entry] of Object.entries(mapAt(lockfile, 'packages'))) mappedPeers(nameOf(key), entry, add);
  } else if (/^__metadata:/m.test(text)) {
    for (const [key, entry] of Object.entries(parseBlockMapping(text))) if (key !== '__metadata') mappedPeers(berryPackageName(key), entry, add);
  }
  return new Map([...peers].map(([name, set]) => [name, [...set]]));
}

type AddPeer = (name: string, peer: string) => void;

function mappedPeers(name: string | undefined, entry: BlockValue, add: AddPeer): void {
  if (name === undefined || typeof entry !== 'object') return;
  for (const peer of Object.keys(mapAt(entry, 'peerDependencies'))) add(name, peer);
}

function npmPeers(text: string, add: AddPeer): void {
  let lockfile: unknown;
  try {
    lockfile = JSON.parse(text);
  } catch {
    return;
  }
  const packages = isObject(lockfile) ? lockfile['packages'] : undefined;
  if (!isObject(packages)) return;
  for (const [path, entry] of Object.entries(packages)) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || !isObject(entry) || !isObject(entry['peerDependencies'])) continue;
    const name = path.slice(at + 'node_modules/'.length);
    for (const peer of Object.keys(entry['peerDependencies'])) add(name, peer);
  }
}

/** pnpm-lock.yaml v6 and v9 key packages as `name@version(peers…)`, v5 as `/name/version_peers`. */
function pnpmPackageName(lockfileVersion: string): (key: string) => string | undefined {
  return (key) => {
    const path = key.startsWith('/') ? key.slice(1) : key;
    if (/^5(\.|$)/.test(lockfileVersion)) return path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
    const at = path.indexOf('@', 1);
    return at > 0 ? path.slice(0, at) : undefined;
  };
}

/** yarn berry keys packages by their descriptors: `"next@npm:^15.0.0, next@npm:^15.1.0"`. */
function berryPackageName(key: string): string | undefined {
  const at = key.indexOf('@', 1);
  return at > 0 ? key.slice(0, at) : undefined;
}
