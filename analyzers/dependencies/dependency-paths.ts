import semver from 'semver';
import type { Lockfile } from './lockfile.js';

/** Paths kept per vulnerable package: enough to show where it comes from, few enough to read. */
const maxPaths = 3;

/**
 * How the repository reaches an installed package: the shortest chains of names from a direct
 * dependency down to it, one per direct dependency (a few at most), found by walking the lockfile's
 * tree upwards from the package. `directs` has the versions in use of each direct dependency.
 */
export function dependencyPaths(lockfile: Lockfile | undefined, directs: ReadonlyMap<string, ReadonlySet<string>>): (name: string, version: string) => string[][] {
  const byName = new Map<string, string[]>();
  for (const pkg of lockfile?.packages.values() ?? []) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg.version]);
  let parents: Map<string, Set<string>> | undefined;
  const reverseTree = (): Map<string, Set<string>> => {
    const reverse = new Map<string, Set<string>>();
    for (const [id, pkg] of lockfile?.packages ?? []) {
      for (const [name, wanted] of Object.entries(pkg.dependencies)) {
        const version = byName.get(name)?.includes(wanted) ? wanted : semver.maxSatisfying(byName.get(name) ?? [], wanted);
        if (!version) continue;
        const child = `${name}@${version}`;
        if (!reverse.has(child)) reverse.set(child, new Set());
        reverse.get(child)!.add(id);
      }
    }
    return reverse;
  };
  const isDirect = (id: string): boolean => {
    const at = id.lastIndexOf('@');
    return directs.get(id.slice(0, at))?.has(id.slice(at + 1)) === true;
  };
  const nameOf = (id: string): string => id.slice(0, id.lastIndexOf('@'));

  return (name, version) => {
    const start = `${name}@${version}`;
    if (isDirect(start)) return [[name]];
    parents ??= reverseTree();
    // Breadth-first upwards; `next` remembers the way back down.
    const next = new Map<string, string>([[start, '']]);
    const found: string[][] = [];
    const reached = new Set<string>();
    let frontier = [start];
    while (frontier.length > 0 && found.length < maxPaths) {
      const upper: string[] = [];
      for (const id of frontier) {
        for (const parent of parents.get(id) ?? []) {
          if (next.has(parent)) continue;
          next.set(parent, id);
          if (isDirect(parent) && !reached.has(nameOf(parent)) && found.length < maxPaths) {
            reached.add(nameOf(parent));
            const path: string[] = [];
            for (let at = parent; at !== ''; at = next.get(at)!) path.push(nameOf(at));
            found.push(path);
          }
          upper.push(parent);
        }
      }
      frontier = upper;
    }
    return found;
  };
}
