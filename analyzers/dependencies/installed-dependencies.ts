import semver from 'semver';
import { isObject, type PackageJson } from '../discover/package-json.js';
import type { Lockfile } from './lockfile.js';

/** Where a declared dependency comes from, by its specifier. */
type SpecifierKind = 'registry' | 'tag' | 'alias' | 'workspace' | 'file' | 'link' | 'git' | 'url';

const installedFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
type InstalledField = (typeof installedFields)[number];

/** One dependency a workspace declares, and what the lockfile says was installed for it. */
interface DeclaredDependency {
  /** The workspace folder ('' for the root). */
  workspace: string;
  /** The name it is declared and imported under. */
  name: string;
  field: InstalledField;
  specifier: string;
  kind: SpecifierKind;
  /** The registry package behind it (another one for an `npm:` alias); null when it does not come from the registry. */
  registryName: string | null;
  /** The semver range or dist-tag asked of the registry; null when it does not come from the registry. */
  range: string | null;
  /** The version the lockfile has; null when it has none (see `note`). */
  installed: string | null;
  /** Why `installed` is null, or what else a reader should know. */
  note?: string;
}

interface InstalledDependenciesInput {
  /** Each workspace's folder and readable package.json, the root first. */
  workspaces: readonly { dir: string; packageJson: PackageJson }[];
  /** The repository's lockfile, its read error, or undefined when there is none. */
  lockfile: { path: string; read: Lockfile | { error: string } } | undefined;
}

/**
 * What is installed: every dependency each workspace declares (peer dependencies are the consumer's
 * to install), classified by specifier, with the version the lockfile resolved it to. Without a
 * usable lockfile the declared ranges are all there is, and the warnings say so.
 */
export function installedDependencies({ workspaces, lockfile }: InstalledDependenciesInput): { dependencies: DeclaredDependency[]; warnings: string[] } {
  const warnings: string[] = [];
  const read = lockfile?.read;
  const locked = read && !('error' in read) ? read : undefined;
  const dependencies: DeclaredDependency[] = [];
  const ownPackages = new Set(workspaces.flatMap(({ packageJson }) => (typeof packageJson['name'] === 'string' ? [packageJson['name']] : [])));
  let missing = 0;
  for (const { dir, packageJson } of workspaces) {
    for (const field of installedFields) {
      const declared = packageJson[field];
      if (!isObject(declared)) continue;
      for (const [name, specifier] of Object.entries(declared)) {
        if (typeof specifier !== 'string') continue;
        const dependency = classify(dir, name, field, specifier);
        if (dependency.range !== null && locked) {
          const installed = locked.resolve(dir, name, specifier);
          if (installed !== undefined) dependency.installed = installed;
          else if (ownPackages.has(dependency.registryName!)) {
            // pnpm and npm link a workspace package whose version matches, whatever the specifier says.
            Object.assign(dependency, { kind: 'workspace', registryName: null, range: null, note: 'a package of this repository (the lockfile links it)' });
          } else {
            missing++;
            dependency.note = `not in ${lockfile!.path}: the lockfile is out of sync with package.json`;
          }
        }
        dependencies.push(dependency);
      }
    }
  }
  // Only dependencies from a registry have versions for a lockfile to pin.
  if (dependencies.some((dependency) => dependency.range !== null)) {
    if (!lockfile) warnings.push('No lockfile: installed versions are unknown, so the declared ranges are used.');
    else if (read && 'error' in read) warnings.push(`${read.error}; the declared ranges are used instead.`);
  }
  if (missing > 0) warnings.push(`${lockfile!.path} has no entry for ${missing === 1 ? '1 declared dependency' : `${missing} declared dependencies`}: it is out of sync with package.json (run the install again).`);
  return { dependencies, warnings };
}

function classify(workspace: string, name: string, field: InstalledField, specifier: string): DeclaredDependency {
  const base = { workspace, name, field, specifier, installed: null };
  const kind = specifierKind(specifier);
  if (kind === 'alias') {
    const target = specifier.slice('npm:'.length);
    const at = target.indexOf('@', 1);
    return { ...base, kind, registryName: at > 0 ? target.slice(0, at) : target, range: at > 0 ? target.slice(at + 1) : 'latest' };
  }
  if (kind === 'registry' || kind === 'tag') return { ...base, kind, registryName: name, range: specifier === '' ? 'latest' : specifier };
  const notes: Record<string, string> = {
    workspace: 'a package of this repository',
    file: 'a local folder or tarball, not from the registry',
    link: 'a link to a local folder, not from the registry',
    git: 'a git repository, not from the registry',
    url: 'a tarball URL, not from the registry',
  };
  return { ...base, kind, registryName: null, range: null, note: notes[kind] };
}

/** npm's specifier forms (npm-package-arg), from the prefix and shape alone. */
export function specifierKind(specifier: string): SpecifierKind {
  if (specifier.startsWith('workspace:')) return 'workspace';
  if (specifier.startsWith('npm:')) return 'alias';
  if (specifier.startsWith('link:')) return 'link';
  if (/^(file:|\.{0,2}\/|~\/)/.test(specifier)) return 'file';
  if (/^(git(\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:)/.test(specifier) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(specifier)) return 'git';
  if (/^https?:\/\//.test(specifier)) return 'url';
  if (specifier === '' || specifier === '*' || semver.validRange(specifier) !== null) return 'registry';
  return 'tag';
}
