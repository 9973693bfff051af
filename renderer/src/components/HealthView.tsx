import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, Treemap, XAxis, YAxis } from 'recharts';
import type { BackfillJob } from '../../../core/api/backfill';
import { type HealthFoldersReport, type HealthForecastReport, type HealthScoreReport, forecastScoreThreshold as threshold } from '../../../core/api/health';
import { call } from '../api/client';
import { asFailure, useRoute } from '../api/hooks';
import { timeAxis } from '../chart-axes';
import { formatChange, formatDate, formatNumber, plural } from '../format';
import { ratingColour } from '../rating';
import { useScanJob } from '../scan-jobs-context';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };
const week = 7 * 86_400_000;

/** A repository's health: the score and its change, the trend with its forecast, the parts and their items, the folders, coverage. */
export function HealthView({ repositoryId }: { repositoryId: number }) {
  const backfill = useScanJob(repositoryId, 'backfill');
  // Each backfilled commit adds a point: the trend is read again as they come.
  const generation = backfill?.state === 'running' ? backfill.step : backfill?.state;
  const score = useRoute('health.score', { repositoryId });
  const forecast = useRoute('health.forecast', { repositoryId, threshold });
  const { reload } = forecast;
  useEffect(reload, [generation, reload]);
  return (
    <Loading loaded={score}>
      {(report) => (
        <>
          <ScoreSummary report={report} forecast={forecast.state === 'ready' ? forecast.value : undefined} />
          <Loading loaded={forecast}>{(value) => <Trend repositoryId={repositoryId} forecast={value} />}</Loading>
          <Parts repositoryId={repositoryId} report={report} />
          <FolderMap repositoryId={repositoryId} />
          <CoveragePanel repositoryId={repositoryId} snapshotId={report.snapshotId} />
          <TestsPanel repositoryId={repositoryId} snapshotId={report.snapshotId} />
        </>
      )}
    </Loading>
  );
}

/** The score as a gauge with its rating, its change over the last week and where the trend leads, in words. */
export function ScoreSummary({ report, forecast, link }: { report: HealthScoreReport; forecast?: HealthForecastReport | undefined; link?: string }) {
  if (report.score === null) return <p className="empty">No health score: {report.reason}.</p>;
  return (
    <section className="health-summary" aria-label="Health score">
      <Gauge score={report.score} rating={report.rating} />
      <div>
        <p className="health-headline">
          Health <strong>{report.score.toFixed(1)}</strong> of 100, rating <strong style={{ color: ratingColour(report.rating) }}>{report.rating}</strong>
          {report.changeSinceWeek !== null && <span className={formatChange(report.changeSinceWeek).startsWith('−') ? 'change worse' : 'change'}> {formatChange(report.changeSinceWeek)} since a week before</span>}
        </p>
        {forecast && <p className="muted">{describeForecast(forecast)}</p>}
        <p className="muted">
          {formatNumber(report.linesOfCode)} lines of code; formula {report.formula}. {link ? <Link href={link}>What costs the points</Link> : null}
        </p>
      </div>
    </section>
  );
}

function describeForecast({ forecast, points }: HealthForecastReport): string {
  switch (forecast.kind) {
    case 'too-few-points':
      return `Too few scored commits for a trend (${forecast.points} of ${forecast.needed}): backfill past commits to draw it from day one.`;
    case 'already-crossed':
      return `Below ${threshold} already.`;
    case 'not-on-trend':
      return `Not on a trend below ${threshold} (${formatChange(forecast.trend.perWeek)} a week over ${points.length} scored commits).`;
    case 'crossing':
      return `Falling ${formatChange(forecast.trend.perWeek)} a week: at this rate below ${threshold} around ${formatDate(forecast.at)} (${formatDate(forecast.earliest)} – ${formatDate(forecast.latest)}).`;
  }
}

/** A half-circle gauge: the arc filled up to the score, in the rating's colour. */
function Gauge({ score, rating }: { score: number; rating: string | null }) {
  const angle = Math.PI * (1 - score / 100);
  const end = { x: 60 + 50 * Math.cos(angle), y: 60 - 50 * Math.sin(angle) };
  return (
    <svg className="gauge" viewBox="0 0 120 70" role="img" aria-label={`Health ${score.toFixed(1)} of 100, rating ${rating}`}>
      <path d="M 10 60 A 50 50 0 0 1 110 60" fill="none" stroke="var(--border)" strokeWidth="10" strokeLinecap="round" />
      <path d={`M 10 60 A 50 50 0 0 1 ${end.x.toFixed(2)} ${end.y.toFixed(2)}`} fill="none" stroke={ratingColour(rating)} strokeWidth="10" strokeLinecap="round" />
      <text x="60" y="56" textAnchor="middle" className="gauge-value">
        {score.toFixed(0)}
      </text>
    </svg>
  );
}

