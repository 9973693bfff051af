/** The dead-code comparison's results (the --out JSON) and their Markdown and plain-text renderings. */
import type { InstallResult } from './deadcode-install.js';
import { type Available, type Column, type KindRow, type Merged, type Source, columns, countByKind, kindMismatches } from './deadcode-match.js';
import { type Accuracy, type Verdict, VerdictIndex, accuracy, totalAccuracy } from './deadcode-verdicts.js';
import { type Machine, machineLine } from './machine.js';

export interface ToolRun {
  readonly source: Source;
  readonly command: string;
  readonly where: 'fresh clone' | 'installed copy';
  readonly ok: boolean;
  readonly exitCode?: number;
  readonly wallSeconds?: number;
  /** Items compared (a package unlisted in several files of one package counts once). */
  readonly findings?: number;
  /** Issues of types the other tools do not report, by type: counted, not compared. */
  readonly ignored?: Record<string, number>;
  readonly error?: string;
  /** What departs from a plain run (a knip plugin turned off, config files it could not load). */
  readonly notes?: readonly string[];
}

export interface RepoResult {
  /** The repository's folder name: how the report and verdicts name it. */
  readonly name: string;
  readonly path: string;
  readonly head: string;
  /** Tracked files the scratch copies lack (blobs missing from the clone). */
  readonly missingFiles: readonly string[];
  /** knip's and fallow's configuration files in the repository: they follow them, Steward does not. */
  readonly peerConfigs: readonly string[];
  readonly install: InstallResult | { readonly ok: false; readonly error: string };
  readonly runs: readonly ToolRun[];
  readonly findings: readonly Merged[];
}

export interface Results {
  readonly machine: Machine;
  readonly startedAt: string;
  readonly production: boolean;
  readonly repos: readonly RepoResult[];
}

export function available(repo: RepoResult): Available {
  return new Set(repo.runs.filter((run) => run.ok).map((run) => run.source));
}

// ---- Markdown ----

const headings: Partial<Record<Column, string>> = {
  steward: 'Steward',
  knip: 'knip',
  fallow: 'fallow',
  stewardAndKnip: 'Steward ∩ knip',
  stewardNotKnip: 'Steward − knip',
  knipNotSteward: 'knip − Steward',
  stewardAndFallow: 'Steward ∩ fallow',
  stewardNotFallow: 'Steward − fallow',
  fallowNotSteward: 'fallow − Steward',
  stewardAlone: 'Steward alone',
  fallowAlone: 'fallow alone',
};

const installedHeadings: Partial<Record<Column, string>> = {
  steward: 'fresh clone',
  installed: 'installed copy',
  freshNotInstalled: 'fresh only',
  installedNotFresh: 'installed only',
};

export function markdownReport(results: Results, verdicts: readonly Verdict[] | undefined): string {
  const indexes = new Map(results.repos.map((repo) => [repo, new VerdictIndex(verdicts ?? [], repo)]));
  const judged = (repo: RepoResult) => (verdicts === undefined ? undefined : indexes.get(repo));
  const sections = [
    '# Dead-code accuracy: Steward against knip and fallow',
    '',
    `**Machine**: ${machineLine(results.machine)}. Run ${results.startedAt}${results.production ? ', production mode (`--production` for all three)' : ''}.`,
    '',
    legend,
    '',
    '## Summary (all kinds)',
    '',
    summaryTable(results.repos),
    ...(verdicts ? ['', '## Accuracy on the adjudicated sample', '', accuracyTable(results.repos, indexes)] : []),
    ...results.repos.flatMap((repo) => ['', repoSection(repo, judged(repo))]),
  ];
  const stale = [...indexes.values()].flatMap((index) => index.unmatched());
  if (verdicts && stale.length > 0) sections.push('', `**${stale.length === 1 ? '1 verdict matches' : `${stale.length} verdicts match`} no finding** (stale or mistyped): ${stale.map((verdict) => `${verdict.repo} ${verdict.kind} \`${verdict.path}\` ${verdict.name}`).join('; ')}`);
  return `${sections.join('\n')}\n`;
}

const legend = [
  'Steward runs twice: on a fresh clone (no `node_modules`; the column **Steward**) and on the installed copy; knip and fallow',
  'run on the installed copy. Findings are compared as (kind, repository-relative path, name): dependencies by their',
  'package.json and package name, unlisted packages by the nearest package.json above the importing file, unresolved imports',
  'by file and specifier, enum members as `Enum.member`. An export and a type of one name in one file are the same item (see',
  "kind mismatches); a row counts an item under Steward's kind when Steward reports it, else knip's, else fallow's.",
  "Not compared: knip's namespace members, duplicates, binaries and catalog entries; fallow's class members, duplicate",
  'exports, cycles and the rest (counted per run). `A − B`: reported by A, not by B. *Steward alone*: neither peer reports',
  "it; *fallow alone*: neither Steward nor knip does. '—': a tool the column needs produced no report.",
].join('\n');

function summaryTable(repos: readonly RepoResult[]): string {
  const columns: Column[] = ['steward', 'knip', 'fallow', 'stewardAndKnip', 'stewardNotKnip', 'knipNotSteward', 'fallowNotSteward', 'stewardAlone', 'fallowAlone'];
  const header = ['repository', 'HEAD', 'install', ...columns.map((column) => headings[column] ?? column)];
  const rows = repos.map((repo) => {
    const all = countByKind(repo.findings, available(repo)).at(-1);
    return [repo.name, `\`${repo.head.slice(0, 10)}\``, installWord(repo), ...columns.map((column) => count(all, column))];
  });
  return table(header, rows, `lll${'r'.repeat(columns.length)}`);
}

