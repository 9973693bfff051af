/**
 * The three tools' dead-code reports reduced to one comparable shape: `{ kind, path, name }` with
 * repository-relative paths. What only one tool knows how to find (knip's namespace members and
 * duplicates, fallow's class members and circular dependencies, …) is counted, not compared.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, posix, relative } from 'node:path';
import { z } from 'zod';

export const findingKinds = [
  'file',
  'export',
  'type',
  'enum-member',
  'dependency',
  'dev-dependency',
  'optional-dependency',
  'misplaced-dependency',
  'unlisted-dependency',
  'unresolved-import',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  readonly kind: FindingKind;
  /** The file; the governing package.json for dependencies, listed or unlisted. */
  readonly path: string;
  /** The export, `Enum.member`, package or import specifier; the path itself for a file. */
  readonly name: string;
  readonly line?: number;
  /** Steward's one-sentence reason. */
  readonly reason?: string;
  /** Where an unlisted package is imported (the first file the tool named). */
  readonly site?: string;
}

/** A tool's findings, and how many issues of the types nobody else reports it left out. */
export interface Normalized {
  readonly findings: Finding[];
  readonly ignored: Record<string, number>;
}

/** Turns paths into the shared form: repository-relative, forward slashes; unlisted packages belong to the nearest package.json. */
export interface PathContext {
  readonly root: string;
  /** Folders ('' for the root) that hold a tracked package.json. */
  readonly manifestDirs: ReadonlySet<string>;
}

