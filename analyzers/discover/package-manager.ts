import type { PackageJson } from './package-json.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Root lockfiles, in the order used when a repository tracks several. */
const lockfiles: readonly (readonly [fileName: string, manager: PackageManager])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/**
 * The `packageManager` field wins because Corepack enforces it; otherwise the root lockfile tells,
 * and a pnpm-workspace.yaml alone still means pnpm. Null when nothing says.
 */
export function detectPackageManager(
  trackedPaths: ReadonlySet<string>,
  rootPackageJson: PackageJson | null,
  warnings: string[],
): PackageManager | null {
  const declared = declaredManager(rootPackageJson?.['packageManager']);
  if (declared) return declared;
  const found = lockfiles.filter(([fileName]) => trackedPaths.has(fileName));
  const managers = new Set(found.map(([, manager]) => manager));
  const first = found[0];
  if (managers.size > 1 && first) {
    const names = found.map(([fileName]) => fileName).join(', ');
    warnings.push(`Several lockfiles are tracked (${names}); assuming ${first[1]}.`);
  }
  if (first) return first[1];
  return trackedPaths.has('pnpm-workspace.yaml') ? 'pnpm' : null;
}

/** Reads "pnpm@9.1.0" (optionally with a "+sha…" hash) as pnpm. */
function declaredManager(field: unknown): PackageManager | null {
  if (typeof field !== 'string') return null;
  const name = field.split('@')[0];
  return lockfiles.find(([, manager]) => manager === name)?.[1] ?? null;
}
