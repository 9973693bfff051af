import { type AuditEntry, type DraftPlan, type GateResult, describeRemoval } from '../../../core/api/drafts';
import { itemKindTitles } from '../../../core/api/inventory';
import { formatDuration, gateStatusTitles } from '../draft-wording';
import { formatDateTimeSeconds, plural, shortCommit } from '../format';
import { Location } from './Location';
import { Tile } from './Tile';

/** Call sites shown before the rest fold away. */
const shownCallSites = 10;

/**
 * A draft's plan, in the order a reviewer reads it: what it changes and what it left out, why, the
 * gates on the draft against the base, the re-scan, where the code uses what changes, the release
 * notes, the risk with its reasons, and the rollback plan with its rehearsal.
 */
export function DraftPlanView({ plan, root }: { plan: DraftPlan; root: string }) {
  return (
    <>
      {plan.commits.length > 0 && <PlanTiles plan={plan} />}
      <Changes plan={plan} />
      {plan.leftOut.length > 0 && <LeftOut plan={plan} />}
      {plan.manual.length > 0 && (
        <section aria-label="Manual steps">
          <h3>Manual steps</h3>
          <ul className="findings">
            {plan.manual.map((step) => (
              <li key={`${step.path}:${step.line ?? ''}:${step.step}`}>
                {step.line === null ? <span className="path">{step.path}</span> : <Location root={root} path={step.path} line={step.line} />}: {step.step}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Why plan={plan} />
      <Gates plan={plan} />
      <Rescan plan={plan} />
      <Impact plan={plan} root={root} />
      <ReleaseNotes plan={plan} />
      <Risk plan={plan} />
      <Rollback plan={plan} />
    </>
  );
}

function PlanTiles({ plan }: { plan: DraftPlan }) {
  const ran = plan.gates.filter((gate) => gate.status !== 'not-run');
  const passed = ran.filter((gate) => gate.status === 'passed' || gate.status === 'failed-before');
  return (
    <dl className="tiles draft-tiles" aria-label="Draft in figures">
      <Tile label="Risk" value={`${plan.risk.level} (${plan.risk.score})`} />
      <Tile label="Commits" value={plan.commits.length} />
      <Tile label="Left out" value={plan.leftOut.length} dimZero />
      <Tile label="Gates passed" value={`${passed.length} of ${ran.length} run`} />
      <Tile label="Items fixed (re-scan)" value={plan.rescan.fixed.length} />
      <Tile label="Rollback rehearsal" value={plan.rollback.rehearsal.status} />
    </dl>
  );
}

function Changes({ plan }: { plan: DraftPlan }) {
  return (
    <section aria-label="What it changes">
      <h3>What it changes</h3>
      {plan.commits.length === 0 && <p className="muted">Nothing: no part of the change passed the gates.</p>}
      {plan.commits.map((commit) => {
        const versions = commit.units.flatMap((unit) => unit.versions);
        const removals = commit.units.flatMap((unit) => unit.removals);
        const together = commit.units.filter((unit) => unit.together);
        const fixedBy = commit.units.filter((unit) => unit.fixedBy);
        const renames = commit.units.flatMap((unit) => unit.renames);
        return (
          <div key={commit.sha} className="draft-commit">
            <h4>
              {commit.title} <code className="muted">{shortCommit(commit.sha)}</code>
            </h4>
            {versions.length > 0 && (
              <table className="versions-table" aria-label={`Versions: ${commit.title}`}>
                <thead>
                  <tr>
                    <th>Package</th>
                    <th>Workspace</th>
                    <th>From</th>
                    <th>To</th>
                    <th>Change</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((version) => (
                    <tr key={`${version.workspace}:${version.field}:${version.name}`}>
                      <td>
                        <code>{version.name}</code>
                        {version.field !== 'dependencies' && <span className="muted"> ({version.field})</span>}
                      </td>
                      <td>{version.workspace || <span className="muted">(root)</span>}</td>
                      <td>{version.from}</td>
                      <td>{version.to}</td>
                      <td>{version.change === 'major' ? <strong>major</strong> : version.change}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {(removals.length > 0 || renames.length > 0 || together.length > 0 || fixedBy.length > 0) && (
              <ul className="findings">
                {removals.map((removal) => (
                  <li key={`${removal.action}:${removal.path}:${removal.symbol ?? ''}`}>{describeRemoval(removal)}</li>
                ))}
                {renames.map((rename) => (
                  <li key={`${rename.path}:${rename.from}`}>
                    renamed <code>{rename.from}</code> to <code>{rename.to}</code> in {rename.path}
                    {rename.lines.length > 0 && `:${rename.lines.join(', ')}`}
                  </li>
                ))}
                {together.map((unit) => (
                  <li key={unit.label}>
                    {unit.label} move together: {unit.together}
                  </li>
                ))}
                {fixedBy.map((unit) => (
                  <li key={`fixed-by:${unit.label}`}>
                    {unit.label}: {unit.fixedBy}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

function LeftOut({ plan }: { plan: DraftPlan }) {
  return (
    <section aria-label="Left out">
      <h3>Left out: they break a gate</h3>
      {plan.leftOut.map((left) => (
        <div key={left.unit.label} className="left-out">
          <p>
            <strong>{left.unit.label}</strong> broke the {left.gate} gate: {left.reason}
          </p>
          <pre className="log" aria-label={`Log of ${left.unit.label}`}>
            {left.logTail.trim() || '(it printed nothing)'}
          </pre>
        </div>
      ))}
    </section>
  );
}

function Why({ plan }: { plan: DraftPlan }) {
  return (
    <section aria-label="Why">
      <h3>Why</h3>
      {plan.why.length === 0 ? (
        <p className="muted">No inventory item is fixed by what was committed.</p>
      ) : (
        <ul className="findings">
          {plan.why.map((reason) => (
            <li key={reason.fingerprint}>
              <span className="muted">{itemKindTitles[reason.kind]}:</span> {reason.title}
              <div className="note muted">
                {reason.evidence} <code>{reason.fingerprint}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GateStatus({ gate }: { gate: Pick<GateResult, 'status'> }) {
  return <span className={`gate-status ${gate.status}`}>{gateStatusTitles[gate.status]}</span>;
}

/** Gates that are Steward's own checks, not commands run in the worktree. */
const stewardGates = new Set<GateResult['gate']>(['rescan', 'vulnerabilities']);

function Gates({ plan }: { plan: DraftPlan }) {
  const tried = plan.attempts.length;
  const failedAttempts = plan.attempts.filter((attempt) => !attempt.passed).length;
  return (
    <section aria-label="Quality gates">
      <h3>Quality gates</h3>
      <table className="gates-table" aria-label="Gates">
        <colgroup>
          <col className="gate" />
          <col />
          <col className="base" />
          <col className="command" />
          <col className="time" />
        </colgroup>
        <thead>
          <tr>
            <th>Gate</th>
            <th>On the draft</th>
            <th>On the base</th>
            <th>Command</th>
            <th className="number">Time</th>
          </tr>
        </thead>
        <tbody>
          {plan.gates.map((gate) => {
            const before = plan.baseline.find((candidate) => candidate.gate === gate.gate);
            const failed = gate.status === 'failed' || gate.status === 'timed-out' || gate.status === 'failed-before';
            return (
              <tr key={gate.gate}>
                <td>{gate.gate}</td>
                <td>
                  <GateStatus gate={gate} />
                  {gate.reason && <div className="note muted">{gate.reason}</div>}
                  {failed && gate.logTail.trim() && (
                    <details className="gate-log">
                      <summary>Log</summary>
                      <pre className="log">{gate.logTail.trim()}</pre>
                    </details>
                  )}
                </td>
                <td>{before ? <GateStatus gate={before} /> : <span className="muted">—</span>}</td>
                <td>{gate.command ? <code className="command-text">{gate.command}</code> : <span className="muted">{stewardGates.has(gate.gate) ? 'Steward' : '—'}</span>}</td>
                <td className="number">{gate.status === 'not-run' ? '—' : formatDuration(gate.durationMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tried > 0 && (
        <details className="attempts">
          <summary>
            How the changes were tried: {plural(tried, 'attempt')}
            {failedAttempts > 0 ? `, ${failedAttempts} failed: a failing group is split in halves until each part that breaks is found and left out` : ''}
          </summary>
          <ol className="findings">
            {plan.attempts.map((attempt, index) => {
              const broke = attempt.gates.find((gate) => gate.status === 'failed' || gate.status === 'timed-out');
              return (
                <li key={index}>
                  <span className={`gate-status ${attempt.passed ? 'passed' : 'failed'}`}>{attempt.passed ? 'passed' : 'failed'}</span> {attempt.group}: {attempt.units.join(', ')}
                  {broke && <span className="muted"> ({broke.gate}: {broke.reason})</span>}
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </section>
  );
}

function Rescan({ plan }: { plan: DraftPlan }) {
  const { rescan } = plan;
  return (
    <section aria-label="Re-scan">
      <h3>Re-scan of the draft</h3>
      <p>
        <GateStatus gate={rescan} /> {plural(rescan.fixed.length, 'item')} fixed, {rescan.remaining.length} remaining, {rescan.added.length} new{rescan.note ? ` (${rescan.note})` : ''}.
      </p>
      {rescan.remaining.length > 0 && (
        <>
          <p className="note">Still found on the draft:</p>
          <ul className="findings">
            {rescan.remaining.map((item) => (
              <li key={item.fingerprint}>{item.title}</li>
            ))}
          </ul>
        </>
      )}
      {rescan.added.length > 0 && (
        <>
          <p className="note">New on the draft:</p>
          <ul className="findings">
            {rescan.added.map((item) => (
              <li key={item.fingerprint}>
                <span className="muted">{itemKindTitles[item.kind]}:</span> {item.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Packages of the units a gate left out of the draft. */
const leftOutPackages = (plan: DraftPlan): Set<string> => new Set(plan.leftOut.flatMap((left) => left.unit.versions.map((version) => version.name)));

function Impact({ plan, root }: { plan: DraftPlan; root: string }) {
  const touched = plan.impact.filter((impact) => impact.callSites.length > 0 || impact.typeErrors.length > 0);
  if (touched.length === 0) return null;
  const leftOut = leftOutPackages(plan);
  return (
    <section aria-label="Impact">
      <h3>Where the code uses what changes</h3>
      <ul className="findings impact">
        {touched.map((impact) => (
          <li key={impact.name}>
            <strong>{impact.name}</strong>
            {leftOut.has(impact.name) && <span className="badge warning">left out</span>}: {plural(impact.callSites.length, 'use')}
            {impact.coveredPercent === null ? ', coverage unknown' : `, ${Math.round(impact.coveredPercent)} % covered by the tests`}
            {impact.typeErrors.length > 0 && <span className="over">, {plural(impact.typeErrors.length, 'type error')} on the draft</span>}
            <CallSites sites={impact.callSites.slice(0, shownCallSites)} root={root} />
            {impact.callSites.length > shownCallSites && (
              <details>
                <summary>{plural(impact.callSites.length - shownCallSites, 'more use')}</summary>
                <CallSites sites={impact.callSites.slice(shownCallSites)} root={root} />
              </details>
            )}
            {impact.typeErrors.length > 0 && (
              <ul className="plain-list">
                {impact.typeErrors.map((error) => (
                  <li key={`${error.path}:${error.line}:${error.message}`}>
                    <Location root={root} path={error.path} line={error.line} />: {error.message}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CallSites({ sites, root }: { sites: DraftPlan['impact'][number]['callSites']; root: string }) {
  return (
    <ul className="plain-list call-sites">
      {sites.map((site) => (
        <li key={`${site.path}:${site.line}:${site.symbol}`}>
          <Location root={root} path={site.path} line={site.line} /> <code>{site.symbol}</code>
        </li>
      ))}
    </ul>
  );
}

function ReleaseNotes({ plan }: { plan: DraftPlan }) {
  if (plan.releaseNotes.length === 0) return null;
  const leftOut = leftOutPackages(plan);
  return (
    <section aria-label="Release notes">
      <h3>Release notes</h3>
      {plan.releaseNotes.map((notes) => {
        const breaking = notes.versions.flatMap((version) => version.breaking.map((change) => ({ version: version.version, change })));
        return (
          <div key={`${notes.name}@${notes.to}`} className="release-notes">
            <h4>
              {notes.name} {notes.from} → {notes.to}
              {leftOut.has(notes.name) && <span className="badge warning">left out</span>}
            </h4>
            <p className="note muted">{notes.source ? `From ${notes.source}.` : (notes.note ?? 'None found.')}</p>
            {breaking.length > 0 ? (
              <div className="breaking">
                <strong>Breaking changes</strong>
                <ul>
                  {breaking.map((entry) => (
                    <li key={`${entry.version}:${entry.change}`}>
                      <strong>{entry.version}</strong>: <WithCode text={entry.change} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              notes.source && <p className="note">No breaking change is announced.</p>
            )}
            {notes.versions.some((version) => version.text.trim()) && (
              <details>
                <summary>Notes of {plural(notes.versions.length, 'version')}</summary>
                {notes.versions.map((version) => (
                  <div key={version.version}>
                    <h5>{version.version}</h5>
                    <pre className="notes-text">{version.text.trim()}</pre>
                  </div>
                ))}
              </details>
            )}
          </div>
        );
      })}
    </section>
  );
}

function Risk({ plan }: { plan: DraftPlan }) {
  return (
    <section aria-label="Risk">
      <h3>
        Risk: {plan.risk.level} ({plan.risk.score} of 100)
      </h3>
      {plan.risk.reasons.length === 0 ? (
        <p className="muted">Nothing raises it.</p>
      ) : (
        <ul className="findings risk-reasons">
          {plan.risk.reasons.map((reason) => (
            <li key={reason.reason}>
              <span className="points">+{reason.points}</span> <WithCode text={reason.reason} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Rollback({ plan }: { plan: DraftPlan }) {
  const { rollback } = plan;
  const rehearsal = (
    <p className="rehearsal">
      Rehearsal: <GateStatus gate={rollback.rehearsal} /> {rollback.rehearsal.detail}.
    </p>
  );
  if (rollback.steps.length === 0) {
    return (
      <section aria-label="Rollback plan">
        <h3>Rollback plan</h3>
        {rehearsal}
      </section>
    );
  }
  return (
    <section aria-label="Rollback plan">
      <h3>Rollback plan</h3>
      <p>
        Back to <code>{shortCommit(rollback.baseCommit)}</code> in about {rollback.estimatedMinutes} minutes:
      </p>
      <ol className="findings rollback-steps">
        {rollback.steps.map((step) => (
          <li key={step.command}>
            <code className="command-text">{step.command}</code>
            <div className="note muted">{step.why}</div>
          </li>
        ))}
      </ol>
      {rollback.verification.length > 0 && (
        <>
          <p className="note">Then check:</p>
          <pre className="commands">{rollback.verification.join('\n')}</pre>
        </>
      )}
      <p className="note">Side effects: {rollback.sideEffects.join('; ')}.</p>
      {rehearsal}
    </section>
  );
}

/** Who did what, when, where and how, from the draft's start to the last decision on it. */
export function AuditLog({ entries }: { entries: AuditEntry[] }) {
  return (
    <section aria-label="Audit log">
      <h3>Audit log</h3>
      <ol className="audit-log">
        {entries.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatDateTimeSeconds(entry.at)}</time>
            <div className="audit-entry">
              <div>
                <span className="audit-action">{entry.action}</span> {entry.what}
              </div>
              {entry.note && <div>Note: {entry.note}</div>}
              <div className="note muted">
                by {entry.actor}
                {/* Where is the same for most entries: said when it changes. */}
                {entry.where !== entries[index - 1]?.where && <> · {entry.where}</>}
              </div>
              {entry.how.length > 0 && <pre className="commands">{entry.how.join('\n')}</pre>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Text with `code spans` (as changelogs and reasons write them) shown as code. */
function WithCode({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
