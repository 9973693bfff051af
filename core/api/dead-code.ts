import { z } from 'zod';

const count = z.number().int().nonnegative();

export const deadCodeKinds = ['file', 'export', 'type', 'enum-member', 'dependency', 'dev-dependency', 'unlisted-dependency', 'unresolved-import'] as const;

/** How each kind is headed wherever findings are listed (CLI, app). */
export const deadCodeKindTitles: Record<(typeof deadCodeKinds)[number], string> = {
  file: 'Unused files',
  export: 'Unused exports',
  type: 'Unused types',
  'enum-member': 'Unused enum members',
  dependency: 'Unused dependencies',
  'dev-dependency': 'Unused devDependencies',
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
});
export type DeadCodeReport = z.infer<typeof DeadCodeReportSchema>;
