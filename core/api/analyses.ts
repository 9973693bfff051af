import { z } from 'zod';
import { CodeReportSchema } from './code.js';
import { CoverageReportSchema } from './coverage.js';
import { DeadCodeReportSchema } from './dead-code.js';
import { DependencyReportSchema } from './dependencies.js';
import { HistoryReportSchema } from './history.js';
import { MarkersReportSchema } from './markers.js';
import { TestsReportSchema } from './tests.js';
import { SnapshotIdSchema } from './snapshots.js';

/**
 * What every view (app, browser mode, CLI) knows of an analysis: its name, its place in the app, its
 * command, and the shape of its report. The implementation of each (core/analyses/) is kept in step
 * with this list by the type checker. Adding an analysis: its folder in core/analyses/, its
 * descriptor here and its module in core/analyses/registry.ts.
 */
export interface AnalysisDescriptor<Id extends string = string, Report extends z.ZodType = z.ZodType> {
  id: Id;
  /** What the progress bar says while it runs: "Analysing code". */
  title: string;
  /** What scanning will do, for a repository not scanned yet: "analyse the code". */
  doing: string;
  /** What a snapshot taken before the analysis existed did not do: "analysed code". */
  done: string;
  /** Its report, as `snapshots.<id>` returns it. */
  report: Report;
  /** Its tab in a repository's page. */
  tab: { slug: string; label: string };
  /** Its `steward <command>`. */
  command: { name: string; description: string };
}

function describe<const Id extends string, Report extends z.ZodType>(descriptor: AnalysisDescriptor<Id, Report>): AnalysisDescriptor<Id, Report> {
  return descriptor;
}

export const analysisDescriptors = [
  describe({
    id: 'code',
    title: 'Analysing code',
    doing: 'analyse the code',
    done: 'analysed code',
    report: CodeReportSchema,
    tab: { slug: 'code', label: 'Code' },
    command: { name: 'complexity', description: 'analyse the code at HEAD: the most complex functions and folders, import cycles, boundary violations, deprecated API use' },
  }),
  describe({
    id: 'deadCode',
    title: 'Looking for dead code',
    doing: 'look for dead code',
    done: 'looked for dead code',
    report: DeadCodeReportSchema,
    tab: { slug: 'dead-code', label: 'Dead code' },
    command: { name: 'deadcode', description: 'find dead code at HEAD: unused files, exports, types, enum members and dependencies, misplaced dependencies, unlisted and unresolved imports' },
  }),
  describe({
    id: 'history',
    title: 'Reading git history',
    doing: 'read the git history',
    done: 'analysed git history',
    report: HistoryReportSchema,
    tab: { slug: 'hotspots', label: 'Hotspots' },
    command: { name: 'hotspots', description: 'find hotspots at HEAD: files that are complex and change often, with change coupling, ownership and code age from git history' },
  }),
  describe({
    id: 'dependencies',
    title: 'Checking dependencies',
    doing: 'check the dependencies',
    done: 'checked dependencies',
    report: DependencyReportSchema,
    tab: { slug: 'dependencies', label: 'Dependencies' },
    command: { name: 'deps', description: 'check dependencies at HEAD: drift (libyear), versions behind, pulse, deprecated and abandoned packages, vulnerabilities, sorted by risk' },
  }),
  describe({
    id: 'markers',
    title: 'Counting debt markers',
    doing: 'count TODO, FIXME and @ts-ignore markers',
    done: 'counted debt markers',
    report: MarkersReportSchema,
    tab: { slug: 'markers', label: 'Markers' },
    command: { name: 'markers', description: 'count TODO, FIXME, HACK and @ts-ignore/@ts-expect-error markers at HEAD, per file and folder' },
  }),
  describe({
    id: 'coverage',
    title: 'Reading test coverage',
    doing: 'read the coverage your tests wrote',
    done: 'read test coverage',
    report: CoverageReportSchema,
    tab: { slug: 'coverage', label: 'Coverage' },
    command: {
      name: 'coverage',
      description: 'read the coverage the tests wrote (coverage/lcov.info, coverage-final.json or coverage-summary.json): per file and folder, and the complex functions and hotspots it leaves uncovered',
    },
  }),
  describe({
    id: 'tests',
    title: 'Reading test results',
    doing: 'read the test results imported (JUnit XML)',
    done: 'read test results',
    report: TestsReportSchema,
    tab: { slug: 'tests', label: 'Tests' },
    command: {
      name: 'flaky',
      description: 'flaky tests from the JUnit XML results imported (steward tests import) or found at junit.xml, test-results/junit.xml, reports/junit.xml: tests that passed and failed on one commit, or flip across runs',
    },
  }),
] as const;

type Descriptors = (typeof analysisDescriptors)[number];
export type AnalysisId = Descriptors['id'];
export const analysisIds = analysisDescriptors.map((descriptor) => descriptor.id) as AnalysisId[];
export const AnalysisIdSchema = z.enum(analysisIds as [AnalysisId, ...AnalysisId[]]);

/** The report of an analysis, by id. */
export type AnalysisReport<Id extends AnalysisId> = z.infer<Extract<Descriptors, { id: Id }>['report']>;

export function analysisDescriptor<Id extends AnalysisId>(id: Id): Extract<Descriptors, { id: Id }> {
  return analysisDescriptors.find((descriptor) => descriptor.id === id) as Extract<Descriptors, { id: Id }>;
}

const SnapshotInputSchema = z.object({ id: SnapshotIdSchema });

type ReportRoutes = { [D in Descriptors as `snapshots.${D['id']}`]: { input: typeof SnapshotInputSchema; output: D['report'] } };

/** `snapshots.<analysis>`: an analysis's report saved with a snapshot; not-found for snapshots taken without it. */
export const reportRoutes = Object.fromEntries(
  analysisDescriptors.map((descriptor) => [`snapshots.${descriptor.id}`, { input: SnapshotInputSchema, output: descriptor.report }]),
) as ReportRoutes;

/** The reports of a run that saved no snapshot (`steward complexity`, …), by analysis. */
export const AnalysisReportsSchema = z.object(
  Object.fromEntries(analysisDescriptors.map((descriptor) => [descriptor.id, descriptor.report.optional()])) as {
    [D in Descriptors as D['id']]: z.ZodOptional<D['report']>;
  },
);
