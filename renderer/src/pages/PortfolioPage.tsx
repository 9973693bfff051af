import { type FormEvent, useContext, useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { forecastScoreThreshold } from '../../../core/api/health';
import { itemKindNoun, severities } from '../../../core/api/inventory';
import type { Portfolio, PortfolioRepository } from '../../../core/api/portfolio';
import type { ScanJob } from '../../../core/api/scans';
import { call } from '../api/client';
import { asFailure, useRoute } from '../api/hooks';
import { AddRepositoryForm } from '../components/AddRepositoryForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { type Column, SortableTable } from '../components/SortableTable';
import { Sparkline } from '../components/Sparkline';
import { commitDay, formatChange, formatDateTime, formatNumber, formatShortDateTime } from '../format';
import { ratingColour } from '../rating';
import { ScanJobsContext, jobKey } from '../scan-jobs-context';

type Grouping = 'none' | 'team' | 'rating' | 'folder';
const groupings: Record<Grouping, { label: string; groupOf?: (repository: PortfolioRepository) => string }> = {
  none: { label: 'No grouping' },
  team: { label: 'Team (CODEOWNERS)', groupOf: (repository) => repository.team?.join(' ') ?? 'No team in CODEOWNERS' },
  rating: { label: 'Rating', groupOf: (repository) => (repository.health?.rating ? `Rating ${repository.health.rating}` : 'Not rated') },
  folder: { label: 'Parent folder', groupOf: (repository) => repository.path.replace(/[\\/][^\\/]*$/, '') || '/' },
};

/** The app's home: every repository's health and debt at a glance, and the measures the practice is judged by. */
export function PortfolioPage({ canPickDirectory }: { canPickDirectory: boolean }) {
  const portfolio = useRoute('portfolio.overview', { threshold: forecastScoreThreshold });
  const [, navigate] = useLocation();
  const jobs = useContext(ScanJobsContext);
  const { reload } = portfolio;
  // A scan that finishes anywhere changes scores, items and "last scan".
  const finished = [...jobs.values()].filter((job) => job.purpose === 'scan' && job.state !== 'running' && job.state !== 'queued').length;
  useEffect(reload, [finished, reload]);

  return (
    <>
      <h1>Portfolio</h1>
      <Loading loaded={portfolio}>
        {(value) =>
          value.repositories.length === 0 ? (
            <>
              <AddRepositoryForm canPickDirectory={canPickDirectory} onAdded={(repository) => navigate(`/repositories/${repository.id}`)} />
              <p className="empty">No repositories yet. Add the folder of a local git repository above, then scan it.</p>
            </>
          ) : (
            <>
              <PracticeMeasures portfolio={value} />
              <RepositoryTable portfolio={value} jobs={jobs} onChanged={reload} />
              <details className="add-details">
                <summary>Add a repository</summary>
                <AddRepositoryForm canPickDirectory={canPickDirectory} onAdded={(repository) => navigate(`/repositories/${repository.id}`)} />
              </details>
            </>
          )
        }
      </Loading>
    </>
  );
}

/** The practice's measures, each with what it means; a measure with nothing to measure says so instead of showing 0. */
function PracticeMeasures({ portfolio }: { portfolio: Portfolio }) {
  const { practice } = portfolio;
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
  return (
    <section aria-label="Practice measures">
      <dl className="tiles measures">
        <Measure
          label="Portfolio health"
          value={practice.score === null ? '—' : practice.score.toFixed(1)}
          note={practice.score === null ? 'No repository is scored yet' : `of 100, mean weighted by lines of code${practice.changeSinceWeek === null ? '' : ` · ${formatChange(practice.changeSinceWeek)} in a week`}`}
        />
        <Measure
          label="Inventory freshness"
          value={percent(practice.freshness.share)}
          note={`of ${formatNumber(practice.freshness.whole)} lines of code scanned at their current commit in the last 7 days`}
        />
        <Measure
          label="Dependency staleness"
          value={practice.meanDriftDays === null ? '—' : `${formatNumber(Math.round(practice.meanDriftDays))} days`}
          note={practice.meanDriftDays === null ? 'Not measured: no dependency check with release dates' : 'mean drift of a package behind its latest release'}
        />
        <Measure
          label="Draft approval"
          value={percent(practice.draftApproval.share)}
          note={practice.draftApproval.whole === 0 ? 'No draft approved or rejected yet' : `${practice.draftApproval.part} of ${practice.draftApproval.whole} drafts decided on were approved`}
        />
      </dl>
    </section>
  );
}

function Measure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="tile-note">{note}</dd>
    </div>
  );
}

