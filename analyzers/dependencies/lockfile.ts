import { isObject } from '../discover/package-json.js';
import { type BlockMap, mapAt, parseBlockMapping } from './block-mapping.js';
import { parseJson } from '../documents/parse-document.js';

type LockfileKind = 'npm' | 'pnpm' | 'yarn-classic' | 'yarn-berry';

/** One installed package of the tree. */
interface LockedPackage {
  name: string;
  version: string;
  /** Dependency name → the version it resolved to (npm's and pnpm's lockfiles) or the range it asked for (yarn's). */
  dependencies: Readonly<Record<string, string>>;
  /** Names of its peer dependencies (yarn.lock v1 does not record them). */
  peers: readonly string[];
}

/** What a lockfile says was installed: the version behind each declared dependency, and the whole tree. */
export interface Lockfile {
  kind: LockfileKind;
  /**
   * The version installed for `name` where the workspace at `importer` ('' for the root) declares
   * `range`; undefined when the lockfile does not have it (out of sync with package.json, or a
   * workspace link).
   */
  resolve(importer: string, name: string, range: string): string | undefined;
  /** Every package of the tree by `name@version`. */
  packages: ReadonlyMap<string, LockedPackage>;
}

export const lockfileNames: readonly string[] = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];

/** Reads a lockfile by its name; a message says why when it cannot be read (corrupt, unknown format). */
export function readLockfile(fileName: string, text: string): Lockfile | { error: string } {
  try {
    if (fileName.endsWith('.json')) return npmLockfile(parseJson(text));
    if (fileName === 'pnpm-lock.yaml') return pnpmLockfile(parseBlockMapping(text));
    if (fileName === 'yarn.lock') return /^__metadata:/m.test(text) ? yarnLockfile(parseBlockMapping(text), 'yarn-berry') : yarnLockfile(parseBlockMapping(text), 'yarn-classic');
    return { error: `${fileName} is not a lockfile Steward reads` };
  } catch (error) {
    return { error: `${fileName} could not be read: ${(error as Error).message}` };
  }
}

/** package-lock.json / npm-shrinkwrap.json: v2 and v3 `packages` by install path, v1's nested `dependencies`. */
function npmLockfile(lockfile: unknown): Lockfile {
  if (!isObject(lockfile)) throw new Error('not a JSON object');
  const versions = new Map<string, string>();
  const installed: [path: string, name: string, entry: Record<string, unknown>][] = [];
  const entries = isObject(lockfile['packages']) ? Object.entries(lockfile['packages']) : flattenV1(lockfile['dependencies'], '');
  for (const [path, entry] of entries) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || !isObject(entry) || typeof entry['version'] !== 'string' || entry['link'] === true) continue;
    versions.set(path, entry['version']);
    installed.push([path, path.slice(at + 'node_modules/'.length), entry]);
  }
  // Node's lookup: the folder's own node_modules, then each folder above it.
  const lookup = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
      const version = versions.get(`${dir === '' ? '' : `${dir}/`}node_modules/${name}`);
      if (version !== undefined || dir === '') return version;
    }
  };
  const packages = new Map<string, LockedPackage>();
  for (const [path, name, entry] of installed) {
    const id = `${name}@${String(entry['version'])}`;
    // The ranges it asks for, resolved to the copies Node loads from where it is installed.
    const wanted = Object.keys({ ...stringRecord(entry['dependencies']), ...stringRecord(entry['optionalDependencies']) });
    const dependencies = Object.fromEntries(wanted.flatMap((dependency) => (lookup(path, dependency) === undefined ? [] : [[dependency, lookup(path, dependency)!]])));
    const peers = isObject(entry['peerDependencies']) ? Object.keys(entry['peerDependencies']) : [];
    packages.set(id, { name, version: String(entry['version']), dependencies: { ...dependencies, ...packages.get(id)?.dependencies }, peers });
  }
  return { kind: 'npm', resolve: (importer, name) => lookup(importer, name), packages };
}

/** lockfileVersion 1 nests `dependencies` by install path; flattened to v2's `node_modules/a/node_modules/b` keys. */
function flattenV1(dependencies: unknown, prefix: string): [string, unknown][] {
  if (!isObject(dependencies)) return [];
  return Object.entries(dependencies).flatMap(([name, entry]) => {
    const path = `${prefix}node_modules/${name}`;
    const version = isObject(entry) ? entry['version'] : undefined;
    const requires = isObject(entry) ? entry['requires'] : undefined;
    return [[path, { version, dependencies: requires }] as [string, unknown], ...flattenV1(isObject(entry) ? entry['dependencies'] : undefined, `${path}/`)];
  });
}

