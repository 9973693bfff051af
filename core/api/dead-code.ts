import { z } from 'zod';

const count = z.number().int().nonnegative();

export const deadCodeKinds = ['file', 'export', 'type', 'enum-member', 'dependency', 'dev-dependency', 'misplaced-dependency', 'unlisted-dependency', 'unresolved-import'] as const;

/** How each kind is headed wherever findings are listed (CLI, app). */
export const deadCodeKindTitles: Record<(typeof deadCodeKinds)[number], string> = {
  file: 'Unused files',
  export: 'Unused exports',
  type: 'Unused types',
  'enum-member': 'Unused enum members',
  dependency: 'Unused dependencies',
  'dev-dependency': 'Unused devDependencies',
  'misplaced-dependency': 'Misplaced dependencies',
  'unlisted-dependency': 'Unlisted dependencies',
  'unresolved-import': 'Unresolved imports',
};

const LastTouchedSchema = z.object({ commit: z.string(), date: z.iso.datetime({ offset: true }), author: z.string() });

const DeadCodeFindingSchema = z.object({
  kind: z.enum(deadCodeKinds),
  path: z.string(),
  line: z.number().int().positive(),
  name: z.string(),
  workspace: z.string(),
  reason: z.string(),
  importers: z.array(z.string()),
  /** Lines of code an unused file holds; null for other kinds. */
  lines: count.nullable(),
  /** The last commit that changed the file; null outside the visible history (a shallow clone). */
  lastTouched: LastTouchedSchema.nullable(),
  /** How sure Steward is that acting on the finding breaks nothing, and why. */
  confidence: z.enum(['high', 'medium', 'low']),
  confidenceReason: z.string(),
});
export type DeadCodeFindingReport = z.infer<typeof DeadCodeFindingSchema>;

export const DeadCodeReportSchema = z.object({
  commit: z.string(),
  /** Searched from production entries only. */
  production: z.boolean(),
  findings: z.array(DeadCodeFindingSchema),
  entries: z.array(z.object({ path: z.string(), reason: z.string() })),
  possiblyUsed: z.array(z.object({ path: z.string(), reason: z.string() })),
  stats: z.object({ files: count, reachable: count, entries: count }),
  workspaces: z.array(z.object({ dir: z.string(), name: z.string().nullable(), findings: z.partialRecord(z.enum(deadCodeKinds), count) })),
  /** Where the entries found are not to be trusted; null for reports saved before Steward looked. */
  doubts: z
    .object({
      /** Packages whose entries reach less than half their code files, with the likely missed entries. */
      missedEntries: z.array(
        z.object({
          workspace: z.string(),
          label: z.string(),
          files: count,
          reachable: count,
          entries: count,
          likelyEntries: z.array(z.object({ path: z.string(), why: z.string() })),
        }),
      ),
      /** Packages where nearly every file is an entry, so nothing in them can be found unused. */
      entryFloods: z.array(z.object({ workspace: z.string(), label: z.string(), files: count, entries: count, cause: z.string(), causeEntries: count })),
    })
    .nullable(),
});
export type DeadCodeReport = z.infer<typeof DeadCodeReportSchema>;
