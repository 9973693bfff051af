import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { CoupledPairReport, FolderHistoryReport, HistoryReport, HotspotReport } from '../../../core/api/history';
import { commitDay, formatDate, formatNumber, plural } from '../format';
import { FileLink } from './Location';
import { type Column, SortableTable, filePath } from './SortableTable';
import { Tile } from './Tile';
import { timeAxis, valueScale } from '../chart-axes';

/** Hotspots in the chart: enough to see the shape, few enough to tell apart. */
const charted = 40;

const readModes: Record<HistoryReport['read']['mode'], string> = {
  full: 'read in full',
  incremental: 'only new commits read',
  rewritten: 're-read from where history was rewritten',
  unchanged: 'nothing new to read',
  'as of': 'taken from the stored log of a later commit (a backfilled point)',
};

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

/** Hotspots (change frequency × complexity) with their trends, change coupling, and ownership from git history. */
export function HistoryReportView({ report, root }: { report: HistoryReport; root: string }) {
  const [chosen, setSelected] = useState<string | null>(null);
  // What a newer report no longer has falls back to its biggest hotspot.
  const selected = report.hotspots.some((spot) => spot.path === chosen) ? chosen : (report.hotspots[0]?.path ?? null);
  const islands = report.files.filter((file) => file.knowledgeIsland).length;
  const orphaned = report.files.filter((file) => file.ownersInactive).length;
  const hotspot = report.hotspots.find((spot) => spot.path === selected);
  const { read } = report;
  return (
    <>
      <dl className="tiles">
        <Tile label="Commits" value={read.stored} note="without merges (the Overview counts merges too)" />
        <Tile label={`Code files changed in ${report.windowMonths} months`} value={report.hotspots.length} />
        <Tile label="Coupled pairs" value={report.coupling.length} dimZero />
        <Tile label="Knowledge islands" value={islands} dimZero />
        <Tile label="Files whose owners left" value={orphaned} dimZero />
      </dl>
      <p className="muted">
        As of the scanned commit ({formatDate(report.asOf)}): hotspots and coupling over the {report.windowMonths} months before it; {plural(read.stored, 'commit')}{' '}
        in the log, {readModes[read.mode]}
        {read.read > 0 && ` (${plural(read.read, 'commit')} in ${(read.durationMs / 1000).toFixed(1)} s)`}.
        {report.degraded.length > 0 && ` ${plural(report.degraded.length, 'commit')} counted without line counts (git lacks their content).`}
        {report.bots.length > 0 &&
          ` ${plural(report.bots.length, 'bot')} (${plural(report.bots.reduce((sum, bot) => sum + bot.commits, 0), 'commit')}) set apart: their commits count as changes, never towards owners or authors.`}
      </p>

      <h2>Hotspots</h2>
      {report.hotspots.length === 0 ? (
        <p className="empty">No code file changed in the last {report.windowMonths} months.</p>
      ) : (
        <>
          <p className="muted">Complex code that changes often is where debt costs the most. Click a file to see how its complexity developed.</p>
          <HotspotChart hotspots={report.hotspots.slice(0, charted)} selected={selected} onSelect={setSelected} />
          {hotspot && <TrendChart hotspot={hotspot} pending={report.trendPointsPending} />}
          <SortableTable label="Hotspots" columns={hotspotColumns(root, selected, setSelected)} rows={report.hotspots} rowKey={(spot) => spot.path} initialSort="score" pathsOf={filePath} />
        </>
      )}

      <h2>Change coupling</h2>
      <p className="muted">
        Files that change in the same commits (code-maat: shared commits ÷ mean commits; a mean of at least {report.couplingThresholds.minRevisions}, at least{' '}
        {report.couplingThresholds.minSharedRevisions} together, {report.couplingThresholds.minDegree} % or more, commits of {report.couplingThresholds.maxChangesetSize}{' '}
        files or fewer). Pairs across packages or top-level folders depend on each other in a way the structure does not show.
      </p>
      {report.coupling.length === 0 ? (
        <p className="empty">No pair of files changes together often enough.</p>
      ) : (
        <SortableTable label="Change coupling" columns={couplingColumns(root)} rows={report.coupling} rowKey={(pair) => `${pair.first}\0${pair.second}`} initialSort="degree" pathsOf={pairPaths} />
      )}

      <h2>Ownership</h2>
      <p className="muted">
        By added lines over the whole history, each person once (after .mailmap and the merges on the People tab), bots left out. A knowledge island is a file one still-active author wrote 95 % or more of; files whose owners left have no author
        with a fifth of their lines active in the last 6 months.
      </p>
      <SortableTable label="Ownership by folder" columns={folderColumns} rows={report.folders.filter((folder) => folder.folder.split('/').length <= 2)} rowKey={(folder) => folder.folder} initialSort="files" pathsOf={ownedFolder} />
    </>
  );
}

