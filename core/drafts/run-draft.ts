import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readNpmConfig } from '../../analyzers/dependencies/npmrc.js';
import { detectPackageManager } from '../../analyzers/discover/package-manager.js';
import { isObject } from '../../analyzers/discover/package-json.js';
import { parseJson } from '../../analyzers/documents/parse-document.js';
import { draftRisk } from '../../analyzers/drafts/draft-risk.js';
import { userNpmrc } from '../analyses/dependencies/analyze-dependencies.js';
import type { DependencyReport } from '../api/dependencies.js';
import { type Draft, type DraftPlan, type DraftRequest, type DraftUnit, type GateName, type GateResult, draftItemKinds, draftKindTitles } from '../api/drafts.js';
import { StewardError } from '../api/errors.js';
import type { FoundItem } from '../api/inventory.js';
import type { Repository } from '../api/repositories.js';
import type { RunResult } from '../api/scans.js';
import { parseStewardConfig, stewardConfigFile } from '../config/steward-config.js';
import { listTreeFiles } from '../git/tree-files.js';
import { decidedFingerprints } from '../inventory/inventory-store.js';
import type { ScanService } from '../scan/scan-service.js';
import type { Database } from '../store/database.js';
import type { AuditRecord } from '../store/drafts.js';
import { plural } from '../wording.js';
import type { DraftContext, DraftKindModule, PlannedGroup, TypeCheckError } from './draft-kind.js';
import { type GateSpec, gatesPassed, planGates, runGates } from './gates.js';
import { draftKindModules } from './kinds/registry.js';
import { type ManagerCommands, commandEnvironment, managerCommands } from './package-manager.js';
import { rehearseRollback, rollbackPlan } from './rollback.js';
import { runCommand } from './run-command.js';
import { addWorktree, commitPaths, deleteBranch, removeWorktree, resetWorktree } from './worktree.js';

/** How a draft's run reports back: each step, and each transition with its audit entry. */
interface DraftRun {
  db: Database;
  scans: ScanService;
  repository: Repository;
  /** The user's repository (its top folder). */
  root: string;
  draft: Draft;
  request: DraftRequest;
  consent: boolean;
  actor: string;
  /** The draft's own folder in Steward's data folder (logs, the rehearsal's scratch worktree). */
  dataFolder: string;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  step(text: string): void;
  /** The process group of the command running now, or null: recorded so a recovery can stop it. */
  onCommandGroup(group: number | null): void;
  audit(record: Omit<AuditRecord, 'actor' | 'where'>): void;
  now(): Date;
}

/** After a commit, how many follow-up commits a kind that follows up may add (what became unused by the last). */
const maxFollowUps = 3;

/**
 * Drafts one maintenance change in its worktree: the base installed and checked (baseline gates),
 * scanned, the change planned in groups, each group applied and gated, a failing group split in
 * halves until what passes is kept and what breaks is named with its log, one commit per group, the
 * draft re-scanned, explained, its risk scored, its rollback planned and rehearsed. Returns the plan;
 * `headCommit` is null when nothing passed.
 */