/** pnpm-lock.yaml v6 and v9: `importers` per workspace folder, `packages` (and v9's `snapshots`) for the tree. */
function pnpmLockfile(lockfile: BlockMap): Lockfile {
  const importers = mapAt(lockfile, 'importers');
  // Before workspaces, a lockfile has the root's dependencies at the top.
  const importerOf = (dir: string): BlockMap => (Object.keys(importers).length > 0 ? mapAt(importers, dir === '' ? '.' : dir) : lockfile);
  const packages = new Map<string, LockedPackage>();
  const snapshots = mapAt(lockfile, 'snapshots');
  const version5 = /^5(\.|$)/.test(String(lockfile['lockfileVersion'] ?? ''));
  for (const [key, entry] of [...Object.entries(mapAt(lockfile, 'packages')), ...Object.entries(snapshots)]) {
    const parsed = pnpmKey(key, version5);
    if (!parsed || typeof entry !== 'object') continue;
    const id = `${parsed.name}@${parsed.version}`;
    const dependencies = Object.fromEntries(
      [...Object.entries(mapAt(entry, 'dependencies')), ...Object.entries(mapAt(entry, 'optionalDependencies'))].flatMap(([name, version]) =>
        typeof version === 'string' ? [[name, withoutPeers(version)]] : [],
      ),
    );
    const known = packages.get(id);
    const peers = [...new Set([...(known?.peers ?? []), ...Object.keys(mapAt(entry, 'peerDependencies'))])];
    packages.set(id, { name: parsed.name, version: parsed.version, dependencies: { ...known?.dependencies, ...dependencies }, peers });
  }
  return {
    kind: 'pnpm',
    resolve(importer, name) {
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        const entry = mapAt(importerOf(importer), field)[name];
        // v6 and v9 write `{ specifier, version }`; v5 the version alone.
        const version = typeof entry === 'object' ? entry['version'] : entry;
        if (typeof version === 'string') return version.startsWith('link:') ? undefined : withoutPeers(aliasVersion(version));
      }
      return undefined;
    },
    packages,
  };
}

/** `next@15.5.14(react@19.1.0)` (v9), `/next@15.5.14(react@19.1.0)` (v6), `/next/15.5.14_react@19.1.0` (v5): name and version. */
function pnpmKey(key: string, version5: boolean): { name: string; version: string } | undefined {
  const path = key.startsWith('/') ? key.slice(1) : key;
  if (version5) {
    const parts = path.split('/');
    const nameParts = path.startsWith('@') ? 2 : 1;
    const version = parts[nameParts];
    return version === undefined ? undefined : { name: parts.slice(0, nameParts).join('/'), version: version.split('_')[0]! };
  }
  const at = path.indexOf('@', 1);
  return at > 0 ? { name: path.slice(0, at), version: withoutPeers(path.slice(at + 1)) } : undefined;
}

function withoutPeers(version: string): string {
  const paren = version.indexOf('(');
  return paren < 0 ? version : version.slice(0, paren);
}

/** An npm alias resolves as `string-width-cjs: string-width@4.2.3`: the version is after the last @. */
function aliasVersion(version: string): string {
  const at = version.lastIndexOf('@');
  return at > 0 && !version.slice(0, at).includes('(') ? version.slice(at + 1) : version;
}

/**
 * yarn.lock, classic and berry: entries keyed by every descriptor that resolved to them
 * (`"a@^1.0.0", "a@^1.2.0"`; berry writes `a@npm:^1.0.0`), so a declared range finds its version.
 */
function yarnLockfile(lockfile: BlockMap, kind: 'yarn-classic' | 'yarn-berry'): Lockfile {
  const byDescriptor = new Map<string, string>();
  const packages = new Map<string, LockedPackage>();
  for (const [key, entry] of Object.entries(lockfile)) {
    if (key === '__metadata' || typeof entry !== 'object' || typeof entry['version'] !== 'string') continue;
    const descriptors = key.split(/,\s*/).map((descriptor) => descriptor.trim().replace(/^"(.*)"$/, '$1'));
    const name = descriptorName(descriptors[0]!);
    if (!name) continue;
    const version = entry['version'];
    for (const descriptor of descriptors) byDescriptor.set(descriptor, version);
    packages.set(`${name}@${version}`, { name, version, dependencies: stringRecord(entry['dependencies']), peers: Object.keys(mapAt(entry, 'peerDependencies')) });
  }
  return {
    kind,
    resolve: (_importer, name, range) => byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`),
    packages,
  };
}

function descriptorName(descriptor: string): string | undefined {
  const at = descriptor.indexOf('@', 1);
  return at > 0 ? descriptor.slice(0, at) : undefined;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
