import { createInterface } from 'node:readline/promises';
import { call } from '../../core/api/call.js';
import type { Draft, DraftDetail, DraftTarget } from '../../core/api/drafts.js';
import { StewardError } from '../../core/api/errors.js';
import type { Confidence, DraftKind } from '../../core/api/inventory.js';
import type { Steward } from '../../core/steward.js';
import { plural, printable } from '../../core/wording.js';
import { exitCodes } from '../exit-codes.js';
import { type OutputOptions, cancelOnInterrupt, formatDate, printJson, printTable, printText, wantsProgress } from '../output.js';

export interface DraftOptions extends OutputOptions {
  items?: string[];
  target: DraftTarget;
  confidence: Confidence;
  consent?: boolean;
}

/** `steward draft <kind> <path>`: drafts a maintenance branch in its own worktree and waits for it. */
export async function draftCommand(steward: Steward, kind: DraftKind, path: string, options: DraftOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.add', { path });
  const started = await call(steward.handlers, 'drafts.create', {
    repositoryId: repository.id,
    kind,
    target: options.target,
    confidence: options.confidence,
    consent: options.consent ?? false,
    ...(options.items ? { items: options.items } : {}),
  });
  const progress = wantsProgress(options);
  if (progress) process.stderr.write(`Drafting ${started.id} on ${started.branch}\n`);
  let lastStep = '';
  const unsubscribe = steward.subscribe((event) => {
    if (event.type !== 'draft' || event.draft.id !== started.id || !event.draft.step || event.draft.step === lastStep) return;
    lastStep = event.draft.step;
    if (progress) process.stderr.write(`  ${printable(lastStep)}\n`);
  });
  const detach = cancelOnInterrupt(() => void steward.drafts.cancel(started.id));
  let final: Draft;
  try {
    final = await steward.drafts.settled(started.id);
  } finally {
    detach();
    unsubscribe();
  }
  const detail = await call(steward.handlers, 'drafts.get', { id: final.id });
  if (options.json) printJson(detail);
  else printText(describeDraft(detail));
  if (final.state === 'failed') process.exitCode = /cancelled/i.test(final.error ?? '') ? exitCodes.interrupted : exitCodes.gateTripped;
}

/** `steward drafts [<path>]`: the drafts, newest first. */
export async function draftsCommand(steward: Steward, path: string | undefined, options: OutputOptions): Promise<void> {
  const repositoryId = path === undefined ? undefined : (await call(steward.handlers, 'repositories.find', { path })).id;
  const drafts = await call(steward.handlers, 'drafts.list', repositoryId === undefined ? {} : { repositoryId });
  if (options.json) return printJson(drafts);
  if (drafts.length === 0) return printText(`No drafts yet. steward draft deps|security|deadcode|deprecations <path> drafts one.`);
  printTable(
    ['id', 'state', 'kind', 'title', 'risk', 'branch', 'created'],
    drafts.map((draft) => [draft.id, draft.state, draft.kind, draft.title, draft.risk ? `${draft.risk.level} ${draft.risk.score}` : '—', draft.branch, formatDate(draft.createdAt)]),
    7,
  );
  const rates = await call(steward.handlers, 'drafts.approvalRates', {});
  const decided = rates.filter((rate) => rate.rate !== null);
  if (decided.length > 0) printText(`Approved: ${decided.map((rate) => `${rate.kind} ${Math.round(rate.rate! * 100)} % of ${rate.approved + rate.rejected}`).join(', ')}.`);
}

/** `steward draft show <id>`: the draft and its plan, or the plan as Markdown for a pull request. */
export async function draftShowCommand(steward: Steward, id: string, options: OutputOptions & { markdown?: boolean }): Promise<void> {
  if (options.markdown) return void process.stdout.write((await call(steward.handlers, 'drafts.markdown', { id })).markdown);
  const detail = await call(steward.handlers, 'drafts.get', { id });
  if (options.json) printJson(detail);
  else printText(`${describeDraft(detail)}\n\nAudit log:\n${detail.audit.map((entry) => `  ${entry.at.slice(0, 19).replace('T', ' ')}  ${entry.actor}  ${entry.action}: ${entry.what}${entry.note ? ` (${entry.note})` : ''}`).join('\n')}`);
}

export interface DecisionOptions extends OutputOptions {
  note?: string;
  by?: string;
  yes?: boolean;
}