export async function runDraft(run: DraftRun): Promise<{ plan: DraftPlan; headCommit: string | null; title: string }> {
  const { draft, signal } = run;
  const folder = draft.worktree!;
  const kind = draftKindModules[draft.kind];
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  const manual: DraftPlan['manual'] = [];

  run.step('Creating the worktree');
  await addWorktree(run.root, folder, draft.branch, draft.baseCommit);
  run.audit({ action: 'worktree', what: `Worktree created at ${folder}`, how: [`git worktree add --no-track -b ${draft.branch} ${folder} ${draft.baseCommit}`], note: null });

  const setup = await readSetup(folder, draft.baseCommit, run.consent, signal);
  warnings.push(...setup.warnings);
  const env = commandEnvironment(run.consent);
  const timeoutMs = setup.config.timeoutSeconds * 1000;
  await mkdir(run.dataFolder, { recursive: true });
  let logCount = 0;
  const logFile = (gate: GateName | 'rollback', label: string): string => join(run.dataFolder, `${String(++logCount).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${gate}.log`);
  const gateRun = (label: string, baseline?: readonly GateResult[]) => ({ folder, consent: run.consent, env, timeoutMs, logFile, label, signal, baseline, onGate: (gate: GateName) => run.step(`${label}: ${gate}`), onGroup: run.onCommandGroup });
  const auditGates = (label: string, results: readonly GateResult[]): void =>
    run.audit({
      action: 'gate',
      what: `${label}: ${results.map((result) => `${result.gate} ${result.status}`).join(', ')}`,
      how: results.flatMap((result) => (result.command && result.status !== 'not-run' ? [result.command] : [])),
      note: results.find((result) => result.status === 'failed' || result.status === 'timed-out')?.reason ?? null,
    });

  // The base, installed and checked: what fails here is not the draft's doing.
  const baseline = await runGates(setup.gates, gateRun('baseline'));
  auditGates('Baseline (base commit)', baseline);
  const install = baseline.find((gate) => gate.gate === 'install');
  if (install && install.status !== 'passed') {
    throw new StewardError('invalid-input', `The base commit does not install, so no change to it can be checked: ${install.reason}`);
  }
  run.step('Scanning the base commit');
  const base = await scanWorktree(run, kind, folder);
  const items = selectItems(run, kind, base, warn);
  const context: DraftContext = {
    db: run.db,
    cache: run.scans.cacheDb,
    repositoryId: run.repository.id,
    folder,
    baseCommit: draft.baseCommit,
    request: run.request,
    items,
    base,
    manager: setup.manager,
    registryFor: setup.registryFor,
    parseWorkerUrl: run.parseWorkerUrl,
    signal,
    now: run.now(),
    warn,
    manual: (step) => void manual.push(step),
  };
  run.step('Planning');
  const groups = items.length > 0 ? await kind.plan(context) : [];

  const commits: DraftPlan['commits'] = [];
  const attempts: DraftPlan['attempts'] = [];
  const leftOut: DraftPlan['leftOut'] = [];
  let head = draft.baseCommit;
  let finalGates = baseline;
  let changedManifests = false;
  let worktreeAtHead = true;

  /** Sets of units already tried on a head, and how they failed: a halving never runs the same failing set twice. */
  const failedSets = new Map<string, { passed: false; gates: GateResult[]; paths: string[] }>();
  /** Applies units on the current head and runs the gates. */
  const trial = async (group: PlannedGroup, units: readonly DraftUnit[]): Promise<{ passed: boolean; gates: GateResult[]; paths: string[] }> => {
    signal.throwIfAborted();
    const key = `${head} ${units.map((unit) => unit.label).join('\n')}`;
    const known = failedSets.get(key);
    if (known) return known;
    await resetWorktree(folder, head);
    const paths = withLockfile(await kind.apply(context, units), setup);
    const label = units.length === group.units.length ? group.title : `${group.title}, ${plural(units.length, 'part')}`;
    const gates = await runGates(setup.gates, gateRun(label, baseline));
    const passed = gatesPassed(gates);
    attempts.push({ group: group.title, units: units.map((unit) => unit.label), passed, gates });
    auditGates(label, gates);
    worktreeAtHead = false;
    if (!passed) failedSets.set(key, { passed, gates, paths });
    return { passed, gates, paths };
  };

  /** Keeps what passes of `units` on top of `kept`: halves a failing set until the unit that breaks is found. */
  const grow = async (group: PlannedGroup, kept: DraftUnit[], units: DraftUnit[], last: { gates: GateResult[]; paths: string[] } | null): Promise<{ kept: DraftUnit[]; last: { gates: GateResult[]; paths: string[] } | null }> => {
    const result = await trial(group, [...kept, ...units]);
    if (result.passed) return { kept: [...kept, ...units], last: result };
    const failed = result.gates.find((gate) => gate.status === 'failed' || gate.status === 'timed-out')!;
    if (units.length === 1) {
      leftOut.push({ unit: units[0]!, gate: failed.gate, reason: failed.reason ?? `${failed.gate} failed`, logTail: failed.logTail });
      run.audit({ action: 'split', what: `Left out ${units[0]!.label}: ${failed.gate} failed with it`, how: [], note: failed.reason });
      return { kept, last };
    }
    const middle = Math.ceil(units.length / 2);
    const [first, second] = [units.slice(0, middle), units.slice(middle)];
    run.audit({ action: 'split', what: `${group.title}: ${failed.gate} failed with ${plural(units.length, 'unit')}; trying ${first.length} and ${second.length} apart`, how: [], note: failed.reason });
    const left = await grow(group, kept, first, last);
    return grow(group, left.kept, second, left.last);
  };

  const commitGroup = async (group: PlannedGroup): Promise<void> => {
    const { kept, last } = await grow(group, [], group.units, null);
    if (kept.length === 0 || !last) return;
    const committed: PlannedGroup = { title: group.title, units: kept };
    let { paths } = last;
    if (attempts.at(-1)!.units.length !== kept.length || !attempts.at(-1)!.passed) {
      // The last trial was a failing part: make the kept change again, and its lockfile without installing.
      await resetWorktree(folder, head);
      paths = withLockfile(await kind.apply(context, kept), setup);
      if (paths.some(isManifest) && setup.trackedLockfile) await updateLockfile(setup.manager, folder, { env, timeoutMs, logFile: logFile('install', 'lockfile'), signal, onGroup: run.onCommandGroup });
      worktreeAtHead = false;
    }
    run.step(`Committing ${group.title}`);
    head = await commitPaths(folder, paths, `${kind.message(committed)}\n\nDrafted by Steward (draft ${draft.id}); not pushed.`);
    changedManifests ||= paths.some(isManifest);
    finalGates = last.gates;
    commits.push({ sha: head, title: group.title, message: kind.message(committed), units: kept });
    run.audit({ action: 'commit', what: `${group.title}: ${plural(kept.length, 'unit')} committed as ${head.slice(0, 12)}`, how: [`git commit (${paths.join(', ')})`], note: null });
  };

  for (const group of groups) await commitGroup(group);

  // What the change itself made unused is removed in a follow-up commit (dead code).
  let rescanned: RunResult | null = null;
  for (let round = 0; commits.length > 0; round++) {
    run.step('Scanning the draft');
    if (!worktreeAtHead) await resetWorktree(folder, head);
    worktreeAtHead = true;
    rescanned = await scanWorktree(run, kind, folder);
    if (!kind.followsUp || round >= maxFollowUps) break;
    const known = new Set(base.items.map((item) => item.fingerprint));
    const newlyUnused = rescanned.items.filter((item) => !known.has(item.fingerprint) && draftItemKinds[kind.kind].includes(item.kind) && item.confidence === 'high');
    if (newlyUnused.length === 0) break;
    const followUp = await kind.plan({ ...context, base: rescanned, items: newlyUnused });
    const before = commits.length;
    for (const group of followUp) await commitGroup({ ...group, title: `${group.title} (unused after the previous commit)` });
    if (commits.length === before) break;
  }

  const committedUnits = commits.flatMap((commit) => commit.units);
  const rescan = compareScans(base, rescanned, committedUnits, run.request, kind.kind);
  const vulnerabilities = vulnerabilityGate(base, rescanned);
  const gates: GateResult[] = [
    ...finalGates,
    { gate: 'rescan', command: null, status: rescan.status === 'not-run' ? 'not-run' : rescan.status, reason: rescan.note, durationMs: 0, exitCode: null, logTail: '' },
    vulnerabilities,
  ];
  run.audit({ action: 'rescan', what: `Re-scan of the draft: ${rescan.fixed.length} fixed, ${rescan.remaining.length} remaining, ${rescan.added.length} new`, how: [], note: rescan.note });

  run.step('Reading release notes and call sites');
  const typeErrors = attempts.flatMap((attempt) => attempt.gates.filter((gate) => gate.gate === 'typecheck' && gate.status === 'failed').flatMap((gate) => parseTypeErrors(gate.logTail)));
  const explanation = await kind.explain(context, committedUnits, leftOut.map((left) => left.unit), typeErrors);
  const removals = committedUnits.flatMap((unit) => unit.removals);
  const risk = draftRisk({
    upgrades: explanation.upgrades,
    removals: {
      files: removals.filter((removal) => removal.action === 'delete-file').length,
      declarations: removals.filter((removal) => removal.action === 'remove-declaration' || removal.action === 'remove-export-keyword').length,
      dependencies: removals.filter((removal) => removal.action === 'remove-dependency').length,
    },
    callSites: explanation.callSites,
    coveredPercent: explanation.coveredPercent,
    failedGates: gates.filter((gate) => gate.status === 'failed' || gate.status === 'timed-out').map((gate) => gate.gate),
    testsRun: gates.some((gate) => gate.gate === 'test' && gate.status === 'passed'),
    addedItems: rescan.added.length,
  });

  const plannedRollback = rollbackPlan({ baseCommit: draft.baseCommit, commits, branch: draft.branch, manager: setup.manager, changesDependencies: changedManifests, baseline, sideEffects: explanation.sideEffects });
  let rehearsal: DraftPlan['rollback']['rehearsal'] = { status: 'not-run', detail: 'Nothing was committed, so there is nothing to roll back', durationMs: 0 };
  if (commits.length > 0) {
    run.step('Rehearsing the rollback');
    rehearsal = await rehearseRollback({
      root: run.root,
      folder: `${folder}-rehearsal`,
      headCommit: head,
      baseCommit: draft.baseCommit,
      commits,
      manager: setup.manager,
      changesDependencies: changedManifests,
      env,
      timeoutMs,
      logFile: logFile('rollback', 'rehearsal'),
      signal,
      onGroup: run.onCommandGroup,
    });
    run.audit({ action: 'rehearsal', what: `Rollback rehearsal ${rehearsal.status}: ${rehearsal.detail}`, how: plannedRollback.steps.map((step) => step.command), note: null });
  }

  const plan: DraftPlan = {
    changes: commits.flatMap((commit) => commit.units.map((unit) => unit.label)),
    why: items.filter((item) => committedUnits.some((unit) => unit.fingerprints.includes(item.fingerprint))).map((item) => ({ fingerprint: item.fingerprint, kind: item.kind, title: item.title, evidence: item.fix.text })),
    commits,
    leftOut,
    manual,
    baseline,
    attempts,
    gates,
    rescan,
    impact: explanation.impact,
    releaseNotes: explanation.releaseNotes,
    risk,
    rollback: { ...plannedRollback, rehearsal },
    packageManager: setup.manager.manager,
    consent: run.consent,
    warnings,
  };
  if (commits.length === 0) {
    // Nothing to keep: the worktree and the branch (still at the base) go; the plan says why.
    await removeWorktree(run.root, folder).catch(() => {});
    await deleteBranch(run.root, draft.branch).catch(() => {});
  }
  return { plan, headCommit: commits.length > 0 ? head : null, title: titleOf(kind.kind, committedUnits) };
}