function RepositoryTable({ portfolio, jobs, onChanged }: { portfolio: Portfolio; jobs: ReadonlyMap<string, ScanJob>; onChanged: () => void }) {
  const [filter, setFilter] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return portfolio.repositories.filter((repository) => words.every((word) => `${repository.name} ${repository.path} ${repository.team?.join(' ') ?? ''}`.toLowerCase().includes(word)));
  }, [portfolio.repositories, filter]);
  const columns = useMemo(() => repositoryColumns(jobs, onChanged), [jobs, onChanged]);
  return (
    <section aria-label="Repositories">
      <div className="toolbar">
        <input type="search" aria-label="Filter repositories" placeholder="Filter by name, folder or team  ( / )" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <label>
          Group by{' '}
          <select value={grouping} onChange={(event) => setGrouping(event.target.value as Grouping)}>
            {Object.entries(groupings).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <ScanAll jobs={jobs} />
        <span className="muted">
          {shown.length === portfolio.repositories.length ? `${shown.length} repositories` : `${shown.length} of ${portfolio.repositories.length} repositories`}
        </span>
      </div>
      <SortableTable label="Repositories" columns={columns} rows={shown} rowKey={(repository) => String(repository.id)} initialSort="score" groupOf={groupings[grouping].groupOf} />
    </section>
  );
}

const severityLetters: Record<(typeof severities)[number], string> = { critical: 'C', high: 'H', medium: 'M', low: 'L', info: 'I' };

function repositoryColumns(jobs: ReadonlyMap<string, ScanJob>, onChanged: () => void): Column<PortfolioRepository>[] {
  return [
    {
      key: 'name',
      title: 'Repository',
      sortValue: (repository) => repository.name.toLowerCase(),
      render: (repository) => (
        <div className="repository-cell">
          <Link href={`/repositories/${repository.id}`}>{repository.name}</Link>
          <span className="muted path ellipsis" title={repository.path}>
            {repository.path}
          </span>
          {repository.missing && <Relocate repository={repository} onMoved={onChanged} />}
        </div>
      ),
    },
    {
      key: 'score',
      title: 'Health',
      meaning: 'healthScore',
      // Unscored repositories last when the worst come first.
      sortValue: (repository) => -(repository.health?.score ?? 101),
      render: (repository) => <HealthCell repository={repository} />,
    },
    {
      key: 'change',
      title: 'Week',
      numeric: true,
      sortValue: (repository) => repository.health?.changeSinceWeek ?? 0,
      render: (repository) =>
        typeof repository.health?.changeSinceWeek !== 'number' ? (
          <span className="muted" title="No scored commit a week or more before the latest">—</span>
        ) : (
          <span className={repository.health.changeSinceWeek < -0.05 ? 'change down' : 'change'} title="Points since the latest scored commit a week or more older">
            {formatChange(repository.health.changeSinceWeek)}
          </span>
        ),
    },
    {
      key: 'items',
      title: 'Open items',
      numeric: true,
      sortValue: (repository) => repository.items?.total ?? -1,
      render: (repository) => <ItemsCell repository={repository} />,
    },
    {
      key: 'effort',
      title: 'Effort',
      numeric: true,
      sortValue: (repository) => repository.items?.effortHours ?? -1,
      render: (repository) => (repository.items ? <span title="Estimated hours to fix every open item">{formatNumber(repository.items.effortHours)} h</span> : <span className="muted">—</span>),
    },
    {
      key: 'scanned',
      title: 'Last scan',
      sortValue: (repository) => repository.latestScan?.finishedAt ?? '',
      render: (repository) => <ScanCell repository={repository} job={jobs.get(jobKey(repository.id, 'scan'))} />,
    },
  ];
}