function accuracyTable(repos: readonly RepoResult[], indexes: ReadonlyMap<RepoResult, VerdictIndex>): string {
  const parts = repos.map((repo) => ({ name: repo.name, figures: accuracy(repo.findings, indexes.get(repo) ?? new VerdictIndex([], repo), available(repo)) }));
  const rows = [...parts, { name: '**all**', figures: totalAccuracy(parts.map((part) => part.figures)) }].map(({ name, figures }) => accuracyRow(name, figures));
  const header = ['repository', 'Steward findings judged', 'hold', 'precision', "knip's correct findings", 'also found by Steward', 'recall vs knip', 'only-knip not yet judged'];
  return [
    table(header, rows, 'lrrrrrrr'),
    '',
    "Precision: of Steward's findings that have a verdict, the share that are dead code. knip's correct findings: knip findings",
    'judged to hold, plus those Steward also reports and nobody judged; recall: the share of those Steward reports. Findings only',
    'knip reports and nobody judged are left out of recall (last column).',
  ].join('\n');
}

function accuracyRow(name: string, figures: Accuracy): string[] {
  const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);
  return [name, String(figures.stewardJudged), String(figures.stewardHolds), percent(figures.precision), String(figures.knipCorrect), String(figures.knipCorrectFoundBySteward), percent(figures.recall), String(figures.knipPending)];
}

function repoSection(repo: RepoResult, verdicts: VerdictIndex | undefined): string {
  const tools = available(repo);
  const byKind = countByKind(repo.findings, tools);
  const parts = [
    `## ${repo.name}`,
    '',
    [`\`${repo.path}\` at \`${repo.head}\`.`, installLine(repo), missingLine(repo), configLine(repo)].filter((text) => text !== '').join(' '),
    '',
    runsTable(repo.runs),
    '',
    '### By kind',
    '',
    kindTable(byKind, headings),
    '',
    '### Steward on the fresh clone against the installed copy',
    '',
    kindTable(byKind, installedHeadings),
    ...listSection('Found only without node_modules', repo.findings.filter(columns.freshNotInstalled), ['reason'], 'steward', undefined),
    ...listSection('Found only with node_modules', repo.findings.filter(columns.installedNotFresh), ['reason'], 'steward-installed', undefined),
  ];
  if (tools.has('steward') && tools.has('knip')) {
    parts.push(
      ...listSection('Only Steward (knip does not report them)', repo.findings.filter(columns.stewardNotKnip), ['fallow', 'reason'], 'steward', verdicts),
      ...listSection('Only knip (Steward does not report them)', repo.findings.filter(columns.knipNotSteward), ['fallow'], 'knip', verdicts),
    );
  }
  if (tools.has('steward') && tools.has('knip') && tools.has('fallow')) {
    parts.push(...listSection('Only fallow (neither Steward nor knip)', repo.findings.filter(columns.fallowAlone), [], 'fallow', verdicts));
  }
  parts.push(...listSection('Kind mismatches (export against type)', kindMismatches(repo.findings), ['kinds'], 'steward', undefined));
  return parts.join('\n');
}

function installWord(repo: RepoResult): string {
  if (!('manager' in repo.install)) return 'not run';
  return repo.install.ok ? repo.install.manager : `${repo.install.manager} **failed**`;
}

function installLine(repo: RepoResult): string {
  const { install } = repo;
  if (!('manager' in install)) return `Install not run: ${install.error}.`;
  const notes = install.notes.length > 0 ? ` (${install.notes.join('; ')})` : '';
  const outcome = install.ok ? `took ${install.seconds} s` : `**failed** (${install.timedOut ? 'timed out' : `exit ${install.exitCode ?? '?'}`} after ${install.seconds} s; knip and fallow ran on whatever it left)`;
  return `Installed with \`${install.command}\`${notes}: ${outcome}.`;
}

function missingLine(repo: RepoResult): string {
  return repo.missingFiles.length === 0 ? '' : `Missing from the clone (not checked out): ${repo.missingFiles.map(code).join(', ')}.`;
}

function configLine(repo: RepoResult): string {
  return repo.peerConfigs.length === 0 ? '' : `Peer configuration in the repository (knip and fallow follow it; Steward reads a knip JSON config's entry, ignore, ignoreWorkspaces and ignoreDependencies): ${repo.peerConfigs.map(code).join(', ')}.`;
}

