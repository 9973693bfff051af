import { Link, useLocation } from 'wouter';
import { type Draft, draftKindTitles } from '../../../core/api/drafts';
import type { Repository } from '../../../core/api/repositories';
import { useDrafts } from '../api/hooks';

import { formatDateTime } from '../format';
import { DraftStateBadge, RiskBadge } from './DraftBadges';
import { DraftDetails } from './DraftDetails';
import { DraftStarter } from './DraftStarter';
import { Loading } from './Loading';

/**
 * A repository's maintenance drafts: starting one, the list (newest first, live while they are
 * drafted) and the one selected, with its plan and the decision a person takes on it.
 */
export function DraftsView({ repository, selected }: { repository: Repository; selected: string | undefined }) {
  const drafts = useDrafts(repository.id);
  const [, navigate] = useLocation();
  const link = (id: string): string => `/repositories/${repository.id}/drafts/${id}`;
  const list = drafts.state === 'ready' ? drafts.value : [];
  const decided = list.filter((draft) => draft.state === 'approved' || draft.state === 'rejected' || draft.state === 'discarded').length;
  return (
    <>
      <DraftStarter
        repository={repository}
        decided={decided}
        drafting={list.find((draft) => draft.state === 'drafting')}
        onStarted={(draft) => {
          drafts.reload();
          navigate(link(draft.id));
        }}
      />
      <h2>Drafts</h2>
      <Loading loaded={drafts}>
        {(value) =>
          value.length === 0 ? (
            <p className="empty">No drafts yet. Start one above: Steward makes a local branch in its own worktree and checks it; nothing is pushed.</p>
          ) : (
            <DraftTable drafts={value} selected={selected} link={link} onSelect={(id) => navigate(link(id))} />
          )
        }
      </Loading>
      {selected && <DraftDetails key={selected} id={selected} live={list.find((draft) => draft.id === selected)} repository={repository} />}
    </>
  );
}

function DraftTable({ drafts, selected, link, onSelect }: { drafts: Draft[]; selected: string | undefined; link: (id: string) => string; onSelect: (id: string) => void }) {
  return (
    <table className="drafts-table" aria-label="Drafts">
      <colgroup>
        <col className="state" />
        <col className="kind" />
        <col />
        <col className="risk" />
        <col className="created" />
      </colgroup>
      <thead>
        <tr>
          <th>State</th>
          <th>Kind</th>
          <th>Draft and branch</th>
          <th>Risk</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => (
          <tr key={draft.id} className={draft.id === selected ? 'selected' : undefined} aria-current={draft.id === selected ? 'true' : undefined} onClick={() => onSelect(draft.id)}>
            <td>
              <DraftStateBadge state={draft.state} />
              {draft.state === 'drafting' && <div className="draft-step muted">{draft.step ?? 'Starting'}…</div>}
            </td>
            <td>{draftKindTitles[draft.kind]}</td>
            <td>
              <Link href={link(draft.id)} className="draft-title" onClick={(event) => event.stopPropagation()}>
                {draft.title}
              </Link>
              <div className="path ellipsis muted" title={draft.branch}>
                {draft.branch}
              </div>
            </td>
            <td>{draft.risk ? <RiskBadge risk={draft.risk} /> : <span className="muted">—</span>}</td>
            <td>{formatDateTime(draft.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
