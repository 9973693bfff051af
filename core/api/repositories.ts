import { z } from 'zod';
import { SnapshotSummarySchema } from './snapshots.js';

const RepositoryIdSchema = z.number().int().positive();

/**
 * A full path on this machine: from the root (`/…`), a drive (`C:\…`) or a share (`\\server\…`). The
 * API has no working folder (`steward serve` was started elsewhere, the app anywhere), so a relative
 * path would name a folder the user did not mean; the CLI resolves its arguments before calling.
 */
export const FullPathSchema = z
  .string()
  .max(4096, { message: 'That path is longer than any folder can have (4,096 characters)', abort: true })
  .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), 'Give the full path, from / (or a drive letter on Windows)');

/** A folder on this machine, as the user typed it (blank space around it ignored). */
const FolderPathSchema = (empty: string) => z.string().trim().min(1, empty).pipe(FullPathSchema);

const RepositorySchema = z.object({
  id: RepositoryIdSchema,
  name: z.string(),
  /** Absolute path of the work tree's top-level folder. */
  path: z.string(),
  addedAt: z.iso.datetime(),
  latestSnapshot: SnapshotSummarySchema.nullable(),
});
export type Repository = z.infer<typeof RepositorySchema>;

export const repositoryRoutes = {
  'repositories.list': { input: z.object({}), output: z.array(RepositorySchema) },
  'repositories.get': { input: z.object({ id: RepositoryIdSchema }), output: RepositorySchema },
  /** The registered repository whose work tree contains `path`; not-found when it is not registered. */
  'repositories.find': { input: z.object({ path: FolderPathSchema('Enter a path') }), output: RepositorySchema },
  'repositories.add': {
    input: z.object({ path: FolderPathSchema('Enter the path of a local git repository') }),
    output: RepositorySchema,
  },
  /** Points a repository whose folder was moved at its new place, its history kept; the folder must hold the commits scanned before. */
  'repositories.relocate': {
    input: z.object({ id: RepositoryIdSchema, path: FolderPathSchema('Enter the new path of the repository') }),
    output: RepositorySchema,
  },
  'repositories.remove': { input: z.object({ id: RepositoryIdSchema }), output: z.object({}) },
} as const;