export function repoPath(context: PathContext, path: string): string {
  const relativePath = isAbsolute(path) ? relative(context.root, path) : path;
  return relativePath.split('\\').join('/').replace(/^\.\//, '');
}

/** The package.json that lists (or should list) what `path` imports: the nearest one above it. */
export function manifestOf(context: PathContext, path: string): string {
  let dir = parentDir(path);
  while (dir !== '' && !context.manifestDirs.has(dir)) dir = parentDir(dir);
  return dir === '' ? 'package.json' : `${dir}/package.json`;
}

function parentDir(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

// ---- Steward: `steward deadcode --json` (core/api/dead-code.ts) ----

/** Steward's kinds are the shared ones, minus optional dependencies. */
const stewardKinds = ['file', 'export', 'type', 'enum-member', 'dependency', 'dev-dependency', 'misplaced-dependency', 'unlisted-dependency', 'unresolved-import'] as const satisfies readonly FindingKind[];

const StewardReport = z.object({
  findings: z.array(z.object({ kind: z.enum(stewardKinds), path: z.string(), line: z.number(), name: z.string(), reason: z.string() })),
});

/** The finding kinds the judged samples cover (docs/dead-code-accuracy.md). */
export const sampledKinds: readonly string[] = ['file', 'export', 'type', 'dependency', 'dev-dependency'];

const StewardAnswer = z.looseObject({
  root: z.string(),
  commit: z.string(),
  findings: z.array(z.looseObject({ kind: z.string(), path: z.string(), line: z.number().nullable(), name: z.string(), reason: z.string(), confidence: z.string().optional() })),
});

/** A saved `steward deadcode --json` answer, with its repository named as verdicts name it (the folder's name). */
export function readStewardAnswer(file: string): z.infer<typeof StewardAnswer> & { repo: string } {
  const answer = StewardAnswer.parse(JSON.parse(readFileSync(file, 'utf8')));
  return { ...answer, repo: basename(answer.root) };
}

export function normalizeSteward(answer: unknown, context: PathContext): Normalized {
  const findings = StewardReport.parse(answer).findings.map((finding): Finding => {
    const path = repoPath(context, finding.path);
    const base = { kind: finding.kind, line: finding.line, reason: finding.reason };
    if (finding.kind === 'file') return { ...base, path, name: path };
    if (finding.kind === 'unlisted-dependency') return { ...base, path: manifestOf(context, path), name: finding.name, site: `${path}:${finding.line}` };
    return { ...base, path, name: finding.name };
  });
  return { findings, ignored: {} };
}

// ---- knip: `knip --reporter json` (knip/dist/reporters/json.js) ----

const KnipSymbol = z.object({ name: z.string(), namespace: z.string().optional(), line: z.number().optional() });
const KnipReport = z.object({ issues: z.array(z.looseObject({ file: z.string() })) });

/** knip's issue types we compare, and the kind each becomes; namespace exports count as exports, namespace types as types. */
const knipKinds: Record<string, FindingKind> = {
  files: 'file',
  exports: 'export',
  nsExports: 'export',
  types: 'type',
  nsTypes: 'type',
  enumMembers: 'enum-member',
  dependencies: 'dependency',
  devDependencies: 'dev-dependency',
  unlisted: 'unlisted-dependency',
  unresolved: 'unresolved-import',
};

export function normalizeKnip(answer: unknown, context: PathContext): Normalized {
  const findings: Finding[] = [];
  const ignored: Record<string, number> = {};
  for (const issue of KnipReport.parse(answer).issues) {
    const file = repoPath(context, issue.file);
    for (const [type, value] of Object.entries(issue)) {
      if (type === 'file' || type === 'owners' || !Array.isArray(value) || value.length === 0) continue;
      const kind = knipKinds[type];
      if (kind === undefined) ignored[`knip ${type}`] = (ignored[`knip ${type}`] ?? 0) + value.length;
      else findings.push(...value.map((item) => knipFinding(kind, file, KnipSymbol.parse(item), context)));
    }
  }
  return { findings, ignored };
}

function knipFinding(kind: FindingKind, file: string, symbol: z.infer<typeof KnipSymbol>, context: PathContext): Finding {
  const line = symbol.line === undefined ? {} : { line: symbol.line };
  switch (kind) {
    case 'file':
      return { kind, path: file, name: file };
    case 'enum-member':
      return { kind, path: file, name: symbol.namespace ? `${symbol.namespace}.${symbol.name}` : symbol.name, ...line };
    case 'unlisted-dependency':
      return { kind, path: manifestOf(context, file), name: symbol.name, site: symbol.line === undefined ? file : `${file}:${symbol.line}` };
    default:
      return { kind, path: file, name: symbol.name, ...line };
  }
}

// ---- fallow: `fallow dead-code --format json` (fallow/types/output-contract.d.ts, schema 7) ----

const Located = z.object({ path: z.string(), line: z.number().optional() });
const FallowReport = z.looseObject({
  unused_files: z.array(Located).default([]),
  unused_exports: z.array(Located.extend({ export_name: z.string() })).default([]),
  unused_types: z.array(Located.extend({ export_name: z.string() })).default([]),
  unused_enum_members: z.array(Located.extend({ parent_name: z.string(), member_name: z.string() })).default([]),
  unused_dependencies: z.array(Located.extend({ package_name: z.string() })).default([]),
  unused_dev_dependencies: z.array(Located.extend({ package_name: z.string() })).default([]),
  unused_optional_dependencies: z.array(Located.extend({ package_name: z.string() })).default([]),
  unlisted_dependencies: z.array(z.object({ package_name: z.string(), imported_from: z.array(Located) })).default([]),
  unresolved_imports: z.array(Located.extend({ specifier: z.string() })).default([]),
});
type FallowReport = z.infer<typeof FallowReport>;

/** Everything else fallow reports as a non-empty list is counted as left out (class members, duplicates, cycles, …). */
const fallowCompared = new Set<string>(Object.keys(FallowReport.shape));
const fallowNotFindings = new Set(['next_steps', 'entry_points']);

export function normalizeFallow(answer: unknown, context: PathContext): Normalized {
  const report = FallowReport.parse(answer);
  const at = (item: { path: string; line?: number | undefined }) => ({ path: repoPath(context, item.path), ...(item.line === undefined ? {} : { line: item.line }) });
  const dependencies = (kind: FindingKind, items: FallowReport['unused_dependencies']) => items.map((item): Finding => ({ kind, ...at(item), name: item.package_name }));
  const findings: Finding[] = [
    ...report.unused_files.map((item): Finding => ({ kind: 'file', path: repoPath(context, item.path), name: repoPath(context, item.path) })),
    ...report.unused_exports.map((item): Finding => ({ kind: 'export', ...at(item), name: item.export_name })),
    ...report.unused_types.map((item): Finding => ({ kind: 'type', ...at(item), name: item.export_name })),
    ...report.unused_enum_members.map((item): Finding => ({ kind: 'enum-member', ...at(item), name: `${item.parent_name}.${item.member_name}` })),
    ...dependencies('dependency', report.unused_dependencies),
    ...dependencies('dev-dependency', report.unused_dev_dependencies),
    ...dependencies('optional-dependency', report.unused_optional_dependencies),
    ...report.unlisted_dependencies.map((item): Finding => fallowUnlisted(item, context)),
    ...report.unresolved_imports.map((item): Finding => ({ kind: 'unresolved-import', ...at(item), name: item.specifier })),
  ];
  return { findings, ignored: fallowIgnored(report) };
}

function fallowUnlisted(item: FallowReport['unlisted_dependencies'][number], context: PathContext): Finding {
  const first = item.imported_from[0];
  if (first === undefined) return { kind: 'unlisted-dependency', path: 'package.json', name: item.package_name };
  const site = repoPath(context, first.path);
  return { kind: 'unlisted-dependency', path: manifestOf(context, site), name: item.package_name, site: first.line === undefined ? site : `${site}:${first.line}` };
}

function fallowIgnored(report: FallowReport): Record<string, number> {
  const entries = Object.entries(report).filter(([key, value]) => !fallowCompared.has(key) && !fallowNotFindings.has(key) && Array.isArray(value) && value.length > 0);
  return Object.fromEntries(entries.map(([key, value]) => [`fallow ${key}`, (value as unknown[]).length]));
}