interface Setup {
  manager: ManagerCommands;
  gates: GateSpec[];
  config: ReturnType<typeof parseStewardConfig>['drafts'];
  trackedLockfile: string | null;
  registryFor: DraftContext['registryFor'];
  warnings: string[];
}

/** What the base commit says about how to install and check it: package manager, scripts, tsconfigs, steward.config.json, .npmrc. */
async function readSetup(folder: string, baseCommit: string, consent: boolean, signal: AbortSignal): Promise<Setup> {
  const warnings: string[] = [];
  const tree = await listTreeFiles(folder, baseCommit, signal);
  const tracked = new Set(tree.files.map((file) => file.path));
  const text = (path: string): Promise<string | undefined> => (tracked.has(path) ? readFile(join(folder, path), 'utf8').catch(() => undefined) : Promise.resolve(undefined));
  const [packageText, configText, npmrcText] = await Promise.all([text('package.json'), text(stewardConfigFile), text('.npmrc')]);
  let packageJson: Record<string, unknown> = {};
  try {
    const parsed: unknown = packageText === undefined ? {} : parseJson(packageText);
    if (isObject(parsed)) packageJson = parsed;
  } catch (error) {
    throw new StewardError('invalid-input', `package.json of the base commit is not valid JSON (${(error as Error).message}): nothing can be installed or checked`);
  }
  const manager = managerCommands(detectPackageManager(tracked, packageJson as never, warnings), folder, packageJson['packageManager']);
  const config = parseStewardConfig(configText, (message) => warnings.push(message)).drafts;
  const tsconfigs = [...tracked].filter((path) => /(^|\/)tsconfig\.json$/.test(path) && !path.includes('node_modules/')).sort();
  const npm = readNpmConfig({ repository: npmrcText, user: await userNpmrc(process.env), env: process.env });
  warnings.push(...npm.warnings);
  return {
    manager,
    gates: planGates({ scripts: isObject(packageJson['scripts']) ? packageJson['scripts'] : {}, manager, tsconfigs, config, consent }),
    config,
    trackedLockfile: tracked.has(manager.lockfile) ? manager.lockfile : null,
    registryFor: (name) => npm.registryFor(name),
    warnings,
  };
}

