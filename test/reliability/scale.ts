import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How hard the reliability suite pushes. `npm test` runs the fast subset on every CI run;
 * `npm run test:reliability` (STEWARD_RELIABILITY=full) runs the full counts that RELIABILITY.md reports.
 * Every random choice is drawn from one seed, printed with each failure, so a run can be repeated:
 * STEWARD_SEED=<seed> npm run test:reliability.
 */
export const full = process.env.STEWARD_RELIABILITY === 'full';

export const seed = Number.parseInt(process.env.STEWARD_SEED ?? '', 10) || 20261203;

/** Picks the fast or the full figure. */
export function scaled<T>(fast: T, whole: T): T {
  return full ? whole : fast;
}

/** Writes a part's figures (runs, cases, repositories × commands) where RELIABILITY.md's numbers are read from. */
export function recordFigures(part: string, figures: Record<string, number | string>): void {
  const folder = fileURLToPath(new URL('../../test-results/reliability/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}${part}.json`, `${JSON.stringify({ part, full, seed, ...figures }, null, 2)}\n`);
}
