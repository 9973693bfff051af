import { useEffect, useRef, useState } from 'react';
import { type Draft, type DraftDetail, draftKindTitles } from '../../../core/api/drafts';
import type { Repository } from '../../../core/api/repositories';
import { call } from '../api/client';
import { asFailure, useRoute } from '../api/hooks';

import { formatDateTime, shortCommit } from '../format';
import { DraftStateBadge, RiskBadge } from './DraftBadges';
import { AuditLog, DraftPlanView } from './DraftPlanView';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

/**
 * One draft: where it is, what it is doing while drafted, the decision a person takes on it, and its
 * plan. `live` is the draft as the latest event told it; the details are read again when it changes.
 */
export function DraftDetails({ id, live, repository }: { id: string; live: Draft | undefined; repository: Repository }) {
  const detail = useRoute('drafts.get', { id });
  const { reload } = detail;
  const version = live ? `${live.updatedAt} ${live.state}` : undefined;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return (
    <section className="draft-details" aria-label="Draft">
      <Loading loaded={detail}>{(value) => <DraftBody draft={live && live.updatedAt > value.updatedAt ? { ...value, ...live } : value} repository={repository} />}</Loading>
    </section>
  );
}

function DraftBody({ draft, repository }: { draft: DraftDetail; repository: Repository }) {
  const plan = draft.plan;
  // Opened below the list: brought into view once there is something to see.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Braces: Chromium's scrollIntoView answers a promise, which React would take for a cleanup.
    title.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <>
      <h2 ref={title}>{draft.title}</h2>
      <p className="draft-summary">
        <DraftStateBadge state={draft.state} />
        <span>{draftKindTitles[draft.kind]}</span>
        <code>{draft.id}</code>
        {draft.risk && (
          <span>
            risk <RiskBadge risk={draft.risk} />
          </span>
        )}
      </p>
      {draft.state === 'drafting' && <DraftProgress draft={draft} />}
      {draft.error && <p className="error">{draft.error}</p>}
      <dl className="facts draft-facts">
        <dt>Branch</dt>
        <dd>
          <code className="path">{draft.branch}</code>
          <span className="muted">
            {' '}
            from <code>{shortCommit(draft.baseCommit)}</code>
            {draft.headCommit && (
              <>
                {' '}
                to <code>{shortCommit(draft.headCommit)}</code>
              </>
            )}
          </span>
        </dd>
        <dt>Worktree</dt>
        <dd>{draft.worktree ? <span className="path">{draft.worktree}</span> : <span className="muted">none (removed)</span>}</dd>
        <dt>Drafted</dt>
        <dd>
          by {draft.createdBy} on {formatDateTime(draft.createdAt)}
        </dd>
        {plan && (
          <>
            <dt>Checked with</dt>
            <dd>
              {plan.packageManager ?? 'no package manager'}; the repository's own code {plan.consent ? 'was allowed to run' : 'was not allowed to run, so the gates that run it did not'}
            </dd>
          </>
        )}
      </dl>
      {draft.state !== 'drafting' && <DraftActions draft={draft} />}
      {plan && plan.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {plan.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {plan && <DraftPlanView plan={plan} root={repository.path} />}
      <AuditLog entries={draft.audit} />
    </>
  );
}

function DraftProgress({ draft }: { draft: Draft }) {
  const [error, setError] = useState<string>();
  const cancel = async () => {
    setError(undefined);
    try {
      await call('drafts.cancel', { id: draft.id });
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };
  return (
    <>
      <div className="draft-progress" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>Drafting: {draft.step ?? 'starting'}…</span>
        <button type="button" className="secondary" onClick={() => void cancel()}>
          Cancel
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

/**
 * What a person can do with the draft in its state: approve or reject a ready one (with a note for the
 * audit log), discard it (after confirming: its branch goes), and take its plan as Markdown.
 * Approving pushes nothing: it answers the commands that would, and they are shown.
 */
function DraftActions({ draft }: { draft: DraftDetail }) {
  const [note, setNote] = useState('');
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [next, setNext] = useState<string[]>();
  const [copy, setCopy] = useState<{ state: 'copied' } | { state: 'manual'; markdown: string }>();
  const withNote = { id: draft.id, ...(note.trim() ? { note: note.trim() } : {}) };
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setBusy(false);
    }
  };
  const copyPlan = () =>
    act(async () => {
      const { markdown } = await call('drafts.markdown', { id: draft.id });
      try {
        await navigator.clipboard.writeText(markdown);
        setCopy({ state: 'copied' });
      } catch {
        // No clipboard (a browser that refuses it): the text to copy by hand instead.
        setCopy({ state: 'manual', markdown });
      }
    });
  const discardable = draft.state === 'ready' || draft.state === 'failed' || draft.state === 'approved' || draft.state === 'rejected';
  const pushCommands = draft.state === 'approved' ? (next ?? draft.audit.findLast((entry) => entry.action === 'approve')?.how) : undefined;
  return (
    <div className="draft-actions">
      {draft.state === 'ready' && (
        <label className="field">
          Note for the audit log (optional)
          <textarea value={note} rows={2} placeholder="Why you approve or reject it" onChange={(event) => setNote(event.target.value)} />
        </label>
      )}
      <div className="row wrap">
        {draft.state === 'ready' && (
          <>
            <button type="button" disabled={busy} onClick={() => void act(async () => setNext((await call('drafts.approve', withNote)).next))}>
              Approve
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => call('drafts.reject', withNote))}>
              Reject
            </button>
          </>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => void copyPlan()}>
          Copy plan as Markdown
        </button>
        {discardable && !confirmingDiscard && (
          <button type="button" className="secondary danger" disabled={busy} onClick={() => setConfirmingDiscard(true)}>
            Discard…
          </button>
        )}
        {copy?.state === 'copied' && (
          <span className="muted" role="status">
            Plan copied: paste it as the pull request's description.
          </span>
        )}
      </div>
      {confirmingDiscard && discardable && (
        <div className="confirm" role="group" aria-label="Confirm discarding">
          <p>
            Discarding removes the draft's worktree and deletes its branch <code className="path">{draft.branch}</code> from your repository
            {draft.state === 'approved' ? ' (push it first to keep its commits)' : ''}. This cannot be undone.
          </p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => call('drafts.discard', withNote)).then(() => setConfirmingDiscard(false))}>
              Discard the draft
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirmingDiscard(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {draft.state === 'rejected' && (
        <p className="note muted">
          Rejected: its worktree is removed; the branch <code className="path">{draft.branch}</code> stays in your repository until the draft is discarded.
        </p>
      )}
      {draft.state === 'discarded' && <p className="note muted">Discarded: its worktree and its branch are removed.</p>}
      {pushCommands && (
        <div className="next-steps" role="status" aria-label="Next steps">
          <p>
            Approved. Steward pushed and merged nothing: the branch <code className="path">{draft.branch}</code> is in your repository. To open a pull request:
          </p>
          <pre className="commands">{pushCommands.join('\n')}</pre>
        </div>
      )}
      {copy?.state === 'manual' && (
        <label className="field">
          The clipboard is not available here: copy the plan from this box.
          <textarea readOnly rows={10} value={copy.markdown} onFocus={(event) => event.target.select()} />
        </label>
      )}
    </div>
  );
}
