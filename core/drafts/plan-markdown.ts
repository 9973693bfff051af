import { type DraftDetail, type GateResult, describeRemoval } from '../api/drafts.js';

const gateMark: Record<GateResult['status'], string> = { passed: '✅ passed', failed: '❌ failed', 'failed-before': '⚠️ failed on the base too', 'timed-out': '⏱️ timed out', 'not-run': '➖ not run' };

/** Pipes and line breaks would break a Markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * A draft as a pull-request description: what it changes, why (the items and their numbers), the
 * risk with its reasons, the gates, the release notes and call sites, and the rollback plan with its
 * rehearsal — the four parts every maintenance change should carry.
 */
export function planMarkdown(draft: DraftDetail): string {
  const plan = draft.plan;
  const lines: string[] = [`# ${draft.title}`, '', `Drafted by Steward on ${draft.createdAt.slice(0, 10)} for ${draft.createdBy}: branch \`${draft.branch}\` from \`${draft.baseCommit.slice(0, 12)}\`. State: **${draft.state}**.`];
  if (!plan) return [...lines, '', draft.error ? `It failed: ${draft.error}` : 'It is still being drafted.'].join('\n');

  lines.push('', '## What it changes', '');
  for (const commit of plan.commits) {
    lines.push(`### ${commit.title} (\`${commit.sha.slice(0, 12)}\`)`, '');
    const versions = commit.units.flatMap((unit) => unit.versions);
    if (versions.length > 0) {
      lines.push('| package | workspace | from | to | change |', '|---|---|---|---|---|');
      for (const version of versions) lines.push(`| ${cell(version.name)} | ${cell(version.workspace || '(root)')} | ${version.from} | ${version.to} | ${version.change} |`);
      lines.push('');
    }
    for (const removal of commit.units.flatMap((unit) => unit.removals)) lines.push(`- ${describeRemoval(removal)}`);
    for (const unit of commit.units.filter((candidate) => candidate.together)) lines.push(`- Moved together: ${unit.together}`);
    for (const unit of commit.units.filter((candidate) => candidate.fixedBy)) lines.push(`- ${unit.label}: ${unit.fixedBy}`);
    if (commit.units.some((unit) => unit.removals.length > 0 || unit.together || unit.fixedBy)) lines.push('');
  }
  if (plan.commits.length === 0) lines.push('Nothing: no part of the change passed the gates.', '');
  if (plan.leftOut.length > 0) {
    lines.push('### Left out (they break a gate)', '');
    for (const left of plan.leftOut) lines.push(`- **${left.unit.label}**: ${left.reason}`, '', '  ```text', ...left.logTail.split('\n').slice(-15).map((line) => `  ${line}`), '  ```', '');
  }
  if (plan.manual.length > 0) {
    lines.push('### Manual steps', '');
    for (const step of plan.manual) lines.push(`- ${step.path}${step.line ? `:${step.line}` : ''}: ${step.step}`);
    lines.push('');
  }

  lines.push('## Why', '');
  for (const reason of plan.why) lines.push(`- ${reason.title} (\`${reason.fingerprint}\`): ${reason.evidence}`);
  if (plan.why.length === 0) lines.push('- No inventory item is fixed by what was committed.');

  lines.push('', `## Risk: ${plan.risk.level} (${plan.risk.score}/100)`, '');
  for (const reason of plan.risk.reasons) lines.push(`- +${reason.points}: ${reason.reason}`);
  if (plan.risk.reasons.length === 0) lines.push('- Nothing raises it.');

  lines.push('', '## Quality gates', '', `Package manager: ${plan.packageManager ?? 'none'}; the repository's own code ${plan.consent ? 'was allowed to run' : 'was not allowed to run (no consent): gates that run it did not'}.`, '');
  lines.push('| gate | on the draft | on the base | command | time |', '|---|---|---|---|---|');
  for (const gate of plan.gates) {
    const before = plan.baseline.find((candidate) => candidate.gate === gate.gate);
    const command = gate.command ? `\`${cell(gate.command)}\`` : gate.gate === 'rescan' || gate.gate === 'vulnerabilities' ? 'Steward' : '—';
    lines.push(`| ${gate.gate} | ${gateMark[gate.status]}${gate.reason ? `: ${cell(gate.reason)}` : ''} | ${before ? gateMark[before.status] : '—'} | ${command} | ${(gate.durationMs / 1000).toFixed(1)} s |`);
  }
  const failed = plan.attempts.filter((attempt) => !attempt.passed).length;
  if (failed > 0) lines.push('', `${plan.attempts.length} attempts, ${failed} failed: a failing group is split in halves until each part that breaks is found and left out.`);
  lines.push('', `Re-scan of the draft: ${plan.rescan.fixed.length} item${plan.rescan.fixed.length === 1 ? '' : 's'} fixed, ${plan.rescan.remaining.length} remaining, ${plan.rescan.added.length} new${plan.rescan.note ? ` (${plan.rescan.note})` : ''}.`);

  if (plan.impact.some((impact) => impact.callSites.length > 0 || impact.typeErrors.length > 0)) {
    lines.push('', '## Where the code uses what changes', '');
    for (const impact of plan.impact) {
      lines.push(`- **${impact.name}**: ${impact.callSites.length} use${impact.callSites.length === 1 ? '' : 's'}${impact.coveredPercent === null ? '' : `, ${Math.round(impact.coveredPercent)} % covered`}`);
      for (const site of impact.callSites.slice(0, 10)) lines.push(`  - ${site.path}:${site.line} \`${site.symbol}\``);
      if (impact.callSites.length > 10) lines.push(`  - … and ${impact.callSites.length - 10} more`);
      for (const error of impact.typeErrors.slice(0, 10)) lines.push(`  - type error at ${error.path}:${error.line}: ${error.message}`);
    }
  }

  if (plan.releaseNotes.length > 0) {
    lines.push('', '## Release notes', '');
    for (const notes of plan.releaseNotes) {
      lines.push(`### ${notes.name} ${notes.from} → ${notes.to}`, '', notes.source ? `From ${notes.source}.` : (notes.note ?? 'None found.'), '');
      const breaking = notes.versions.flatMap((version) => version.breaking.map((change) => `- **${version.version}**: ${change}`));
      if (breaking.length > 0) lines.push('**Breaking changes:**', '', ...breaking, '');
      else if (notes.source) lines.push('No breaking change is announced.', '');
    }
  }

  const rollback = plan.rollback;
  lines.push('', '## Rollback plan', '', `Base commit: \`${rollback.baseCommit}\`. Estimated time: ${rollback.estimatedMinutes} minutes.`, '', '```sh', ...rollback.steps.map((step) => `${step.command}   # ${step.why}`), '```');
  if (rollback.verification.length > 0) lines.push('', 'Then check:', '', '```sh', ...rollback.verification, '```');
  lines.push('', `Side effects: ${rollback.sideEffects.join('; ')}.`, '', `Rehearsal: **${rollback.rehearsal.status}**: ${rollback.rehearsal.detail}.`);
  if (plan.warnings.length > 0) lines.push('', '## Notes', '', ...plan.warnings.map((warning) => `- ${warning}`));
  return `${lines.join('\n')}\n`;
}