function runsTable(runs: readonly ToolRun[]): string {
  const rows = runs.map((run) => [
    run.source,
    run.where,
    run.ok ? 'yes' : '**no**',
    run.exitCode === undefined ? '—' : String(run.exitCode),
    run.wallSeconds === undefined ? '—' : run.wallSeconds.toFixed(1),
    run.findings === undefined ? '—' : String(run.findings),
    Object.entries(run.ignored ?? {}).map(([type, number]) => `${type} ${number}`).join(', '),
    [run.error, ...(run.notes ?? [])].filter((text) => text !== undefined).join('; '),
  ]);
  return table(['tool', 'ran on', 'report', 'exit', 'wall s', 'items compared', 'not compared', 'error, notes'], rows, 'lllrrrll');
}

function kindTable(rows: readonly KindRow[], names: Partial<Record<Column, string>>): string {
  const shown = Object.keys(names) as Column[];
  return table(['kind', ...shown.map((column) => names[column] ?? column)], rows.map((row) => [row.kind === 'all' ? '**all**' : row.kind, ...shown.map((column) => count(row, column))]), `l${'r'.repeat(shown.length)}`);
}

function count(row: KindRow | undefined, column: Column): string {
  const value = row?.[column];
  return value === undefined ? '—' : String(value);
}

type Extra = 'fallow' | 'reason' | 'kinds';

/** A heading and, folded away, the table of `records` as `source` reported them; nothing when there are none. */
function listSection(title: string, records: readonly Merged[], extras: readonly Extra[], source: Source, verdicts: VerdictIndex | undefined): string[] {
  if (records.length === 0) return [];
  const header = ['kind', 'where', 'name', ...extras, ...(verdicts ? ['verdict'] : [])];
  const rows = records.map((record) => [
    record.kind,
    where(record, source),
    code(record.name),
    ...extras.map((extra) => extraCell(record, extra, source)),
    ...(verdicts ? [verdictCell(verdicts.get(record))] : []),
  ]);
  return ['', `### ${title} (${records.length})`, '', '<details>', `<summary>${records.length} findings</summary>`, '', table(header, rows), '', '</details>'];
}

function where(record: Merged, source: Source): string {
  const reported = record.by[source];
  // An unlisted package's line is the import's, in `site`, not a line of the package.json.
  if (reported?.site !== undefined) return `${code(record.path)} (imported at ${code(reported.site)})`;
  return reported?.line === undefined || record.kind === 'file' ? code(record.path) : code(`${record.path}:${reported.line}`);
}

function extraCell(record: Merged, extra: Extra, source: Source): string {
  switch (extra) {
    case 'fallow':
      return record.by.fallow ? 'yes' : '';
    case 'reason':
      return record.by[source]?.reason ?? '';
    case 'kinds':
      return Object.entries(record.by).map(([tool, reported]) => `${tool}: ${reported.kind}`).join(', ');
  }
}

function verdictCell(verdict: Verdict | undefined): string {
  return verdict === undefined ? '' : `**${verdict.verdict}** (${verdict.tool}): ${verdict.why}`;
}

function code(text: string): string {
  return text.includes('`') ? text : `\`${text}\``;
}

/** A Markdown table; `align` has an `l` or `r` per column (left when missing). */
function table(header: readonly string[], rows: readonly (readonly string[])[], align = ''): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rules = header.map((_, index) => (align[index] === 'r' ? '---:' : '---'));
  return [line(header), `|${rules.join('|')}|`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

// ---- stdout ----

/** A few lines per repository: the all-kinds counts, then each kind. */
export function textSummary(results: Results): string {
  const shown: Column[] = ['steward', 'knip', 'fallow', 'stewardAndKnip', 'stewardNotKnip', 'knipNotSteward', 'fallowNotSteward', 'installed'];
  const short: Partial<Record<Column, string>> = { steward: 'S', knip: 'K', fallow: 'F', stewardAndKnip: 'S∩K', stewardNotKnip: 'S−K', knipNotSteward: 'K−S', fallowNotSteward: 'F−S', installed: 'S(installed)' };
  const lines = results.repos.flatMap((repo) => {
    const failed = repo.runs.filter((run) => !run.ok).map((run) => `${run.source} failed: ${run.error ?? 'no report'}`);
    const rows = countByKind(repo.findings, available(repo)).map(
      (row) => `  ${row.kind.padEnd(20)} ${shown.map((column) => `${short[column] ?? column} ${count(row, column)}`.padEnd(column === 'installed' ? 0 : 9)).join(' ')}`.trimEnd(),
    );
    return [`${repo.name} (${repo.head.slice(0, 10)}, install: ${installWord(repo).replaceAll('*', '')})`, ...failed.map((line) => `  ${line}`), ...rows];
  });
  return lines.join('\n');
}