/** `steward draft approve|reject|discard <id>`: a person's decision, in the audit log; discard asks first. */
export async function draftDecisionCommand(steward: Steward, decision: 'approve' | 'reject' | 'discard', id: string, options: DecisionOptions): Promise<void> {
  const input = { id, ...(options.note ? { note: options.note } : {}), ...(options.by ? { by: options.by } : {}) };
  if (decision === 'approve') {
    const { draft, next } = await call(steward.handlers, 'drafts.approve', input);
    if (options.json) return printJson({ draft, next });
    return printText([`Approved ${draft.id}: ${draft.title}. Nothing was pushed or merged; the branch ${draft.branch} is in your repository.`, 'To open a pull request:', ...next.map((command) => `  ${command}`)].join('\n'));
  }
  if (decision === 'discard') {
    const draft = await call(steward.handlers, 'drafts.get', { id });
    if (!options.yes && !(await confirm(`Remove the worktree and the branch ${draft.branch} of draft ${id}?`))) {
      throw new StewardError('invalid-input', `Not discarded: confirm with --yes (it removes the branch ${draft.branch})`);
    }
  }
  const draft = await call(steward.handlers, decision === 'reject' ? 'drafts.reject' : 'drafts.discard', input);
  if (options.json) return printJson(draft);
  printText(decision === 'reject' ? `Rejected ${draft.id}; its worktree is removed, the branch ${draft.branch} stays until discarded.` : `Discarded ${draft.id}: worktree and branch ${draft.branch} removed.`);
}

/** `steward draft consent <path> [--revoke]`: whether drafts may run the repository's own code. */
export async function draftConsentCommand(steward: Steward, path: string, options: OutputOptions & { grant?: boolean; revoke?: boolean; by?: string }): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.add', { path });
  const grant = options.revoke ? false : options.grant ? true : undefined;
  const consent = await call(steward.handlers, 'drafts.consent', { repositoryId: repository.id, ...(grant === undefined ? {} : { grant }), ...(options.by ? { by: options.by } : {}) });
  if (options.json) return printJson(consent);
  printText(
    consent.granted
      ? `Drafts of ${repository.name} may run its own code (install scripts, lint, tests, build): agreed by ${consent.by} on ${formatDate(consent.at!)}. --revoke takes it back.`
      : `Drafts of ${repository.name} do not run its own code: installs run without scripts, and lint, tests and build are not run. --grant (or --consent on a draft) allows it.`,
  );
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

function describeDraft(draft: DraftDetail): string {
  const plan = draft.plan;
  const lines = [`Draft ${draft.id} ${draft.state}: ${draft.title}${draft.risk ? `, risk ${draft.risk.level} (${draft.risk.score}/100)` : ''}`];
  lines.push(`Branch ${draft.branch} from ${draft.baseCommit.slice(0, 12)}${draft.worktree ? `, worktree ${draft.worktree}` : ''}`);
  if (draft.error) lines.push(`Why: ${draft.error}`);
  if (!plan) return lines.join('\n');
  for (const commit of plan.commits) lines.push(`Commit ${commit.sha.slice(0, 12)} ${commit.title}: ${commit.units.map((unit) => unit.label).join('; ')}`);
  for (const left of plan.leftOut) lines.push(`Left out ${left.unit.label}: ${left.reason}\n${left.logTail.split('\n').slice(-8).map((line) => `    ${line}`).join('\n')}`);
  for (const step of plan.manual) lines.push(`Manual step ${step.path}${step.line ? `:${step.line}` : ''}: ${step.step}`);
  lines.push(`Gates: ${plan.gates.map((gate) => `${gate.gate} ${gate.status}`).join(' · ')}`);
  for (const gate of plan.gates.filter((candidate) => candidate.status === 'not-run' || candidate.status === 'failed-before')) lines.push(`  ${gate.gate}: ${gate.reason}`);
  lines.push(`Re-scan: ${plural(plan.rescan.fixed.length, 'item')} fixed, ${plan.rescan.remaining.length} remaining, ${plan.rescan.added.length} new${plan.rescan.note ? ` (${plan.rescan.note})` : ''}`);
  for (const notes of plan.releaseNotes) {
    const breaking = notes.versions.flatMap((version) => version.breaking.map((change) => `${version.version}: ${change}`));
    lines.push(`Release notes ${notes.name} ${notes.from} → ${notes.to}: ${notes.source ?? notes.note ?? 'none'}${breaking.length > 0 ? `; breaking:\n${breaking.map((line) => `    ${line}`).join('\n')}` : ''}`);
  }
  for (const reason of plan.risk.reasons) lines.push(`Risk +${reason.points}: ${reason.reason}`);
  lines.push(`Rollback rehearsal ${plan.rollback.rehearsal.status}: ${plan.rollback.rehearsal.detail}`);
  lines.push(...plan.warnings.map((warning) => `note: ${warning}`));
  if (draft.state === 'ready') lines.push(`Next: steward draft show ${draft.id} --markdown · steward draft approve ${draft.id} · steward draft discard ${draft.id}`);
  return lines.join('\n');
}
