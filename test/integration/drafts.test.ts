import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftDetail } from '../../core/api/drafts.js';
import { runSteward, spawnSteward } from '../support/cli.js';
import { buildDeadCodeRepository, buildDeprecationRepository, buildDraftRepository, buildSecurityRepository, draftPackages, securityAdvisories, securityPackages } from '../support/draft-fixture.js';
import { type FixtureRegistry, startFixtureRegistry } from '../support/fixture-registry.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { postgresBinaries, startPostgres } from '../support/postgres-server.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let registry: FixtureRegistry;
let markers: string;
let env: NodeJS.ProcessEnv;
const cleanup: string[] = [];
const folder = (prefix: string): string => {
  const made = temporaryDirectory(prefix);
  cleanup.push(made);
  return made;
};

beforeAll(async () => {
  markers = folder('steward-draft-markers-');
  registry = await startFixtureRegistry({ packages: [...draftPackages(markers), ...securityPackages()], advisories: securityAdvisories });
  env = { npm_config_registry: registry.url, npm_config_cache: folder('steward-npm-cache-') };
});

afterAll(async () => {
  await registry.close();
  for (const made of cleanup) rmSync(made, { recursive: true, force: true });
});

async function draft(home: string, args: string[]): Promise<{ status: number | null; detail: DraftDetail; stderr: string }> {
  const result = await runSteward(home, ['draft', ...args, '--json'], env);
  if (!result.stdout.trim()) throw new Error(`steward draft ${args.join(' ')} printed nothing (exit ${result.status}): ${result.stderr}`);
  return { status: result.status, detail: JSON.parse(result.stdout) as DraftDetail, stderr: result.stderr };
}