const isManifest = (path: string): boolean => path === 'package.json' || path.endsWith('/package.json');

/** A change to a package.json is committed with the lockfile the install regenerated. */
function withLockfile(paths: string[], setup: Setup): string[] {
  return paths.some(isManifest) && setup.trackedLockfile && !paths.includes(setup.trackedLockfile) ? [...paths, setup.trackedLockfile] : paths;
}

async function updateLockfile(manager: ManagerCommands, folder: string, run: Omit<Parameters<typeof runCommand>[0], 'command' | 'cwd'>): Promise<void> {
  const outcome = await runCommand({ ...run, command: manager.updateLockfile, cwd: folder });
  if (outcome.exitCode !== 0) throw new StewardError('internal', `${manager.updateLockfile.join(' ')} failed (${outcome.timedOut ? 'out of time' : `exit code ${outcome.exitCode ?? 'none'}`}): ${outcome.logTail.split('\n').slice(-2).join(' ')}`);
}

/** A scan of the worktree as it is now (nothing saved), cancelled with the draft. */
async function scanWorktree(run: DraftRun, kind: DraftKindModule, folder: string): Promise<RunResult> {
  return run.scans.run(run.repository, { analyses: kind.analyses, worktree: folder }, run.signal);
}

/** The items the draft fixes: those asked for, else every open item of the kind at or above the confidence asked; none a person accepted or dismissed. */
function selectItems(run: DraftRun, kind: DraftKindModule, base: RunResult, warn: (message: string) => void): FoundItem[] {
  const kinds = draftItemKinds[kind.kind];
  const rank = { high: 3, medium: 2, low: 1 } as const;
  if (run.request.items) {
    const found = new Map(base.items.map((item) => [item.fingerprint, item]));
    return run.request.items.flatMap((fingerprint) => {
      const item = found.get(fingerprint);
      if (!item) warn(`Item ${fingerprint} is not found by the scan of the base commit (fixed already, or of another repository); left out`);
      else if (!kinds.includes(item.kind)) warn(`Item ${fingerprint} (${item.kind}) is not one a ${kind.kind} draft fixes; left out`);
      else return [item];
      return [];
    });
  }
  const decided = decidedFingerprints(run.db, run.repository.id);
  return base.items.filter((item) => kinds.includes(item.kind) && rank[item.confidence] >= rank[run.request.confidence] && !decided.has(item.fingerprint));
}

