/**
 * Lines up the tools' normalized findings: one merged record per item any of them reported, and the
 * per-kind counts of who reported what. An export and a type of the same name in the same file are
 * one item (tools disagree on whether `export enum`, `export class`, … are types): the record keeps
 * each tool's kind, and those that differ are listed as kind mismatches.
 */
import { type Finding, type FindingKind, findingKinds } from './deadcode-findings.js';

export const sources = ['steward', 'steward-installed', 'knip', 'fallow'] as const;
export type Source = (typeof sources)[number];

/** What one tool said about an item. */
export interface Reported {
  readonly kind: FindingKind;
  readonly line?: number;
  readonly reason?: string;
  readonly site?: string;
}

export interface Merged {
  /** Steward's kind when Steward reported the item, else knip's, else fallow's. */
  readonly kind: FindingKind;
  readonly path: string;
  readonly name: string;
  readonly by: Partial<Record<Source, Reported>>;
}

/** Whose kind names the item, in order. */
const kindAuthority: readonly Source[] = ['steward', 'knip', 'fallow', 'steward-installed'];

export function matchKey(finding: Pick<Finding, 'kind' | 'path' | 'name'>): string {
  const family = finding.kind === 'type' ? 'export' : finding.kind;
  return `${family}\0${finding.path}\0${finding.name}`;
}

/** One record per item, sorted by kind, path and name; a tool that reports an item twice counts once. */
export function mergeFindings(bySource: Partial<Record<Source, readonly Finding[]>>): Merged[] {
  const merged = new Map<string, { path: string; name: string; by: Partial<Record<Source, Reported>> }>();
  for (const source of sources) {
    for (const finding of bySource[source] ?? []) {
      const key = matchKey(finding);
      const record = merged.get(key) ?? { path: finding.path, name: finding.name, by: {} };
      const { path: _path, name: _name, ...reported } = finding;
      record.by[source] ??= reported;
      merged.set(key, record);
    }
  }
  return [...merged.values()].map((record) => ({ ...record, kind: kindOf(record.by) })).sort(compareMerged);
}

function kindOf(by: Merged['by']): FindingKind {
  const source = kindAuthority.find((candidate) => by[candidate] !== undefined);
  const kind = source === undefined ? undefined : by[source]?.kind;
  if (kind === undefined) throw new Error('a merged finding nobody reported');
  return kind;
}

function compareMerged(a: Merged, b: Merged): number {
  return findingKinds.indexOf(a.kind) - findingKinds.indexOf(b.kind) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name);
}

export const has = (source: Source) => (record: Merged): boolean => record.by[source] !== undefined;
const not = (test: (record: Merged) => boolean) => (record: Merged): boolean => !test(record);
const both = (a: (record: Merged) => boolean, b: (record: Merged) => boolean) => (record: Merged): boolean => a(record) && b(record);

/** The comparisons a row of the table counts, by column. */
export const columns = {
  steward: has('steward'),
  knip: has('knip'),
  fallow: has('fallow'),
  stewardAndKnip: both(has('steward'), has('knip')),
  stewardNotKnip: both(has('steward'), not(has('knip'))),
  knipNotSteward: both(has('knip'), not(has('steward'))),
  stewardAndFallow: both(has('steward'), has('fallow')),
  stewardNotFallow: both(has('steward'), not(has('fallow'))),
  fallowNotSteward: both(has('fallow'), not(has('steward'))),
  stewardAlone: both(has('steward'), both(not(has('knip')), not(has('fallow')))),
  fallowAlone: both(has('fallow'), both(not(has('steward')), not(has('knip')))),
  installed: has('steward-installed'),
  freshNotInstalled: both(has('steward'), not(has('steward-installed'))),
  installedNotFresh: both(has('steward-installed'), not(has('steward'))),
} as const;
export type Column = keyof typeof columns;

/** Which tools produced a report; a comparison with a tool that did not is left empty, not counted as disagreement. */
export type Available = ReadonlySet<Source>;

const needs: Record<Column, readonly Source[]> = {
  steward: ['steward'],
  knip: ['knip'],
  fallow: ['fallow'],
  stewardAndKnip: ['steward', 'knip'],
  stewardNotKnip: ['steward', 'knip'],
  knipNotSteward: ['steward', 'knip'],
  stewardAndFallow: ['steward', 'fallow'],
  stewardNotFallow: ['steward', 'fallow'],
  fallowNotSteward: ['steward', 'fallow'],
  stewardAlone: ['steward', 'knip', 'fallow'],
  fallowAlone: ['steward', 'knip', 'fallow'],
  installed: ['steward-installed'],
  freshNotInstalled: ['steward', 'steward-installed'],
  installedNotFresh: ['steward', 'steward-installed'],
};

export type KindRow = { readonly kind: FindingKind | 'all' } & Partial<Record<Column, number>>;

/** Counts per kind (kinds nobody reported left out) and a final `all` row; a column whose tools did not all run is absent. */
export function countByKind(records: readonly Merged[], available: Available): KindRow[] {
  const kinds = findingKinds.filter((kind) => records.some((record) => record.kind === kind));
  const row = (kind: KindRow['kind'], subset: readonly Merged[]): KindRow => ({ kind, ...counts(subset, available) });
  return [...kinds.map((kind) => row(kind, records.filter((record) => record.kind === kind))), row('all', records)];
}

function counts(records: readonly Merged[], available: Available): Partial<Record<Column, number>> {
  const runnable = (Object.keys(columns) as Column[]).filter((column) => needs[column].every((source) => available.has(source)));
  return Object.fromEntries(runnable.map((column) => [column, records.filter(columns[column]).length]));
}

/** Items some tools call an export and others a type. */
export function kindMismatches(records: readonly Merged[]): Merged[] {
  return records.filter((record) => new Set(Object.values(record.by).map((reported) => reported.kind)).size > 1);
}