/** The scores by commit date, the trend's line drawn ahead to the forecast, and the threshold. */
function Trend({ repositoryId, forecast }: { repositoryId: number; forecast: HealthForecastReport }) {
  const points = forecast.points.map((point) => ({ at: Date.parse(point.at), score: point.score }));
  const last = points.at(-1);
  const ahead: { at: number; forecast: number }[] = [];
  if (last && 'trend' in forecast.forecast) {
    const { perWeek, current } = forecast.forecast.trend;
    const until = forecast.forecast.kind === 'crossing' ? Math.min(Date.parse(forecast.forecast.at), last.at + 52 * week) : last.at + 12 * week;
    ahead.push({ at: last.at, forecast: current }, { at: until, forecast: Math.max(0, Math.min(100, current + (perWeek * (until - last.at)) / week)) });
  }
  const scores = [...points.map((point) => point.score), ...ahead.map((point) => point.forecast)];
  const low = Math.max(0, Math.floor(Math.min(threshold, ...scores) - 2));
  return (
    <section aria-label="Health over time">
      <h2>Over time</h2>
      <BackfillOffer repositoryId={repositoryId} points={points.length} />
      {points.length > 0 && (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis {...timeAxis} stroke="var(--muted)" />
            <YAxis domain={[low, 100]} stroke="var(--muted)" width={40} />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(at) => formatDate(new Date(Number(at)).toISOString())} formatter={(value, name) => [Number(value).toFixed(1), name === 'score' ? 'Health' : 'Trend ahead']} />
            <ReferenceLine y={threshold} stroke="var(--rating-d)" strokeDasharray="6 4" label={{ value: `${threshold}`, position: 'right', fill: 'var(--muted)' }} />
            <Line data={points} dataKey="score" name="score" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            {ahead.length > 0 && <Line data={ahead} dataKey="forecast" name="forecast" stroke="var(--muted)" strokeDasharray="5 5" dot={false} isAnimationActive={false} />}
          </LineChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}

/** A trend needs past points: offered until there are enough, with the backfill's progress while it runs. */
function BackfillOffer({ repositoryId, points }: { repositoryId: number; points: number }) {
  const job = useScanJob(repositoryId, 'backfill');
  const status = useRoute('backfill.status', { repositoryId });
  const { reload } = status;
  useEffect(reload, [job?.state, reload]);
  const [error, setError] = useState<string>();
  const start = async () => {
    setError(undefined);
    try {
      await call('backfill.start', { repositoryId, every: '1w', count: 26 });
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };
  if (job?.state === 'running') {
    return (
      <div className="scan-progress" role="status">
        <div className="progress-track" role="progressbar" aria-label="Backfill progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)}>
          <div className="progress-fill" style={{ width: `${Math.round(job.progress * 100)}%` }} />
        </div>
        <div className="progress-label">
          <span>{job.step}</span>
          <button type="button" className="link-button" onClick={() => void call('scans.cancel', { jobId: job.id })}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  const stored: BackfillJob | null = status.state === 'ready' ? status.value : null;
  const unfinished = stored && (stored.state === 'stopped' || stored.state === 'failed' || stored.state === 'cancelled') && stored.done < stored.points.length;
  if (points >= 4 && !unfinished) return stored ? <p className="muted note">{plural(stored.done, 'past commit')} backfilled, one a week back from {stored.headCommit.slice(0, 7)}.{stored.notes.length > 0 ? ` ${stored.notes.join('. ')}.` : ''}</p> : null;
  return (
    <div className="backfill-offer">
      <p>
        {unfinished
          ? `The backfill stopped at ${stored.done} of ${stored.points.length} past commits${stored.error ? ` (${stored.error})` : ''}.`
          : `${plural(points, 'scored commit')} so far. Steward can analyse one past commit a week, 26 weeks back, from git alone (nothing is checked out), to draw the trend now.`}
      </p>
      <button type="button" onClick={() => void start()}>
        {unfinished ? 'Resume the backfill' : 'Backfill 26 weeks'}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

/** Each part's points lost of its weight; opening one lists the items behind them. */
function Parts({ repositoryId, report }: { repositoryId: number; report: HealthScoreReport }) {
  return (
    <section aria-label="Health by part">
      <h2>By part</h2>
      <div className="health-parts">
        {report.categories.map((part) => (
          <details key={part.category} className="health-part">
            <summary>
              <span className="health-part-title">{part.title}</span>
              <span className="health-bar" aria-hidden="true">
                <span style={{ width: `${((part.weight - part.lost) / part.weight) * 100}%` }} />
              </span>
              <span className="number">
                {(part.weight - part.lost).toFixed(1)} of {part.weight}
              </span>
              <span className="muted number">{plural(part.items.length, 'item')}</span>
            </summary>
            {part.items.length === 0 ? (
              <p className="muted note">Nothing costs points here{part.category === 'coverage' ? ' (or no coverage was read: see Coverage)' : ''}.</p>
            ) : (
              <ol className="health-items">
                {part.items.slice(0, 20).map((item) => (
                  <li key={item.fingerprint}>
                    <span className="number">−{item.points < 0.01 ? '<0.01' : item.points.toFixed(2)}</span> {item.title}
                    {item.confidence !== 'high' && <span className="muted"> ({item.confidence} confidence: counts {item.confidence === 'medium' ? 'half' : 'nothing'})</span>}
                  </li>
                ))}
                {part.items.length > 20 && (
                  <li className="muted">
                    … {plural(part.items.length - 20, 'more item')}: <Link href={`/repositories/${repositoryId}/inventory`}>see the inventory</Link>
                  </li>
                )}
              </ol>
            )}
          </details>
        ))}
      </div>
    </section>
  );
}

type Folder = HealthFoldersReport['folders'][number];

/** Folders as rectangles: the area is their code, the colour their health. */
function FolderMap({ repositoryId }: { repositoryId: number }) {
  const folders = useRoute('health.folders', { repositoryId });
  return (
    <section aria-label="Health by folder">
      <h2>By folder</h2>
      <Loading loaded={folders}>
        {({ folders: list }) => {
          // A folder with folders of its own below is drawn as them.
          const leaves = list.filter((folder) => !list.some((other) => other.folder.startsWith(`${folder.folder}/`)));
          if (leaves.length === 0) return <p className="empty">No folder holds enough code to map.</p>;
          return (
            <>
              <ResponsiveContainer width="100%" height={320}>
                <Treemap data={leaves.map((folder) => ({ ...folder, name: folder.folder, size: folder.linesOfCode }))} dataKey="size" isAnimationActive={false} content={<HeatCell />} />
              </ResponsiveContainer>
              <p className="muted note">Area: lines of code. Colour: the folder's health rating (A green to E red). Folders under 50 lines are left out.</p>
            </>
          );
        }}
      </Loading>
    </section>
  );
}

function HeatCell(props: Partial<Folder & { x: number; y: number; width: number; height: number; name: string }>) {
  const { x = 0, y = 0, width = 0, height = 0, name = '', score = null, rating = null } = props;
  const label = `${name}: ${score === null ? 'no score' : `${score.toFixed(1)} (${rating})`}`;
  return (
    <g>
      <title>{label}</title>
      <rect x={x} y={y} width={width} height={height} fill={ratingColour(rating ?? null)} fillOpacity={0.75} stroke="var(--surface)" strokeWidth={2} />
      {width > 70 && height > 34 && (
        <text x={x + 6} y={y + 18} className="heat-label">
          {name.length * 7 > width - 8 ? `…${name.slice(-Math.max(4, Math.floor((width - 8) / 7)))}` : name}
          <tspan x={x + 6} dy={15}>
            {score === null ? '–' : score.toFixed(1)}
          </tspan>
        </text>
      )}
    </g>
  );
}

function CoveragePanel({ repositoryId, snapshotId }: { repositoryId: number; snapshotId: number }) {
  const coverage = useRoute('snapshots.coverage', { id: snapshotId });
  if (coverage.state === 'failed') return null;
  return (
    <section aria-label="Coverage">
      <h2>Coverage</h2>
      <Loading loaded={coverage}>
        {(report) => {
          const all = report.folders.find((folder) => folder.path === '');
          if (report.status !== 'read' || !all) return <p className="muted">No coverage read at this scan: run the tests with coverage, then scan again.</p>;
          const stale = report.sources.some((source) => source.matchesCommit === 'no');
          return (
            <p>
              The tests run <strong>{all.percent?.toFixed(1) ?? '–'}%</strong> of {formatNumber(all.lines)} executable lines;{' '}
              {plural(report.complexFunctions.filter((fn) => fn.percent !== null && fn.percent < 50).length, 'complex function')} under half covered.
              {stale && <span className="muted"> Written before this commit: run the tests again.</span>} <Link href={`/repositories/${repositoryId}/coverage`}>Coverage by file</Link>
            </p>
          );
        }}
      </Loading>
    </section>
  );
}

function TestsPanel({ repositoryId, snapshotId }: { repositoryId: number; snapshotId: number }) {
  const tests = useRoute('snapshots.tests', { id: snapshotId });
  if (tests.state === 'failed') return null;
  return (
    <section aria-label="Test stability">
      <h2>Test stability</h2>
      <Loading loaded={tests}>
        {(report) =>
          report.status !== 'read' ? (
            <p className="muted">No test results imported: have the runner write JUnit XML, then steward tests import, or scan with junit.xml in place.</p>
          ) : (
            <p>
              <strong>{plural(report.flaky.length, 'flaky test')}</strong> of {plural(report.tests, 'test')} ({report.flakyPercent?.toFixed(1) ?? '–'}%) over {plural(report.runs.length, 'imported run')}.{' '}
              <Link href={`/repositories/${repositoryId}/tests`}>Which, and why</Link>
            </p>
          )
        }
      </Loading>
    </section>
  );
}