/** The scan of the draft against the scan of its base: the items its commits set out to fix are gone, and nothing is new. */
function compareScans(base: RunResult, head: RunResult | null, committed: readonly DraftUnit[], request: DraftRequest, kind: Draft['kind']): DraftPlan['rescan'] {
  if (!head) return { status: 'not-run', fixed: [], remaining: [], added: [], note: 'Nothing was committed' };
  const now = new Map(head.items.map((item) => [item.fingerprint, item]));
  const before = new Set(base.items.map((item) => item.fingerprint));
  const targeted = [...new Set(committed.flatMap((unit) => unit.fingerprints))];
  const fixed = targeted.filter((fingerprint) => !now.has(fingerprint));
  const remaining = targeted.filter((fingerprint) => now.has(fingerprint)).map((fingerprint) => ({ fingerprint, title: now.get(fingerprint)!.title }));
  const added = head.items.filter((item) => !before.has(item.fingerprint)).map(({ fingerprint, kind: itemKind, title }) => ({ fingerprint, kind: itemKind, title }));
  // An upgrade short of the latest leaves its package behind the latest: still an item, not a failure.
  const remainingFails = remaining.length > 0 && !(kind === 'deps' && request.target !== 'latest');
  const status = added.length > 0 || remainingFails ? 'failed' : 'passed';
  const notes = [
    added.length > 0 ? `${plural(added.length, 'new item')}: ${added.slice(0, 3).map((item) => item.title).join('; ')}` : null,
    remaining.length > 0 ? `${plural(remaining.length, 'item')} still found${remainingFails ? '' : ` (a ${request.target} upgrade leaves a package behind its latest)`}` : null,
  ].filter(Boolean);
  return { status, fixed, remaining, added, note: notes.length > 0 ? notes.join('; ') : null };
}