function HotspotChart({ hotspots, selected, onSelect }: { hotspots: readonly HotspotReport[]; selected: string | null; onSelect: (path: string) => void }) {
  const data = hotspots.map((spot) => ({ ...spot, name: spot.path }));
  // One file changed a hundred times flattens the rest against an axis: such an axis is logarithmic.
  const [changes, complexity] = [valueScale(hotspots.map((spot) => spot.revisions)), valueScale(hotspots.map((spot) => spot.complexity))];
  return (
    <figure className="chart" aria-label="Hotspots: changes against complexity">
      <ResponsiveContainer width="100%" height={320}>
        <ScatterChart margin={{ left: 8, right: 24, top: 16, bottom: 24 }}>
          <CartesianGrid stroke="var(--border)" />
          <XAxis type="number" dataKey="revisions" name="Changes" {...changes} stroke="var(--muted)" fontSize={12} label={{ value: `Changes in window${changes.scale === 'log' ? ' (log scale)' : ''}`, position: 'bottom', fill: 'var(--muted)', fontSize: 12 }} allowDecimals={false} />
          <YAxis type="number" dataKey="complexity" name="Complexity" {...complexity} stroke="var(--muted)" fontSize={12} label={{ value: `Complexity${complexity.scale === 'log' ? ' (log)' : ''}`, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }} />
          <ZAxis type="number" dataKey="score" range={[40, 400]} name="Score" />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const spot = payload?.[0]?.payload as HotspotReport | undefined;
              return spot ? (
                <div className="chart-tooltip" style={tooltipStyle}>
                  <strong className="path">{spot.path}</strong>
                  <div>
                    {spot.revisions} changes × complexity {spot.complexity} = {formatNumber(spot.score)}
                  </div>
                </div>
              ) : null;
            }}
          />
          <Scatter
            data={data}
            fill="var(--accent)"
            isAnimationActive={false}
            onClick={(point: { payload?: HotspotReport }) => point.payload && onSelect(point.payload.path)}
            shape={(props: { cx?: number; cy?: number; size?: number; payload?: HotspotReport }) => (
              <circle
                cx={props.cx}
                cy={props.cy}
                r={Math.sqrt((props.size ?? 64) / Math.PI)}
                fill={props.payload?.path === selected ? 'var(--danger, #d9534f)' : 'var(--accent)'}
                fillOpacity={0.75}
                style={{ cursor: 'pointer' }}
              />
            )}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A scan measures a bounded share of the hotspots' past versions; what is pending fills in over the next scans. */
function pendingNote(pending: number): string {
  return pending > 0 ? ` ${plural(pending, 'earlier point')} of the top hotspots' trends ${pending === 1 ? 'is' : 'are'} still to be measured; the next scans fill them in.` : '';
}