async function cli(home: string, args: string[]): Promise<string> {
  const result = await runSteward(home, args, env);
  if (result.status !== 0) throw new Error(`steward ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** Everything of the user's checkout a draft must leave alone: every byte of the work tree, the index, status, stash, HEAD. */
function checkoutState(repo: string): Record<string, string> {
  const state: Record<string, string> = { index: createHash('sha256').update(readFileSync(join(repo, '.git/index'))).digest('hex') };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === join(repo, '.git')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else state[relative(repo, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(repo);
  const quiet = { GIT_OPTIONAL_LOCKS: '0' };
  state['status'] = git(repo, ['status', '--porcelain=v1', '--untracked-files=all'], quiet);
  state['stash'] = git(repo, ['stash', 'list'], quiet);
  state['head'] = `${git(repo, ['symbolic-ref', 'HEAD'], quiet)} ${git(repo, ['rev-parse', 'HEAD'], quiet)}`;
  return state;
}

const labels = (detail: DraftDetail) => detail.plan!.commits.map((commit) => ({ title: commit.title, units: commit.units.map((unit) => unit.label) }));

describe('a dependency draft', () => {
  let repo: string;
  let home: string;
  let before: Record<string, string>;
  let result: Awaited<ReturnType<typeof draft>>;

  beforeAll(async () => {
    repo = await buildDraftRepository(folder('steward-draft-repo-'), registry.url, markers, env);
    home = folder('steward-draft-home-');
    await cli(home, ['scan', repo, '--quiet']);
    // The user is in the middle of something: a changed tracked file, a staged one, an untracked one, a stash.
    appendFileSync(join(repo, 'test.js'), '// stashed work\n');
    git(repo, ['stash', '--quiet']);
    appendFileSync(join(repo, 'src/index.js'), '// work in progress\n');
    writeFileSync(join(repo, 'notes.txt'), 'untracked\n');
    appendFileSync(join(repo, 'test.js'), '// staged\n');
    git(repo, ['add', 'test.js']);
    before = checkoutState(repo);
    result = await draft(home, ['deps', repo, '--consent']);
  }, 300_000);

  it('commits the patch and minor group and the major that passes apart, keeps a peer pair together, and leaves out what breaks the tests, with its log', () => {
    const { status, detail } = result;
    expect(status, result.stderr).toBe(0);
    expect(detail.state).toBe('ready');
    expect(labels(detail)).toEqual([
      { title: 'Patch and minor upgrades', units: ['left-pad-lite 1.0.0 → 1.1.0', 'ui-dom + ui-core 1.0.0 → 1.1.0'] },
      { title: 'Major upgrade of str-utils 1.0.0 → 2.0.0', units: ['str-utils 1.0.0 → 2.0.0'] },
    ]);
    expect(detail.plan!.commits[0]!.units[1]!.together).toBe('ui-dom 1.1.0 names ui-core as a peer');
    const leftOut = detail.plan!.leftOut.map((left) => ({ unit: left.unit.label, gate: left.gate }));
    expect(leftOut).toEqual([
      { unit: 'tiny-math 1.0.0 → 1.2.0', gate: 'test' },
      { unit: 'fmt-date 1.0.0 → 2.0.0', gate: 'test' },
    ]);
    // The logs say why: tiny-math's add subtracts; fmt-date 2 wants options.
    expect(detail.plan!.leftOut[0]!.logTail).toMatch(/actual: ' {2}0'/);
    expect(detail.plan!.leftOut[1]!.logTail).toMatch(/pattern/);
    // The group was halved until tiny-math was found, and no failing set was tried twice.
    const tried = detail.plan!.attempts.map((attempt) => attempt.units.join(' + '));
    expect(new Set(tried).size).toBe(tried.length);
    expect(detail.audit.filter((entry) => entry.action === 'split').length).toBeGreaterThanOrEqual(2);
  });

  it('makes the branch from the base with one commit per group, the versions in package.json and the lockfile', () => {
    const { detail } = result;
    const commits = git(repo, ['rev-list', '--reverse', `${detail.baseCommit}..${detail.branch}`]).trim().split('\n');
    expect(commits).toEqual(detail.plan!.commits.map((commit) => commit.sha));
    const manifest = JSON.parse(git(repo, ['show', `${detail.branch}:package.json`])) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ 'left-pad-lite': '1.1.0', 'tiny-math': '1.0.0', 'ui-core': '1.1.0', 'ui-dom': '1.1.0', 'fmt-date': '1.0.0', 'str-utils': '~2.0.0' });
    const lock = JSON.parse(git(repo, ['show', `${detail.branch}:package-lock.json`])) as { packages: Record<string, { version: string }> };
    expect(lock.packages['node_modules/str-utils']!.version).toBe('2.0.0');
    expect(lock.packages['node_modules/tiny-math']!.version).toBe('1.0.0');
    expect(git(repo, ['log', '-1', '--format=%B', detail.plan!.commits[0]!.sha])).toContain('| left-pad-lite | (root) | 1.0.0 | 1.1.0 | minor |');
  });

  it('leaves every byte of the checkout, its index, status, stash and branch as they were', () => {
    expect(checkoutState(repo)).toEqual(before);
  });

  it("lists the breaking changes of the tarballs' changelogs between the two versions", () => {
    const notes = new Map(result.detail.plan!.releaseNotes.map((entry) => [entry.name, entry]));
    expect(notes.get('str-utils')).toMatchObject({ source: 'CHANGELOG.md in str-utils@2.0.0', versions: [{ version: '2.0.0', breaking: ['`legacy()` is removed.'] }] });
    expect(notes.get('fmt-date')!.versions[0]!.breaking).toEqual(['`format(date)` now requires an options object with a `pattern`.']);
    expect(notes.get('left-pad-lite')!.source).toBeNull();
  });

  it('proves the fix by a re-scan, rehearses the rollback, and scores the risk with its reasons', () => {
    const plan = result.detail.plan!;
    expect(plan.rescan).toMatchObject({ status: 'passed', remaining: [], added: [] });
    expect(plan.rescan.fixed).toHaveLength(4);
    expect(plan.gates.map((gate) => [gate.gate, gate.status])).toEqual([
      ['install', 'passed'],
      ['dependency-tree', 'passed'],
      ['typecheck', 'not-run'],
      ['lint', 'not-run'],
      ['test', 'passed'],
      ['build', 'not-run'],
      ['rescan', 'passed'],
      ['vulnerabilities', 'passed'],
    ]);
    expect(plan.rollback.rehearsal.status).toBe('passed');
    expect(plan.rollback.steps.map((step) => step.command)).toEqual([...plan.commits.map((commit) => `git revert --no-edit ${commit.sha}`).reverse(), 'npm ci --no-audit --no-fund']);
    expect(plan.risk.reasons.map((reason) => reason.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^A major upgrade \(str-utils/), expect.stringMatching(/ui-core 1.1.0 runs install scripts/)]));
    expect(plan.impact.find((impact) => impact.name === 'str-utils')!.callSites).toEqual([{ path: 'src/index.js', line: 4, symbol: 'require()' }]);
  });

  it('exports the plan as Markdown, and records approval with who, what, where and how — pushing nothing', async () => {
    const markdown = await cli(home, ['draft', 'show', result.detail.id, '--markdown']);
    for (const part of ['## What it changes', '## Why', '## Risk: medium', '## Quality gates', '### str-utils 1.0.0 → 2.0.0', '**Breaking changes:**', '## Rollback plan', 'Rehearsal: **passed**', '### Left out (they break a gate)']) expect(markdown).toContain(part);
    const approved = JSON.parse(await cli(home, ['draft', 'approve', result.detail.id, '--note', 'looks right', '--by', 'Lead <lead@example.com>', '--json'])) as { draft: Draft; next: string[] };
    expect(approved.draft.state).toBe('approved');
    expect(approved.next[0]).toBe(`git push -u origin ${result.detail.branch}`);
    const detail = (await draft(home, ['show', result.detail.id])).detail;
    expect(detail.audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['initiate', 'consent', 'worktree', 'gate', 'split', 'commit', 'rescan', 'rehearsal', 'ready', 'approve']));
    expect(detail.audit.at(-1)).toMatchObject({ actor: 'Lead <lead@example.com>', action: 'approve', note: 'looks right', how: approved.next });
    expect(detail.audit[0]!.where).toContain(`branch ${result.detail.branch} from ${result.detail.baseCommit.slice(0, 12)}`);
    // The worktree is gone; the branch stays in the user's repository, never pushed (there is no remote).
    expect(existsSync(result.detail.worktree!)).toBe(false);
    expect(git(repo, ['branch', '--list', result.detail.branch])).toContain(result.detail.branch);
    const rates = JSON.parse(await cli(home, ['drafts', '--json'])) as Draft[];
    expect(rates.map((entry) => entry.state)).toEqual(['approved']);
  });
});

describe('without consent', () => {
  it("runs no script of the repository or of its packages, installs without them, and does not run the tests", async () => {
    for (const name of readdirSync(markers)) rmSync(join(markers, name));
    const repo = await buildDraftRepository(folder('steward-draft-repo-'), registry.url, markers, env);
    const home = folder('steward-draft-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const { status, detail } = await draft(home, ['deps', repo, '--target', 'minor']);
    expect(status).toBe(0);
    expect(readdirSync(markers).filter((name) => name.endsWith('postinstall'))).toEqual([]);
    expect(detail.plan!.consent).toBe(false);
    const test = detail.plan!.gates.find((gate) => gate.gate === 'test')!;
    expect(test).toMatchObject({ status: 'not-run', reason: expect.stringMatching(/not run \(consent\)/) });
    expect(detail.plan!.gates.find((gate) => gate.gate === 'install')!.command).toBe('npm install --no-audit --no-fund --ignore-scripts');
    // Untested, tiny-math's regression goes through: the risk says the tests did not run.
    expect(detail.plan!.risk.reasons.map((reason) => reason.reason)).toContain('the tests did not run');
    // Minor targets only: the majors stay.
    expect(detail.plan!.commits.map((commit) => commit.title)).toEqual(['Patch and minor upgrades']);
    const consent = JSON.parse(await cli(home, ['draft', 'consent', repo, '--json'])) as { granted: boolean };
    expect(consent.granted).toBe(false);
  }, 300_000);
});

describe('a security draft', () => {
  it('moves each vulnerable package to its lowest fixed version: directly, through the release of its parent that asks for it, or by an override', async () => {
    const repo = await buildSecurityRepository(folder('steward-security-repo-'), registry.url, env);
    const home = folder('steward-security-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const { status, detail } = await draft(home, ['security', repo]);
    expect(status, detail.error ?? '').toBe(0);
    const units = detail.plan!.commits.flatMap((commit) => commit.units.map((unit) => ({ versions: unit.versions.map((version) => `${version.field} ${version.name} ${version.from} → ${version.to}`), fixedBy: unit.fixedBy })));
    expect(units).toEqual([
      { versions: ['overrides glob-lite 1.0.0 → 1.0.1'], fixedBy: expect.stringMatching(/^no release of what pulls in glob-lite \(fs-tools › glob-lite\) asks for a fixed version: an override forces 1.0.1/) },
      { versions: ['dependencies http-helper 1.0.0 → 1.1.0'], fixedBy: 'http-helper 1.1.0 asks for a fixed parse-url-lite' },
      { versions: ['dependencies qs-lite 1.0.0 → 1.0.2'], fixedBy: 'qs-lite is a direct dependency' },
    ]);
    expect(detail.plan!.commits.map((commit) => commit.title)).toEqual(['Security fixes']);
    const manifest = JSON.parse(git(repo, ['show', `${detail.branch}:package.json`])) as Record<string, unknown>;
    expect(manifest).toMatchObject({ dependencies: { 'qs-lite': '1.0.2', 'http-helper': '1.1.0', 'fs-tools': '1.0.0' }, overrides: { 'glob-lite': '1.0.1' } });
    expect(detail.plan!.gates.find((gate) => gate.gate === 'vulnerabilities')).toMatchObject({ status: 'passed', reason: '3 known vulnerabilities before, 0 after' });
    // No test script: said, not guessed.
    expect(detail.plan!.gates.find((gate) => gate.gate === 'test')).toMatchObject({ status: 'not-run', reason: 'package.json has no test script' });
    expect(detail.plan!.rescan).toMatchObject({ status: 'passed', remaining: [], added: [] });
    expect(detail.plan!.rollback.rehearsal.status).toBe('passed');
  }, 300_000);
});

// Debian's PostgreSQL, which .ci/run installs; a machine without it skips this, visibly.
describe.skipIf(postgresBinaries() === null && !process.env.CI)('a draft on a team store', () => {
  it("reads the code's facts and the registry's answers from this machine's caches, leaving the team store none", async () => {
    const server = await startPostgres();
    try {
      const teamEnv = { ...env, STEWARD_STORE: server.createDatabase('drafts') };
      const repo = await buildSecurityRepository(folder('steward-team-draft-repo-'), registry.url, env);
      const home = folder('steward-team-draft-home-');
      const scanned = await runSteward(home, ['scan', repo, '--quiet'], teamEnv);
      expect(scanned.status, scanned.stderr).toBe(0);
      const result = await runSteward(home, ['draft', 'security', repo, '--json'], teamEnv);
      expect(result.status, result.stderr).toBe(0);
      const detail = JSON.parse(result.stdout) as DraftDetail;
      // Where the code uses each package it moves, read from the facts the scan left in this machine's cache.
      expect(detail.plan!.impact.find((impact) => impact.name === 'qs-lite')?.callSites).toEqual([{ path: 'index.js', line: 1, symbol: 'require()' }]);
      expect(server.admin('SELECT (SELECT count(*) FROM file_facts) + (SELECT count(*) FROM registry_documents)', 'drafts')).toBe('0');
      const local = new BetterSqlite3(join(home, 'steward.db'), { readonly: true });
      try {
        expect(local.prepare<[], { n: number }>('SELECT count(*) AS n FROM file_facts').get()!.n).toBeGreaterThan(0);
      } finally {
        local.close();
      }
    } finally {
      await server.stop();
    }
  }, 300_000);
});

describe('a deprecations draft', () => {
  it('renames the uses of a deprecated function whose replacement has the same signature, and lists the others as manual steps; a person rejects it', async () => {
    const repo = buildDeprecationRepository(folder('steward-deprecation-repo-'));
    const home = folder('steward-deprecation-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const { status, detail } = await draft(home, ['deprecations', repo]);
    expect(status, detail.error ?? '').toBe(0);
    expect(detail.plan!.commits.flatMap((commit) => commit.units.flatMap((unit) => unit.renames))).toEqual([{ path: 'src/app.ts', from: 'oldTotal', to: 'total', lines: [4, 5] }]);
    expect(git(repo, ['show', `${detail.branch}:src/app.ts`])).toBe(
      ["import { computeV1, legacyFormat, total } from './lib';", '', 'export function report(values: number[]): string {', '  const sum = total(values);', '  return legacyFormat(computeV1(sum)) + String(total([sum]));', '}', ''].join('\n'),
    );
    expect(detail.plan!.manual.map((step) => `${step.path}:${step.line} ${step.step}`)).toEqual([
      'src/app.ts:5 Replace computeV1 (deprecated in src/lib.ts): computeV2 has another signature ((a: number, b: number) => number, not (a: number) => number): the calls need a person',
      'src/app.ts:5 Replace legacyFormat (deprecated in src/lib.ts): its deprecation names no replacement plainly ("It will go in the next major.")',
    ]);
    expect(detail.plan!.rescan.status).toBe('passed');
    expect(detail.plan!.rollback.rehearsal.status).toBe('passed');
    // Rejected: the worktree goes, the branch stays until discarded, and the log says who and why.
    const rejected = JSON.parse(await cli(home, ['draft', 'reject', detail.id, '--note', 'rename after the release', '--by', 'Lead <lead@example.com>', '--json'])) as Draft;
    expect(rejected).toMatchObject({ state: 'rejected', worktree: null });
    expect(existsSync(detail.worktree!)).toBe(false);
    expect(git(repo, ['branch', '--list', detail.branch])).toContain(detail.branch);
    expect((await draft(home, ['show', detail.id])).detail.audit.at(-1)).toMatchObject({ action: 'reject', actor: 'Lead <lead@example.com>', note: 'rename after the release' });
    const unapprovable = await runSteward(home, ['draft', 'approve', detail.id], env);
    expect(unapprovable).toMatchObject({ status: 2, stderr: `steward: Draft ${detail.id} is rejected; it cannot be approved\n` });
  }, 300_000);
});

describe('a dead-code draft', () => {
  it('removes exactly the high-confidence unused file and exports, then what that left unused; typecheck and tests pass; the re-scan shows them gone', async () => {
    const repo = buildDeadCodeRepository(folder('steward-deadcode-repo-'), registry.url, tsc);
    const home = folder('steward-deadcode-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const { status, detail } = await draft(home, ['deadcode', repo, '--consent']);
    expect(status, JSON.stringify(detail.error)).toBe(0);
    const plan = detail.plan!;
    expect(plan.commits.map((commit) => commit.units.flatMap((unit) => unit.removals.map((removal) => `${removal.action} ${removal.path} ${removal.symbol ?? ''}`.trim())))).toEqual([
      ['delete-file src/unused-file.ts', 'remove-declaration src/helpers.ts unusedHelper', 'remove-export-keyword src/helpers.ts internalOnly'],
      ['delete-file src/math.ts'],
    ]);
    // Formatting kept; the import only the removed function needed went with it.
    expect(git(repo, ['show', `${detail.branch}:src/helpers.ts`])).toBe(
      ['/** Used by the entry. */', 'export function usedHelper(n: number): number {', '  return internalOnly(n) + 1;', '}', '', '// Nothing imports it, but usedHelper uses it: only `export` goes.', 'function internalOnly(n: number): number {', '  return n * 10;', '}', ''].join('\n'),
    );
    // The test file and the file README.md names are medium confidence, so never touched.
    const tree = git(repo, ['ls-tree', '-r', '--name-only', detail.branch]);
    expect(tree).toContain('src/widget.test.ts');
    expect(tree).toContain('src/documented.ts');
    expect(plan.gates.filter((gate) => ['typecheck', 'test', 'rescan'].includes(gate.gate)).map((gate) => gate.status)).toEqual(['passed', 'passed', 'passed']);
    expect(plan.rescan.fixed).toHaveLength(4);
    expect(plan.rollback.rehearsal).toMatchObject({ status: 'passed', detail: 'Reverting 2 commits gives exactly the base tree' });
    const markdown = await cli(home, ['draft', 'show', detail.id, '--markdown']);
    for (const removal of ['deleted src/unused-file.ts', 'removed unusedHelper from src/helpers.ts', 'unexported internalOnly in src/helpers.ts', 'deleted src/math.ts']) expect(markdown).toContain(removal);
    // Discarding asks first; with --yes it removes the worktree and the branch.
    const unconfirmed = await runSteward(home, ['draft', 'discard', detail.id], env);
    expect(unconfirmed).toMatchObject({ status: 2, stderr: expect.stringMatching(/confirm with --yes/) });
    await cli(home, ['draft', 'discard', detail.id, '--yes']);
    expect(git(repo, ['branch', '--list', 'steward/*'])).toBe('');
    expect(existsSync(detail.worktree!)).toBe(false);
  }, 300_000);
});

describe('when things go wrong', () => {
  it('a gate that hangs is stopped at its time limit, and failing on the base too does not count against the draft (a dependency a person picked is removed, lockfile too)', async () => {
    const repo = buildDeadCodeRepository(folder('steward-deadcode-repo-'), registry.url, tsc);
    writeFileSync(join(repo, 'steward.config.json'), JSON.stringify({ drafts: { timeoutSeconds: 2, gates: { test: ['node', '-e', 'setInterval(() => {}, 1000)'], typecheck: false } } }));
    git(repo, ['commit', '--quiet', '-am', 'a test that hangs'], { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' });
    const home = folder('steward-deadcode-home-');
    await cli(home, ['scan', repo, '--quiet']);
    // A person picks the unused dependency, which the scan finds at medium confidence.
    const [dependency] = (JSON.parse(await cli(home, ['inventory', repo, '--kind', 'unused-dependency', '--json'])) as { items: { fingerprint: string; confidence: string }[] }).items;
    expect(dependency!.confidence).toBe('medium');
    const { detail } = await draft(home, ['deadcode', repo, '--consent', '--items', dependency!.fingerprint]);
    expect(detail.plan!.commits[0]!.units[0]!.removals).toEqual([{ action: 'remove-dependency', path: 'package.json', symbol: 'dependencies:left-pad-lite', line: expect.any(Number) }]);
    expect(JSON.parse(git(repo, ['show', `${detail.branch}:package.json`]))).not.toHaveProperty('dependencies.left-pad-lite');
    expect(git(repo, ['show', `${detail.branch}:package-lock.json`])).not.toContain('left-pad-lite');
    expect(detail.plan!.warnings).toEqual([expect.stringMatching(/removed because it was picked, at medium confidence/)]);
    expect(detail.plan!.baseline.find((gate) => gate.gate === 'test')).toMatchObject({ status: 'timed-out', reason: expect.stringMatching(/ran longer than 2 s and was stopped/) });
    expect(detail.plan!.gates.find((gate) => gate.gate === 'test')).toMatchObject({ status: 'failed-before' });
    expect(detail.plan!.gates.find((gate) => gate.gate === 'typecheck')).toMatchObject({ status: 'not-run', reason: 'steward.config.json turns the typecheck gate off' });
    expect(detail.state).toBe('ready');
  }, 300_000);

  it('a base that does not install fails the draft with the reason, and leaves no worktree or branch', async () => {
    const repo = await buildDraftRepository(folder('steward-draft-repo-'), registry.url, markers, env);
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['not-in-the-registry'] = '1.0.0';
    writeFileSync(join(repo, 'package.json'), JSON.stringify(manifest, null, 2));
    git(repo, ['commit', '--quiet', '-am', 'a dependency nobody published'], { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' });
    const home = folder('steward-draft-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const { status, detail } = await draft(home, ['deps', repo]);
    expect(status).toBe(1);
    expect(detail).toMatchObject({ state: 'failed', worktree: null, error: expect.stringMatching(/^The base commit does not install, so no change to it can be checked: npm install .* exited with code 1: .*not-in-the-registry/) });
    expect(git(repo, ['branch', '--list', 'steward/*'])).toBe('');
    expect(git(repo, ['worktree', 'list'])).not.toContain('worktrees/');
  }, 300_000);

  it('a draft killed midway is recovered at the next start: worktree and branch removed, marked failed in the audit log (and while it ran, a second draft of the repository was refused)', async () => {
    const repo = await buildDraftRepository(folder('steward-draft-repo-'), registry.url, markers, env);
    const home = folder('steward-draft-home-');
    await cli(home, ['scan', repo, '--quiet']);
    const child = spawnSteward(home, ['draft', 'deps', repo, '--consent', '--quiet'], env);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let ended = false;
    const exited = new Promise((resolve) => child.on('exit', resolve)).then(() => (ended = true));
    // Wait for a state, not a time: the draft is under way once its worktree has a commit's files.
    let running: Draft | undefined;
    while (!running) {
      if (ended) throw new Error(`The draft ended before it could be killed: ${stderr}`);
      const listed = JSON.parse(await cli(home, ['drafts', '--json'])) as Draft[];
      running = listed.find((candidate) => candidate.state === 'drafting' && candidate.worktree !== null && existsSync(join(candidate.worktree, 'package.json')));
    }
    // One draft of a repository at a time.
    const second = await runSteward(home, ['draft', 'deps', repo], env);
    expect(second).toMatchObject({ status: 2, stderr: expect.stringMatching(new RegExp(`^steward: Draft ${running.id} of .* is being drafted`)) });
    child.kill('SIGKILL');
    await exited;
    const [recovered] = JSON.parse(await cli(home, ['drafts', '--json'])) as Draft[];
    expect(recovered).toMatchObject({ id: running.id, state: 'failed', worktree: null, error: expect.stringMatching(/^Interrupted/) });
    expect(existsSync(running.worktree!)).toBe(false);
    expect(git(repo, ['branch', '--list', 'steward/*'])).toBe('');
    const detail = (await draft(home, ['show', running.id])).detail;
    expect(detail.audit.at(-1)).toMatchObject({ action: 'recover', actor: 'steward' });
  }, 300_000);
});
