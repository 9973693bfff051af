import { isObject } from '../discover/package-json.js';

/** Package name → the peer dependencies its locked versions declare. */
export type LockedPeers = ReadonlyMap<string, readonly string[]>;

/** Lockfiles that record peer dependencies (yarn.lock v1 does not; berry's yarn.lock does). */
export const peerLockfileNames: readonly string[] = ['pnpm-lock.yaml', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock'];

/**
 * The peer dependencies a lockfile records for each package, so that a clone without node_modules
 * knows that `next` needs `react-dom` as well as an install does. Lockfiles are machine-written in a
 * fixed layout, and pnpm's run to megabytes: pnpm's and yarn berry's are scanned line by line (a
 * general YAML parse of a 1.4 MB pnpm-lock.yaml takes 0.75 s); npm's are JSON.
 */
export function peersFromLockfile(fileName: string, text: string): LockedPeers {
  const peers = new Map<string, Set<string>>();
  const add = (name: string, peer: string): void => {
    const set = peers.get(name);
    if (set) set.add(peer);
    else peers.set(name, new Set([peer]));
  };
  if (fileName.endsWith('.json')) npmPeers(text, add);
  else if (fileName === 'pnpm-lock.yaml') indentedPeers(text, pnpmLayout(text), add);
  else if (/^__metadata:/m.test(text)) indentedPeers(text, berryLayout, add);
  return new Map([...peers].map(([name, set]) => [name, [...set]]));
}

type AddPeer = (name: string, peer: string) => void;

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

/** Where a YAML-like lockfile keeps its packages and their peer lists. */
interface IndentedLayout {
  /** The line that opens the package section, or undefined when packages start at the top. */
  section: string | undefined;
  /** Indent of a package's key line, of its fields, and of a field's entries. */
  indents: readonly [entry: number, field: number, item: number];
  /** The package name in a key line's key (quotes removed), or undefined for keys that are not packages. */
  nameOf(key: string): string | undefined;
}

/** pnpm-lock.yaml v6 and v9 key packages as `name@version(peers…)`, v5 as `/name/version_peers`. */
function pnpmLayout(text: string): IndentedLayout {
  const version = /^lockfileVersion: '?(\d+)/.exec(text)?.[1];
  return {
    section: 'packages:',
    indents: [2, 4, 6],
    nameOf(key) {
      const path = key.startsWith('/') ? key.slice(1) : key;
      if (version === '5') return path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
      const at = path.indexOf('@', 1);
      return at > 0 ? path.slice(0, at) : undefined;
    },
  };
}

/** yarn berry keys packages by their descriptors: `"next@npm:^15.0.0, next@npm:^15.1.0"`. */
const berryLayout: IndentedLayout = {
  section: undefined,
  indents: [0, 2, 4],
  nameOf(key) {
    if (key === '__metadata') return undefined;
    const at = key.indexOf('@', 1);
    return at > 0 ? key.slice(0, at) : undefined;
  },
};

function indentedPeers(text: string, layout: IndentedLayout, add: AddPeer): void {
  const [entryIndent, fieldIndent, itemIndent] = layout.indents;
  let inSection = layout.section === undefined;
  let name: string | undefined;
  let inPeers = false;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (layout.section !== undefined && indent === 0) {
      inSection = line.trimEnd() === layout.section;
      name = undefined;
      continue;
    }
    if (!inSection) continue;
    if (indent === entryIndent) {
      name = layout.nameOf(unquote(line.trim().replace(/:$/, '')));
      inPeers = false;
    } else if (indent === fieldIndent) {
      inPeers = line.trim() === 'peerDependencies:';
    } else if (indent === itemIndent && inPeers && name !== undefined) {
      const peer = unquote(line.trim().slice(0, keyEnd(line.trim())));
      if (peer) add(name, peer);
    }
  }
}

/** Where a `key: value` line's key ends: the first ': ' outside quotes (keys such as '@scope/x' are quoted). */
function keyEnd(item: string): number {
  const quote = item[0] === "'" || item[0] === '"' ? item.indexOf(item[0], 1) : -1;
  const colon = item.indexOf(':', quote + 1);
  return colon < 0 ? item.length : colon;
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}
