import type { DependencyReport, DependencyReportItem } from '../../core/api/dependencies.js';
import { StewardError } from '../../core/api/errors.js';
import { resolve } from 'node:path';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { formatDate, type OutputOptions, parseCount, printTable, printText } from '../output.js';

interface DepsFlags extends OutputOptions {
  registry?: string;
  offline?: boolean;
  advisories?: string;
  top: number;
}

/**
 * `steward deps <path>`: every declared dependency with its drift, versions behind, pulse,
 * deprecation, abandonment and advisories, sorted by risk, and how far the registry can be trusted.
 */
export const depsCommand: AnalysisCommand<'dependencies', DepsFlags> = {
  flags: (command) =>
    command
      .option('--registry <url>', 'the registry for unscoped packages (default: the settings, else .npmrc, else registry.npmjs.org)')
      .option('--offline', 'use cached metadata only, whatever its age, and say what is missing')
      .option('--advisories <file>', 'take advisories from an npm audit or OSV JSON file instead of asking the registry')
      .option('--top <n>', 'how many dependencies to print (the JSON has them all)', parseCount, 30),
  options({ registry, offline, advisories }) {
    if (registry !== undefined && !/^https?:\/\/[^\s]+$/.test(registry)) throw new StewardError('invalid-input', `--registry needs an http(s) URL, not "${registry}"`);
    return { ...(registry ? { registry } : {}), ...(offline ? { offline: true } : {}), ...(advisories === undefined ? {} : { advisories: resolve(advisories) }) };
  },
  json: ({ root, branch, warnings }, report) => ({ root, branch, ...report, warnings }),
  print: (result, report, { top }) => printReport(report, result.warnings, top),
};

function printReport(report: DependencyReport, warnings: readonly string[], top: number): void {
  const { summary, metadata } = report;
  printText(`${plural(summary.dependencies, 'registry dependency', 'registry dependencies')} (${plural(summary.packages, 'package')}), ${report.lockfile ? `versions from ${report.lockfile}` : 'no lockfile: versions from the declared ranges'}.`);
  for (const registry of report.registries) {
    const signs = Object.entries(registry.timeSigns).map(([sign, count]) => `${sign}: ${count}`).join(', ');
    printText(
      `Registry ${registry.url} (${registry.source}): publish times ${registry.times}${registry.times === 'unreliable' ? ` (${signs})` : ''}; deprecations ${registry.deprecations}.`,
    );
  }
  const cached = metadata.cache + metadata.staleCache;
  printText(
    `Metadata: ${[`${metadata.network} fetched`, `${metadata.revalidated} revalidated`, `${cached} from the cache${metadata.oldestFetch ? ` (oldest fetched ${formatAge(metadata.oldestFetch, report.checkedAt)})` : ''}`, metadata.failed > 0 ? `${metadata.failed} missing` : ''].filter(Boolean).join(', ')}${metadata.offline ? ' — offline' : ''}.`,
  );
  const libyears = summary.libyears === null ? 'drift unknown' : `${summary.libyears} libyears of drift (mean ${summary.meanLibyears}), ${summary.over90} over 90 days, ${summary.over180} over 180, ${summary.over365} over 365`;
  const vulnerabilities =
    summary.vulnerabilities === null
      ? 'vulnerability data unavailable'
      : `${plural(summary.vulnerabilities, 'vulnerability', 'vulnerabilities')}${summary.vulnerabilities > 0 ? ` (${Object.entries(summary.bySeverity ?? {}).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`).join(', ')})` : ''} (${report.advisories.source})`;
  printText(
    `\n${summary.outdated} outdated; ${libyears}; ${summary.deprecated === null ? 'deprecations unknown' : `${summary.deprecated} deprecated`}; ${summary.abandoned === null ? 'abandonment unknown' : `${summary.abandoned} abandoned`}; ${vulnerabilities}.`,
  );
  const shown = report.dependencies.slice(0, top);
  printText(`\nBy risk${report.dependencies.length > top ? ` (top ${top} of ${report.dependencies.length}; --json has all)` : ''}:`);
  printTable(
    ['Risk', 'Dependency', 'Workspace', 'In use', 'Latest', 'Behind M/m/p', 'Drift', 'Pulse', 'Notes'],
    shown.map((item) => [
      item.risk,
      item.name,
      item.workspace || '(root)',
      item.version ?? '—',
      item.latest ?? '—',
      item.behind ? `${item.behind.major}/${item.behind.minor}/${item.behind.patch}` : '—',
      days(item, item.driftDays),
      days(item, item.pulseDays),
      notes(item),
    ]),
    9,
  );
  if (report.vulnerabilities.length > 0) {
    printText('\nVulnerabilities:');
    printTable(
      ['Severity', 'Package', 'Installed', 'Fixed in', 'Advisory', 'Via'],
      report.vulnerabilities.map((found) => [found.severity, found.package, found.installed, found.fixedIn ? `${found.fixedIn}${found.fixIsMajor ? ' (major)' : ''}` : '—', found.url ?? found.id, found.paths.map((path) => path.join(' › ')).join('; ')]),
      6,
    );
  }
  for (const warning of warnings) printText(`warning: ${warning}`);
}

function days(item: DependencyReportItem, value: number | null): string {
  if (item.times === 'unreliable') return 'unreliable';
  return value === null ? '—' : `${Math.round(value)} d`;
}

function notes(item: DependencyReportItem): string {
  const parts: string[] = [];
  if (item.problem) parts.push(item.problem);
  if (item.advisories) parts.push(plural(item.advisories, 'advisory', 'advisories'));
  if (item.deprecated) parts.push('deprecated');
  else if (item.latestDeprecated) parts.push('latest deprecated');
  if (item.abandoned) parts.push('abandoned');
  if (item.peerConflicts.length > 0) parts.push(`peer conflict: ${item.peerConflicts.map((conflict) => `${conflict.peer} ${conflict.range}`).join(', ')}`);
  if (item.engines.fit === 'no' || item.engines.fit === 'partly') parts.push(`${item.engines.target} needs node ${item.engines.requires}`);
  if (item.installScripts.installed) parts.push('install scripts');
  if (item.kind !== 'registry' && item.kind !== 'tag' && item.kind !== 'alias') parts.push(item.note ?? item.kind);
  else if (item.note && !item.problem) parts.push(item.note);
  return parts.join('; ');
}

function formatAge(iso: string, now: string): string {
  const hours = (Date.parse(now) - Date.parse(iso)) / 3_600_000;
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min ago`;
  if (hours < 48) return `${Math.round(hours)} h ago`;
  return `${formatDate(iso)}, ${Math.round(hours / 24)} days ago`;
}
