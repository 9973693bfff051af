import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DependencyReport, DependencyReportItem, DependencyTrendPoint, VulnerabilityReport } from '../../../core/api/dependencies';
import { formatDate, formatNumber, plural } from '../format';
import { timeAxis } from '../chart-axes';
import { type Column, SortableTable } from './SortableTable';
import { Tile } from './Tile';

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

/** Dependencies by risk: drift, versions behind, deprecation, abandonment and advisories, and how far the registry's metadata can be trusted. */
export function DependencyReportView({ report, trend }: { report: DependencyReport; trend: readonly DependencyTrendPoint[] }) {
  const { summary } = report;
  const unreliable = report.registries.filter((registry) => registry.times === 'unreliable');
  const stripped = report.registries.filter((registry) => registry.deprecations === 'stripped');
  const fromRegistry = report.dependencies.filter((item) => item.registryName !== null);
  const local = report.dependencies.filter((item) => item.registryName === null);
  // What a figure built on publish times shows when there are none to trust.
  const unknownTimes = unreliable.length > 0 ? 'unreliable' : '—';
  return (
    <>
      <MetadataQuality report={report} />
      <dl className="tiles">
        <Tile label="Registry dependencies" value={summary.dependencies} />
        <Tile label="Outdated" value={summary.outdated} dimZero />
        <Tile label="Libyears of drift" meaning="libyears" value={summary.libyears === null ? unknownTimes : summary.libyears.toFixed(1)} />
        <Tile label="Over a year behind" value={summary.over365 ?? unknownTimes} dimZero />
        <Tile label="Deprecated" value={summary.deprecated ?? (stripped.length > 0 ? 'unknown' : '—')} dimZero />
        <Tile label="Abandoned" value={summary.abandoned ?? unknownTimes} dimZero />
        <Tile label="Vulnerabilities" value={summary.vulnerabilities ?? 'unavailable'} dimZero />
      </dl>
      <p className="muted">
        Checked {formatDate(report.checkedAt)} with {report.lockfile ? `versions from ${report.lockfile}` : 'no lockfile (versions from the declared ranges)'}; metadata:{' '}
        {metadataSources(report.metadata)}. Upgrade targets from npm-check-updates
        {report.targets.cooldownDays > 0 ? ` (versions at least ${plural(report.targets.cooldownDays, 'day')} old)` : ''}
        {report.targets.note ? `: ${report.targets.note}` : ''}.
      </p>

      {trend.length > 1 && <StalenessChart trend={trend} />}

      <h2>By risk</h2>
      <p className="muted">
        Advisories weigh most, then deprecation, abandonment (no release for a year), libyear drift (the latest version’s release date minus the installed one’s) and
        major versions behind.
      </p>
      {fromRegistry.length === 0 ? (
        <p className="empty">No dependencies from a registry.</p>
      ) : (
        <SortableTable label="Dependencies" columns={dependencyColumns} rows={fromRegistry} rowKey={(item) => `${item.workspace}\0${item.name}\0${item.field}`} initialSort="risk" />
      )}

      <h2>Vulnerabilities</h2>
      {report.advisories.status === 'unavailable' ? (
        <p className="empty">Vulnerability data unavailable: {report.advisories.note}.</p>
      ) : report.vulnerabilities.length === 0 ? (
        <p className="empty">No known vulnerabilities in the installed tree ({report.advisories.source}).</p>
      ) : (
        <SortableTable
          label="Vulnerabilities"
          columns={vulnerabilityColumns}
          rows={report.vulnerabilities}
          rowKey={(found) => `${found.package}@${found.installed}\0${found.id}`}
          initialSort="severity"
        />
      )}

      {local.length > 0 && (
        <>
          <h2>Not from a registry</h2>
          <ul className="plain-list" aria-label="Dependencies not from a registry">
            {local.map((item) => (
              <li key={`${item.workspace}\0${item.name}\0${item.field}`}>
                <code>{item.name}</code> <span className="muted">{item.specifier}</span> — {item.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The metadata-quality banner: what the registry cannot be trusted for, and what was not available. */
function MetadataQuality({ report }: { report: DependencyReport }) {
  const notes: string[] = [];
  for (const registry of report.registries) {
    if (registry.times === 'unreliable') {
      const signs = Object.entries(registry.timeSigns).map(([sign, count]) => `${sign} in ${plural(count, 'package')}`);
      notes.push(`Publish times from ${registry.url} are unreliable from this registry (${signs.join(', ')}): drift, pulse and abandonment are not shown.`);
    }
    if (registry.deprecations === 'stripped') notes.push(`${registry.url} strips deprecation notices: the table shows the ones it kept, but a package without one may be deprecated all the same.`);
  }
  if (report.advisories.status === 'unavailable') notes.push(`Vulnerability data unavailable: ${report.advisories.note}.`);
  if (report.metadata.failed > 0) notes.push(`Metadata missing for ${plural(report.metadata.failed, 'package')} (see the table).`);
  if (notes.length === 0) return null;
  return (
    <ul className="warnings" role="status" aria-label="Metadata quality">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

function metadataSources(metadata: DependencyReport['metadata']): string {
  const parts = [
    metadata.network > 0 && `${formatNumber(metadata.network)} fetched`,
    metadata.revalidated > 0 && `${formatNumber(metadata.revalidated)} revalidated`,
    metadata.cache + metadata.staleCache > 0 && `${formatNumber(metadata.cache + metadata.staleCache)} from the cache${metadata.oldestFetch ? ` (oldest of ${formatDate(metadata.oldestFetch)})` : ''}`,
    metadata.failed > 0 && `${formatNumber(metadata.failed)} missing`,
  ].filter(Boolean);
  return `${parts.join(', ') || 'none needed'}${metadata.offline ? ', offline' : ''}`;
}

function StalenessChart({ trend }: { trend: readonly DependencyTrendPoint[] }) {
  const data = trend.map((point) => ({ ...point, at: Date.parse(point.checkedAt) }));
  return (
    <figure className="chart" aria-label="Staleness over time">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis {...timeAxis} stroke="var(--muted)" />
          <YAxis yAxisId="libyears" stroke="var(--muted)" allowDecimals />
          <YAxis yAxisId="count" orientation="right" stroke="var(--muted)" allowDecimals={false} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(at) => formatDate(new Date(Number(at)).toISOString())} />
          <Legend />
          <Line yAxisId="libyears" type="monotone" dataKey="libyears" name="Libyears" stroke="var(--accent)" connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="count" type="monotone" dataKey="outdated" name="Outdated" stroke="var(--warning-text)" isAnimationActive={false} />
          <Line yAxisId="count" type="monotone" dataKey="vulnerabilities" name="Vulnerabilities" stroke="var(--error-text)" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">Libyears, outdated packages and vulnerabilities at each snapshot.</figcaption>
    </figure>
  );
}

function days(item: DependencyReportItem, value: number | null): string {
  if (item.times === 'unreliable') return 'unreliable';
  return value === null ? '—' : `${formatNumber(Math.round(value))} d`;
}

function flags(item: DependencyReportItem): string[] {
  const found: string[] = [];
  if (item.problem) found.push(item.problem);
  if (item.advisories) found.push(plural(item.advisories, 'advisory', 'advisories'));
  if (item.deprecated) found.push(`deprecated: ${item.deprecated}`);
  else if (item.latestDeprecated) found.push(`latest deprecated: ${item.latestDeprecated}`);
  if (item.abandoned) found.push('abandoned');
  for (const conflict of item.peerConflicts) found.push(`${item.targets?.latest ?? item.latest} wants ${conflict.peer} ${conflict.range} (${conflict.installed} installed)`);
  if (item.engines.fit === 'no' || item.engines.fit === 'partly') found.push(`${item.engines.target} needs Node ${item.engines.requires}`);
  if (item.installScripts.installed) found.push('runs install scripts');
  if (item.note) found.push(item.note);
  return found;
}

const dependencyColumns: Column<DependencyReportItem>[] = [
  { key: 'risk', title: 'Risk', meaning: 'dependencyRisk', numeric: true, sortValue: (item) => item.risk, render: (item) => item.risk.toFixed(1) },
  {
    key: 'name',
    title: 'Dependency',
    sortValue: (item) => item.name,
    render: (item) => (
      <>
        <code>{item.name}</code>
        {item.workspace && <span className="muted"> in {item.workspace}</span>}
        {item.field === 'devDependencies' && <span className="badge">dev</span>}
      </>
    ),
  },
  { key: 'version', title: 'In use', render: (item) => (item.version ? `${item.version}${item.versionFrom === 'range' ? ' (range)' : ''}` : '—') },
  { key: 'latest', title: 'Latest', render: (item) => item.latest ?? '—' },
  {
    key: 'behind',
    title: 'Behind (major/minor/patch)',
    numeric: true,
    sortValue: (item) => (item.behind ? item.behind.major * 10_000 + item.behind.minor * 100 + item.behind.patch : -1),
    render: (item) => (item.behind ? `${item.behind.major} / ${item.behind.minor} / ${item.behind.patch}` : '—'),
  },
  { key: 'drift', title: 'Drift', meaning: 'drift', numeric: true, sortValue: (item) => item.driftDays ?? -1, render: (item) => days(item, item.driftDays) },
  { key: 'pulse', title: 'Last release', numeric: true, sortValue: (item) => item.pulseDays ?? -1, render: (item) => (item.times === 'reliable' && item.pulseDays !== null ? `${days(item, item.pulseDays)} ago` : days(item, item.pulseDays)) },
  {
    key: 'flags',
    title: 'Findings',
    render: (item) => (
      <ul className="plain-list">
        {flags(item).map((flag) => (
          <li key={flag}>{flag}</li>
        ))}
      </ul>
    ),
  },
];

const severityOrder = { low: 0, moderate: 1, high: 2, critical: 3 };

const vulnerabilityColumns: Column<VulnerabilityReport>[] = [
  { key: 'severity', title: 'Severity', sortValue: (found) => severityOrder[found.severity], render: (found) => <span className={`severity ${found.severity}`}>{found.severity}</span> },
  { key: 'package', title: 'Package', sortValue: (found) => found.package, render: (found) => <code>{`${found.package}@${found.installed}`}</code> },
  { key: 'title', title: 'Advisory', render: (found) => <>{found.title || found.id} <span className="muted">{found.url ?? found.id}</span></> },
  { key: 'fix', title: 'Fixed in', render: (found) => (found.fixedIn ? `${found.fixedIn}${found.fixIsMajor ? ' (major upgrade)' : ''}` : 'no fix known') },
  { key: 'via', title: 'Reached through', render: (found) => found.paths.map((path) => path.join(' › ')).join('; ') || '—' },
];