function TrendChart({ hotspot, pending }: { hotspot: HotspotReport; pending: number }) {
  const measure = hotspot.measure === 'cognitive' ? 'Cognitive complexity' : 'Lines of code';
  if (!hotspot.trend || hotspot.trend.length < 2) {
    return (
      <p className="muted">
        No complexity trend for {hotspot.path}: trends are kept for the biggest hotspots with more than one change.{pendingNote(pending)}
      </p>
    );
  }
  return (
    <figure className="chart" aria-label={`Complexity trend of ${hotspot.path}`}>
      <figcaption>
        {measure} of <span className="path">{hotspot.path}</span> at the commits that changed it.{pendingNote(pending)}
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={hotspot.trend.map((point) => ({ ...point, at: Date.parse(point.date) }))} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid stroke="var(--border)" />
          <XAxis {...timeAxis} stroke="var(--muted)" fontSize={12} />
          <YAxis stroke="var(--muted)" fontSize={12} allowDecimals={false} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(at) => commitDay(new Date(Number(at)).toISOString())} formatter={(value) => [formatNumber(Number(value)), measure]} />
          <Line type="monotone" dataKey="complexity" stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function hotspotColumns(root: string, selected: string | null, onSelect: (path: string) => void): Column<HotspotReport>[] {
  return [
    { key: 'rank', title: '#', numeric: true, sortValue: (spot) => -spot.rank, render: (spot) => spot.rank },
    {
      key: 'path',
      title: 'File',
      sortValue: (spot) => spot.path,
      render: (spot) => (
        <span className="row">
          <button type="button" className={spot.path === selected ? 'link-button active' : 'link-button'} onClick={() => onSelect(spot.path)} aria-label={`Show the trend of ${spot.path}`}>
            trend
          </button>
          <FileLink root={root} path={spot.path} />
        </span>
      ),
    },
    { key: 'revisions', title: 'Changes', numeric: true, sortValue: (spot) => spot.revisions, render: (spot) => spot.revisions },
    {
      key: 'complexity',
      title: 'Complexity',
      numeric: true,
      sortValue: (spot) => spot.complexity,
      render: (spot) => (spot.measure === 'lines' ? `${formatNumber(spot.complexity)} lines` : formatNumber(spot.complexity)),
    },
    { key: 'score', title: 'Score', meaning: 'hotspotScore', numeric: true, sortValue: (spot) => spot.score, render: (spot) => formatNumber(spot.score) },
    { key: 'authors', title: 'Authors', numeric: true, sortValue: (spot) => spot.authors, render: (spot) => spot.authors },
    { key: 'last', title: 'Last changed', sortValue: (spot) => spot.lastChanged, render: (spot) => commitDay(spot.lastChanged) },
  ];
}

function couplingColumns(root: string): Column<CoupledPairReport>[] {
  return [
    { key: 'degree', title: 'Degree', meaning: 'couplingDegree', numeric: true, sortValue: (pair) => pair.degree, render: (pair) => `${pair.degree} %` },
    { key: 'first', title: 'File', sortValue: (pair) => pair.first, render: (pair) => <FileLink root={root} path={pair.first} /> },
    { key: 'second', title: 'Changes with', sortValue: (pair) => pair.second, render: (pair) => <FileLink root={root} path={pair.second} /> },
    { key: 'shared', title: 'Together', numeric: true, sortValue: (pair) => pair.sharedRevisions, render: (pair) => `${pair.sharedRevisions} of ${pair.firstRevisions} / ${pair.secondRevisions}` },
    { key: 'boundary', title: 'Across boundary', sortValue: (pair) => (pair.crossesBoundary ? 1 : 0), render: (pair) => (pair.crossesBoundary ? 'yes' : '') },
  ];
}

const pairPaths = (pair: { first: string; second: string }): readonly string[] => [pair.first, pair.second];
const ownedFolder = (row: { folder: string }): readonly string[] => [`${row.folder}/`];

const folderColumns: Column<FolderHistoryReport>[] = [
  { key: 'folder', title: 'Folder', sortValue: (folder) => folder.folder, render: (folder) => <span className="path">{folder.folder || '(root)'}</span> },
  { key: 'files', title: 'Files', numeric: true, sortValue: (folder) => folder.files, render: (folder) => formatNumber(folder.files) },
  { key: 'revisions', title: 'Changes', numeric: true, sortValue: (folder) => folder.revisions, render: (folder) => formatNumber(folder.revisions) },
  {
    key: 'main',
    title: 'Main developer',
    sortValue: (folder) => folder.mainDeveloper.name,
    render: (folder) => `${folder.mainDeveloper.name} (${Math.round(folder.mainDeveloper.share * 100)} %)`,
  },
  { key: 'authors', title: 'Authors', numeric: true, sortValue: (folder) => folder.authors, render: (folder) => folder.authors },
  { key: 'fragmentation', title: 'Fragmentation', meaning: 'fragmentation', numeric: true, sortValue: (folder) => folder.fragmentation, render: (folder) => folder.fragmentation.toFixed(2) },
  { key: 'islands', title: 'Knowledge islands', meaning: 'knowledgeIslands', numeric: true, sortValue: (folder) => folder.knowledgeIslands, render: (folder) => folder.knowledgeIslands },
  { key: 'orphaned', title: 'Owners left', meaning: 'ownersLeft', numeric: true, sortValue: (folder) => folder.filesWithOwnersInactive, render: (folder) => folder.filesWithOwnersInactive },
];
