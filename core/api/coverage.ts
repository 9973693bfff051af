import { z } from 'zod';

const count = z.number().int().nonnegative();
/** Covered lines of executable lines, 0–100, one decimal; null without executable lines. */
const percent = z.number().min(0).max(100).nullable();

const CoverageTotalsSchema = z.object({
  /** A file, or a folder ('' for the repository) counting the covered files below it. */
  path: z.string(),
  lines: count,
  covered: count,
  percent,
});

/** A coverage file the repository's tests wrote, as read: where, when, and whether it describes the scanned commit. */
const CoverageSourceSchema = z.object({
  /** Relative to the repository's root (or as configured). */
  file: z.string(),
  format: z.enum(['lcov', 'istanbul-final', 'istanbul-summary']),
  modifiedAt: z.iso.datetime(),
  /**
   * `yes`: written after the commit was checked out, with no uncommitted changes; `no`: written before
   * (it describes an older commit); `unknown`: the working tree has uncommitted changes.
   */
  matchesCommit: z.enum(['yes', 'no', 'unknown']),
  reason: z.string(),
  /** Files of the commit it covers. */
  files: count,
  /** Why it could not be read (corrupt, cut short); it then covers nothing. */
  error: z.string().nullable(),
});

export const CoverageReportSchema = z.object({
  commit: z.string(),
  /** `read`: coverage files found and read; `none`: the repository has none (run its tests with coverage); `not read`: a past commit (a backfill), whose coverage was never written. */
  status: z.enum(['read', 'none', 'not read']),
  sources: z.array(CoverageSourceSchema),
  /** Every covered file, least covered first. */
  files: z.array(CoverageTotalsSchema),
  /** Every folder with covered files, the repository ('') first. */
  folders: z.array(CoverageTotalsSchema),
  /** Functions over the complexity threshold in covered files, with their lines' coverage (line-level formats only). */
  complexFunctions: z.array(
    z.object({ path: z.string(), name: z.string(), ordinal: z.number().int(), line: z.number().int(), endLine: z.number().int(), cognitive: count, cyclomatic: count, lines: count, covered: count, percent }),
  ),
  /** Files the coverage names that the commit does not have (deleted or renamed since the tests ran), ignored. */
  ignored: z.array(z.string()),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
