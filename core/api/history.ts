import { z } from 'zod';

const count = z.number().int().nonnegative();
const date = z.iso.datetime({ offset: true });
const share = z.number().min(0).max(1);

const HotspotSchema = z.object({
  path: z.string(),
  rank: count,
  /** Commits that changed the file in the window. */
  revisions: count,
  /** Sum of cognitive complexity, or lines of code where the file has no complexity (see `measure`). */
  complexity: count,
  measure: z.enum(['cognitive', 'lines']),
  /** revisions × complexity. */
  score: count,
  added: count,
  deleted: count,
  authors: count,
  lastChanged: date,
  /** The file's complexity at some of the commits that changed it, oldest first; only for the top hotspots. */
  trend: z.array(z.object({ commit: z.string(), date, complexity: count })).nullable(),
});
export type HotspotReport = z.infer<typeof HotspotSchema>;

const CoupledPairSchema = z.object({
  first: z.string(),
  second: z.string(),
  degree: count,
  sharedRevisions: count,
  firstRevisions: count,
  secondRevisions: count,
  averageRevisions: count,
  crossesBoundary: z.boolean(),
});
export type CoupledPairReport = z.infer<typeof CoupledPairSchema>;

const AuthorActivitySchema = z.object({ author: z.string(), name: z.string(), commits: count, added: count, deleted: count, firstCommit: date, lastCommit: date });

const AuthorShareSchema = z.object({ author: z.string(), name: z.string(), added: count, share });

const FileHistorySchema = z.object({
  path: z.string(),
  revisions: count,
  added: count,
  deleted: count,
  authors: count,
  lastChanged: date,
  ageMonths: count,
  /** Null for a file nobody added lines to (binary, or only deletions). */
  mainDeveloper: z.string().nullable(),
  mainDeveloperShare: share.nullable(),
  fragmentation: share.nullable(),
  knowledgeIsland: z.boolean(),
  ownersInactive: z.boolean(),
});

/** A folder (everything below it): its churn over the whole history and who wrote it. */
const FolderHistorySchema = z.object({
  folder: z.string(),
  /** Commits that changed a file below it, and their lines. */
  revisions: count,
  added: count,
  deleted: count,
  mainDeveloper: AuthorShareSchema,
  fragmentation: share,
  authors: count,
  files: count,
  knowledgeIslands: count,
  filesWithOwnersInactive: count,
});
export type FolderHistoryReport = z.infer<typeof FolderHistorySchema>;

export const HistoryReportSchema = z.object({
  commit: z.string(),
  /** The scanned commit's author date: windows end here, and "active" means active in the 6 months before. */
  asOf: date,
  windowMonths: count,
  /** The change-coupling thresholds used (code-maat's defaults unless steward.config.json sets others). */
  couplingThresholds: z.object({ minRevisions: count, minSharedRevisions: count, minDegree: z.number(), maxDegree: z.number(), maxChangesetSize: count }),
  /** How the log was read for this report: only new commits when an earlier read is stored. */
  read: z.object({ mode: z.enum(['full', 'incremental', 'rewritten', 'unchanged', 'as of']), read: count, dropped: count, stored: count, durationMs: count }),
  /** Commits counted without line counts, because git could not read their content. */
  degraded: z.array(z.object({ sha: z.string(), reason: z.string() })),
  hotspots: z.array(HotspotSchema),
  /**
   * Points of the top hotspots' trends not measured yet: a scan parses a bounded amount of their past
   * versions (content parsed before costs nothing), and later scans fill in the rest.
   */
  trendPointsPending: count,
  coupling: z.array(CoupledPairSchema),
  files: z.array(FileHistorySchema),
  folders: z.array(FolderHistorySchema),
  /** People, each once (after .mailmap and the user's merges), most commits first. */
  authors: z.array(AuthorActivitySchema),
  /** Bot authors, apart from people: their commits count as changes, never towards ownership or author counts. */
  bots: z.array(AuthorActivitySchema),
  weeks: z.array(z.object({ week: z.iso.date(), commits: count, authors: count, added: count, deleted: count })),
});
export type HistoryReport = z.infer<typeof HistoryReportSchema>;