function HealthCell({ repository }: { repository: PortfolioRepository }) {
  const { health } = repository;
  if (!health) return <span className="muted">Not scored</span>;
  if (health.score === null) return <span className="muted" title={health.reason ?? undefined}>No score</span>;
  const forecast = health.forecast;
  return (
    <div className="health-cell">
      <span className="score-badge" style={{ borderColor: ratingColour(health.rating) }} title="Health score 0–100 and its rating (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below)">
        <strong>{health.score.toFixed(0)}</strong> <span style={{ color: ratingColour(health.rating) }}>{health.rating}</span>
      </span>
      <Sparkline points={health.trend} colour={ratingColour(health.rating)} label={`${repository.name}: health over the last year, ${health.trend.length} weekly scores from ${health.trend[0]?.score.toFixed(0) ?? '—'} to ${health.score.toFixed(0)}`} />
      {forecast.kind === 'crossing' && (
        <span className="badge warning" title={`On its trend the score falls below ${forecastScoreThreshold} between ${commitDay(forecast.earliest)} and ${commitDay(forecast.latest)}`}>
          below {forecastScoreThreshold} by {commitDay(forecast.at)}
        </span>
      )}
      {forecast.kind === 'already-crossed' && <span className="badge warning" title={`The trend is below ${forecastScoreThreshold}`}>below {forecastScoreThreshold}</span>}
    </div>
  );
}

function ItemsCell({ repository }: { repository: PortfolioRepository }) {
  const { items } = repository;
  if (!items) return <span className="muted">—</span>;
  const byKind = Object.entries(items.byKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, count]) => `${count} ${itemKindNoun(kind, count)}`);
  return (
    <div className="items-cell" title={byKind.join('\n')}>
      <span>{formatNumber(items.total)}</span>
      <span className="severity-counts" aria-label={severities.map((severity) => `${items.bySeverity[severity] ?? 0} ${severity}`).join(', ')}>
        {severities
          .filter((severity) => (items.bySeverity[severity] ?? 0) > 0)
          .map((severity) => (
            <span key={severity} className={`severity-count ${severity}`} title={severity}>
              {items.bySeverity[severity]}
              {severityLetters[severity]}
            </span>
          ))}
      </span>
    </div>
  );
}

function ScanCell({ repository, job }: { repository: PortfolioRepository; job: ScanJob | undefined }) {
  if (job?.state === 'running') {
    return (
      <span role="status">
        Scanning… {Math.round(job.progress * 100)} %<span className="muted"> {job.step}</span>
      </span>
    );
  }
  if (job?.state === 'queued') return <span role="status">Waiting to scan…</span>;
  if (job?.state === 'failed') return <span className="error-text">Scan failed: {job.error?.message ?? 'unknown reason'}</span>;
  const scan = repository.latestScan;
  if (!scan) return <span className="muted">Never scanned</span>;
  return (
    <span className="nowrap" title={`Snapshot ${scan.snapshotId} of commit ${scan.commit.slice(0, 7)}, ${formatDateTime(scan.finishedAt)}`}>
      {formatShortDateTime(scan.finishedAt)}
      {scan.atHead === false && <span className="badge warning">new commits</span>}
    </span>
  );
}

/** The way back for a repository whose folder moved: point Steward at the new place, its history kept. */
/** Scans every repository, two at a time (the others wait their turn); each row shows its own progress. */
function ScanAll({ jobs }: { jobs: ReadonlyMap<string, ScanJob> }) {
  const [error, setError] = useState<string>();
  const busy = [...jobs.values()].filter((job) => job.purpose === 'scan' && (job.state === 'running' || job.state === 'queued')).length;
  const start = async () => {
    setError(undefined);
    try {
      await call('scans.startAll', {});
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void start()} disabled={busy > 0}>
        {busy > 0 ? `Scanning… ${busy} to go` : 'Scan all'}
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

function Relocate({ repository, onMoved }: { repository: PortfolioRepository; onMoved: () => void }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('repositories.relocate', { id: repository.id, path });
      onMoved();
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };
  return (
    <form className="relocate" onSubmit={(event) => void submit(event)}>
      <span className="badge warning">Folder missing</span>
      <input aria-label={`New folder of ${repository.name}`} placeholder="Its new folder" value={path} onChange={(event) => setPath(event.target.value)} />
      <button type="submit" className="secondary" disabled={path.trim() === ''}>
        Relocate
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
