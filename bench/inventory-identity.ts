/**
 * Item identity on a real history: scan a repository's last N weekly commits in order (as a team
 * scanning every Monday would) and count **identity breaks**: an item reported resolved and a new
 * item reported in the same step for what is the same finding with the same code: same kind, same
 * file, same symbol (its ordinal aside) and the same measured evidence. Target: 0. (Items of files
 * deleted and others added in the same step are different findings, not breaks.)
 *
 *   npx tsx bench/inventory-identity.ts --repo /tmp/real-hono --weeks 26
 *
 * The repository is cloned (shared objects) into a scratch folder whose checkout moves; the clone
 * given is never touched. Prints a JSON summary and every break with its likely cause.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebtItem, InventoryPage } from '../core/api/inventory.js';
import { git } from './git.js';
import { describeMachine } from './machine.js';
import { projectRoot } from './steward.js';

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ''), process.argv[index + 1] ?? '');
const repo = args.get('repo');
if (!repo) throw new Error('--repo <path> is required');
const weeks = Number(args.get('weeks') ?? 26);

/** Fields of the evidence that change without the code changing (who touched the file, the importers' list). */
const volatile = new Set(['lastChanged', 'importers', 'reason', 'revisions', 'rank', 'score', 'authors', 'share', 'ageMonths', 'importersOf']);

const tip = git(repo, ['rev-parse', 'HEAD']);
const tipDate = new Date(git(repo, ['log', '-1', '--format=%cI', tip]));
const commits: { week: string; commit: string }[] = [];
for (let week = weeks - 1; week >= 0; week--) {
  const before = new Date(tipDate.getTime() - week * 7 * 86_400_000);
  const commit = git(repo, ['rev-list', '-1', '--first-parent', `--before=${before.toISOString()}`, tip]);
  if (commit && commits.at(-1)?.commit !== commit) commits.push({ week: before.toISOString().slice(0, 10), commit });
}

const scratch = mkdtempSync(join(tmpdir(), 'steward-identity-'));
const clone = join(scratch, 'repo');
const home = join(scratch, 'home');
git(scratch, ['clone', '--quiet', '--shared', '--no-checkout', repo, clone]);
const steward = (command: string[]): string =>
  execFileSync(process.execPath, [join(projectRoot, 'bin', 'steward.js'), ...command], {
    encoding: 'utf8',
    env: { ...process.env, STEWARD_HOME: home, CI: 'true' },
    maxBuffer: 512 * 1024 * 1024,
  });

const baseSymbol = (item: DebtItem): string => (item.symbol ?? '').replace(/ #\d+$/, '');
const stableEvidence = (item: DebtItem): string => JSON.stringify(Object.entries(item.evidence).filter(([name]) => !volatile.has(name)));

interface Break {
  week: string;
  kind: string;
  resolved: { fingerprint: string; path: string | null; symbol: string | null };
  added: { fingerprint: string; path: string | null; symbol: string | null };
  cause: string;
}

const breaks: Break[] = [];
const steps: { week: string; commit: string; items: number; added: number; resolved: number; seconds: number }[] = [];
let previous = new Map<string, DebtItem>();
try {
  for (const { week, commit } of commits) {
    git(clone, ['checkout', '--quiet', '--force', '--detach', commit]);
    const started = performance.now();
    steward(['scan', clone, '--json', '--quiet', '--only', 'code,deadCode,history,markers']);
    const seconds = (performance.now() - started) / 1000;
    const page = JSON.parse(steward(['inventory', clone, '--json'])) as InventoryPage;
    const current = new Map(page.items.map((item) => [item.fingerprint, item]));
    const added = [...current.values()].filter((item) => !previous.has(item.fingerprint));
    const resolved = [...previous.values()].filter((item) => !current.has(item.fingerprint));
    if (previous.size > 0) {
      for (const gone of resolved) {
        const twin = added.find((item) => item.kind === gone.kind && item.path === gone.path && baseSymbol(item) === baseSymbol(gone) && stableEvidence(item) === stableEvidence(gone));
        if (!twin) continue;
        const cause = twin.symbol !== gone.symbol ? `its ordinal among same-named functions changed (${gone.symbol} → ${twin.symbol})` : 'other';
        breaks.push({ week, kind: gone.kind, resolved: { fingerprint: gone.fingerprint, path: gone.path, symbol: gone.symbol }, added: { fingerprint: twin.fingerprint, path: twin.path, symbol: twin.symbol }, cause });
      }
    }
    steps.push({ week, commit: commit.slice(0, 10), items: current.size, added: previous.size > 0 ? added.length : 0, resolved: resolved.length, seconds: Math.round(seconds * 10) / 10 });
    process.stderr.write(`${week} ${commit.slice(0, 10)}: ${current.size} items, +${previous.size > 0 ? added.length : 0} −${resolved.length} (${seconds.toFixed(1)} s)\n`);
    previous = current;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const byCause = new Map<string, number>();
for (const entry of breaks) byCause.set(entry.cause.replace(/\(.*\)/, '(…)'), (byCause.get(entry.cause.replace(/\(.*\)/, '(…)')) ?? 0) + 1);
process.stdout.write(
  `${JSON.stringify(
    {
      machine: describeMachine({}),
      repository: { path: repo, tip, weeks: commits.length },
      steps,
      identityBreaks: breaks.length,
      byCause: Object.fromEntries(byCause),
      breaks,
    },
    null,
    2,
  )}\n`,
);
