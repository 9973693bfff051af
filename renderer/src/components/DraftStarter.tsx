import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { type Draft, type DraftTarget, draftItemKinds, draftKindTitles, draftTargets } from '../../../core/api/drafts';
import type { Repository } from '../../../core/api/repositories';
import type { RouteOutput } from '../../../core/api/routes';
import { call } from '../api/client';
import { asFailure, useRoute } from '../api/hooks';
import { type OfferedDraftKind, offeredDraftKinds } from '../draft-wording';
import { formatDate, plural } from '../format';
import { ErrorMessage } from './ErrorMessage';

type Consent = RouteOutput<'drafts.consent'>;
type ApprovalRate = RouteOutput<'drafts.approvalRates'>[number];

const targetLabels: Record<DraftTarget, string> = {
  patch: 'Patch versions',
  minor: 'Up to minor versions',
  latest: 'Latest (majors too)',
};

/**
 * Starting a draft: whether the repository's own code may run in its worktree (asked once, remembered
 * per repository, revocable), and one offer per kind of draft the core makes, with what it would take
 * at the last scan and how often such drafts were approved.
 */
export function DraftStarter({ repository, decided, drafting, onStarted }: { repository: Repository; decided: number; drafting: Draft | undefined; onStarted: (draft: Draft) => void }) {
  const rates = useRoute('drafts.approvalRates', {});
  const { reload } = rates;
  useEffect(reload, [decided, reload]);
  const [target, setTarget] = useState<DraftTarget>('latest');
  const [starting, setStarting] = useState<OfferedDraftKind>();
  const [error, setError] = useState<string>();
  const start = async (kind: OfferedDraftKind) => {
    setStarting(kind);
    setError(undefined);
    try {
      onStarted(await call('drafts.create', { repositoryId: repository.id, kind, ...(kind === 'deps' ? { target } : {}) }));
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setStarting(undefined);
    }
  };
  const snapshotId = repository.latestSnapshot?.snapshot.id;
  const rateOf = (kind: OfferedDraftKind) => (rates.state === 'ready' ? rates.value.find((rate) => rate.kind === kind) : undefined);
  return (
    <section className="draft-starter" aria-label="New draft">
      <ConsentControl repositoryId={repository.id} />
      <div className="draft-offers">
        {(Object.keys(offeredDraftKinds) as OfferedDraftKind[]).map((kind) => (
          <div key={kind} className="draft-offer">
            <div className="row wrap">
              <button type="button" disabled={starting !== undefined || drafting !== undefined} onClick={() => void start(kind)}>
                {starting === kind ? 'Starting…' : offeredDraftKinds[kind].action}
              </button>
              {kind === 'deps' && (
                <select aria-label="Upgrade target" value={target} onChange={(event) => setTarget(event.target.value as DraftTarget)}>
                  {draftTargets.map((choice) => (
                    <option key={choice} value={choice}>
                      {targetLabels[choice]}
                    </option>
                  ))}
                </select>
              )}
            </div>
            <p className="note">{offeredDraftKinds[kind].what}</p>
            {snapshotId !== undefined && <OpenItems key={snapshotId} repositoryId={repository.id} kind={kind} />}
            <p className="note muted">{approvalText(rateOf(kind))}</p>
          </div>
        ))}
      </div>
      {drafting && (
        <p className="note muted" role="status">
          One draft of a repository at a time: draft {drafting.id} ({draftKindTitles[drafting.kind]}) is being made. Wait for it, or cancel it.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

/** How many open items at high confidence a draft of the kind would take, as the last scan found them. */
function OpenItems({ repositoryId, kind }: { repositoryId: number; kind: OfferedDraftKind }) {
  const page = useRoute('inventory.list', { repositoryId, kinds: [...draftItemKinds[kind]], statuses: ['open'], confidences: ['high'], facets: false, limit: 1 });
  if (page.state !== 'ready') return null;
  const [noun, nouns] = offeredDraftKinds[kind].item;
  return <p className="note muted">{page.value.total === 0 ? `The last scan found no ${noun} at high confidence.` : `The last scan found ${plural(page.value.total, noun, nouns)} at high confidence.`}</p>;
}

function approvalText(rate: ApprovalRate | undefined): string {
  if (!rate || rate.rate === null) return `Approval rate: none of this kind reviewed yet${rate?.discarded ? ` (${plural(rate.discarded, 'discarded')})` : ''}.`;
  const reviewed = rate.approved + rate.rejected;
  return `Approval rate: ${Math.round(rate.rate * 100)} % (${rate.approved} of ${plural(reviewed, 'reviewed draft')}${rate.discarded ? `, ${rate.discarded} discarded` : ''}), all repositories.`;
}

/**
 * Consent to run the repository's own code in draft worktrees: off until a person turns it on, and
 * shown with who did and when. Turning it off takes it back for the drafts that follow.
 */
function ConsentControl({ repositoryId }: { repositoryId: number }) {
  const stored = useRoute('drafts.consent', { repositoryId });
  const [changed, setChanged] = useState<Consent>();
  const [asking, setAsking] = useState<boolean>();
  const [error, setError] = useState<string>();
  const consent = changed ?? (stored.state === 'ready' ? stored.value : undefined);
  const change = async (grant: boolean) => {
    // Shown at once; who and when come with the store's answer.
    setAsking(grant);
    setError(undefined);
    try {
      setChanged(await call('drafts.consent', { repositoryId, grant }));
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setAsking(undefined);
    }
  };
  if (stored.state === 'failed') return <ErrorMessage error={stored.error} onRetry={stored.reload} />;
  return (
    <div className="draft-consent">
      <label className="consent-toggle">
        <input type="checkbox" checked={asking ?? consent?.granted ?? false} disabled={!consent || asking !== undefined} onChange={(event) => void change(event.target.checked)} />
        Let drafts run this repository's own code
      </label>
      <p className="note">
        Drafts are made in a separate git worktree, never in your checkout. If allowed, a draft runs the repository's install scripts, lint, tests and build there (and gate commands set in
        steward.config.json) to check each change. Otherwise packages install without scripts and those gates are skipped; the type check, the dependency tree and the re-scan still run.
      </p>
      {consent && asking === undefined && (
        <p className="note muted" role="status">
          {consent.granted ? `Allowed${consent.by ? ` by ${consent.by}` : ''}${consent.at ? ` on ${formatDate(consent.at)}` : ''}; untick to take it back.` : 'Not allowed: drafts of this repository run none of its code.'}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

/**
 * "Draft a fix" on an inventory item a draft can fix: drafts it alone, then opens the draft on the
 * Drafts page, where it is followed as it is made.
 */
export function DraftFixButton({ repositoryId, fingerprint, kind }: { repositoryId: number; fingerprint: string; kind: OfferedDraftKind }) {
  const [, navigate] = useLocation();
  const consent = useRoute('drafts.consent', { repositoryId });
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const draft = await call('drafts.create', { repositoryId, kind, items: [fingerprint] });
      navigate(`/repositories/${repositoryId}/drafts/${draft.id}`);
    } catch (failure) {
      setError(asFailure(failure).message);
      setStarting(false);
    }
  };
  return (
    <div className="draft-fix">
      <div className="row">
        <button type="button" className="secondary" disabled={starting} onClick={() => void start()}>
          {starting ? 'Starting…' : 'Draft a fix'}
        </button>
        <span className="note muted">
          Makes a local branch in its own worktree that fixes this item alone, checked by the gates, for you to review on the Drafts page.
          {consent.state === 'ready' && (consent.value.granted ? ' It may run the repository’s own code (allowed on the Drafts page).' : ' It will not run the repository’s own code (not allowed; the Drafts page can allow it).')}
        </span>
      </div>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
