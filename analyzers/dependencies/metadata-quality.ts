import semver from 'semver';
import type { PackageMetadata } from './package-metadata.js';

/** A sign that a package document's publish times are not the real ones. */
export type TimeSign = 'no publish times' | 'no created/modified' | 'out of order' | 'clustered';

/**
 * What in one package document suggests rewritten publish times: none at all; `time.created` and
 * `time.modified` left out (every npm registry writes them); patches of one minor line published in
 * an order their numbers contradict; three or more versions published within one second (an ingest,
 * not a release).
 */
export function timeSigns(metadata: PackageMetadata): TimeSign[] {
  const timed = metadata.versions.filter((version) => version.time !== undefined);
  if (metadata.versions.length > 0 && timed.length === 0) return ['no publish times'];
  const signs: TimeSign[] = [];
  if (!metadata.created || !metadata.modified) signs.push('no created/modified');
  const stable = timed
    .flatMap((version) => {
      const parsed = semver.parse(version.version);
      return parsed && parsed.prerelease.length === 0 ? [{ parsed, time: version.time! }] : [];
    })
    .sort((a, b) => a.parsed.compare(b.parsed));
  for (let i = 1; i < stable.length; i++) {
    const [before, after] = [stable[i - 1]!, stable[i]!];
    const sameLine = before.parsed.major === after.parsed.major && before.parsed.minor === after.parsed.minor;
    if (sameLine && after.time < before.time) {
      signs.push('out of order');
      break;
    }
  }
  const instants = timed.map((version) => Date.parse(version.time!)).sort((a, b) => a - b);
  for (let i = 2; i < instants.length; i++) {
    if (instants[i]! - instants[i - 2]! < 1000) {
      signs.push('clustered');
      break;
    }
  }
  return signs;
}

interface TimesVerdict {
  reliable: boolean;
  /** Packages showing each sign. */
  signs: Partial<Record<TimeSign, number>>;
  /** Packages judged. */
  packages: number;
}

/**
 * Whether a registry's publish times can be trusted, from the signs in its documents: not when one
 * in ten of its packages (at least one) shows a sign. A single odd package is judged on its own.
 */
export function judgeTimes(signsPerPackage: readonly TimeSign[][]): TimesVerdict {
  const signs: Partial<Record<TimeSign, number>> = {};
  let showing = 0;
  for (const packageSigns of signsPerPackage) {
    if (packageSigns.length > 0) showing++;
    for (const sign of packageSigns) signs[sign] = (signs[sign] ?? 0) + 1;
  }
  return { reliable: showing === 0 || showing < signsPerPackage.length / 10, signs, packages: signsPerPackage.length };
}