function vulnerabilityGate(base: RunResult, head: RunResult | null): GateResult {
  const before = (base.reports.dependencies as DependencyReport | undefined)?.vulnerabilities;
  const after = (head?.reports.dependencies as DependencyReport | undefined)?.vulnerabilities;
  const result = { gate: 'vulnerabilities' as const, command: null, durationMs: 0, exitCode: null, logTail: '' };
  if (!before || !after) return { ...result, status: 'not-run', reason: 'The dependency analysis is not part of this kind of draft' };
  const known = new Set(before.map((vulnerability) => `${vulnerability.id} ${vulnerability.package}`));
  const added = after.filter((vulnerability) => !known.has(`${vulnerability.id} ${vulnerability.package}`));
  const status = added.length > 0 ? 'failed' : 'passed';
  return { ...result, status, reason: `${before.length} known vulnerabilities before, ${after.length} after${added.length > 0 ? `; new: ${added.map((vulnerability) => `${vulnerability.package} ${vulnerability.id}`).join(', ')}` : ''}` };
}

/** `src/a.ts(12,5): error TS2345: …` as tsc prints it without --pretty. */
function parseTypeErrors(log: string): TypeCheckError[] {
  return [...log.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)].map((match) => ({ path: match[1]!, line: Number(match[2]), message: match[3]! }));
}

function titleOf(kind: Draft['kind'], units: readonly DraftUnit[]): string {
  if (units.length === 0) return `${draftKindTitles[kind]}: nothing drafted`;
  const versions = units.flatMap((unit) => unit.versions);
  const removals = units.flatMap((unit) => unit.removals);
  if (kind === 'deps' || kind === 'security') {
    const majors = versions.filter((version) => version.change === 'major').length;
    return `${kind === 'security' ? 'Fix vulnerabilities: upgrade' : 'Upgrade'} ${plural(new Set(versions.map((version) => version.name)).size, 'dependency', 'dependencies')}${majors > 0 ? ` (${majors} major)` : ''}`;
  }
  if (kind === 'deadcode') return `Remove ${plural(removals.length, 'piece')} of unused code`;
  return `Replace ${plural(units.flatMap((unit) => unit.renames).length, 'deprecated name')}`;
}
