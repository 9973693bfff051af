import semver from 'semver';

/** One dependency to move, as a draft plans it. */
export interface Upgrade {
  workspace: string;
  name: string;
  /** Where it is declared; `overrides` forces a transitive package's version on the whole tree. */
  field: 'dependencies' | 'devDependencies' | 'optionalDependencies' | 'overrides';
  from: string;
  to: string;
  /** The target release's peerDependencies (names matter here). */
  peers: readonly string[];
  /** The inventory items it fixes. */
  fingerprints: string[];
}

export type ChangeClass = 'patch' | 'minor' | 'major';

/** Packages that move as one: never split, never in different commits. */
interface UpgradeUnit {
  upgrades: Upgrade[];
  change: ChangeClass;
  /** Why its members move together; null for a single package. */
  together: string | null;
}

/** semver's class of a change; below 1.0.0 a change outside `^`'s range may break as a major does, so it counts as one. */
export function changeClass(from: string, to: string): ChangeClass {
  const a = semver.coerce(from);
  const b = semver.coerce(to);
  if (!a || !b) return 'major';
  if (a.major !== b.major) return 'major';
  if (a.major === 0 && (a.minor !== b.minor || (a.minor === 0 && a.patch !== b.patch))) return 'major';
  return a.minor !== b.minor ? 'minor' : 'patch';
}

const scopeOf = (name: string): string | null => (name.startsWith('@') ? name.slice(0, name.indexOf('/')) : null);
/** `@types/react` → `react`, `@types/babel__core` → `@babel/core`. */
const typedPackage = (name: string): string | null => {
  if (!name.startsWith('@types/')) return null;
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
};

/**
 * Why two upgrades must move together, or null: a package and its types (`react`, `@types/react`),
 * one family released in lockstep (same scope, or `react` and `react-dom`, at the same target
 * version), or a peer the target release names.
 */
function bond(a: Upgrade, b: Upgrade): string | null {
  if (typedPackage(a.name) === b.name || typedPackage(b.name) === a.name) return `${a.name} and ${b.name}: a package and its types`;
  if (a.peers.includes(b.name) || b.peers.includes(a.name)) {
    const [peer, of] = a.peers.includes(b.name) ? [b, a] : [a, b];
    return `${of.name} ${of.to} names ${peer.name} as a peer`;
  }
  if (a.to === b.to) {
    const scope = scopeOf(a.name);
    if (scope && scope !== '@types' && scope === scopeOf(b.name)) return `${scope} packages are released together (both ${a.to})`;
    const [short, long] = a.name.length <= b.name.length ? [a.name, b.name] : [b.name, a.name];
    if (long.startsWith(`${short}-`)) return `${short} and ${long} are released together (both ${a.to})`;
  }
  return null;
}

/** Upgrades joined into units (union of every bond); the same package in several workspaces moves as one too. */
export function upgradeUnits(upgrades: readonly Upgrade[]): UpgradeUnit[] {
  const parent = upgrades.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  const reasons = new Map<number, string[]>();
  for (let i = 0; i < upgrades.length; i++) {
    for (let j = i + 1; j < upgrades.length; j++) {
      const a = upgrades[i]!;
      const b = upgrades[j]!;
      const why = a.name === b.name ? `${a.name} is upgraded in several packages` : bond(a, b);
      if (!why) continue;
      const [ra, rb] = [find(i), find(j)];
      if (ra !== rb) parent[rb] = ra;
      reasons.set(find(i), [...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), why]);
    }
  }
  const units = new Map<number, Upgrade[]>();
  upgrades.forEach((upgrade, index) => units.set(find(index), [...(units.get(find(index)) ?? []), upgrade]));
  return [...units.entries()].map(([root, members]) => ({
    upgrades: members,
    change: members.some((member) => changeClass(member.from, member.to) === 'major') ? 'major' : members.some((member) => changeClass(member.from, member.to) === 'minor') ? 'minor' : 'patch',
    together: members.length > 1 ? [...new Set(reasons.get(root) ?? [])].join('; ') : null,
  }));
}

const upgradeTitles = { small: 'Patch and minor upgrades', major: (label: string) => `Major upgrade of ${label}` };

/** The commits of a dependency draft: patch and minor upgrades in one group, each major on its own. */
export function upgradeGroups(units: readonly UpgradeUnit[], titles = upgradeTitles): { title: string; units: UpgradeUnit[] }[] {
  const byName = (a: UpgradeUnit, b: UpgradeUnit) => a.upgrades[0]!.name.localeCompare(b.upgrades[0]!.name);
  const small = units.filter((unit) => unit.change !== 'major').sort(byName);
  const majors = units.filter((unit) => unit.change === 'major').sort(byName);
  return [
    ...(small.length > 0 ? [{ title: titles.small, units: small }] : []),
    ...majors.map((unit) => ({ title: titles.major(unitLabel(unit)), units: [unit] })),
  ];
}

export function unitLabel(unit: UpgradeUnit): string {
  const names = [...new Set(unit.upgrades.map((upgrade) => upgrade.name))];
  return `${names.join(' + ')} ${unit.upgrades[0]!.from} → ${unit.upgrades[0]!.to}`;
}

/** A package.json specifier moved to a version, keeping its kind of range (`^`, `~`, exact). */
export function movedSpecifier(specifier: string, to: string): string {
  const match = /^(\^|~|>=|=)?v?\d+(\.\d+){0,2}([-+][\w.+-]*)?$/.exec(specifier.trim());
  if (!match) return `^${to}`;
  return `${match[1] === '>=' ? '>=' : (match[1] ?? '')}${to}`;
}
