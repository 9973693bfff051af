import { z } from 'zod';
import { SnapshotSummarySchema } from './snapshots.js';

const RepositoryIdSchema = z.number().int().positive();

/** A folder on this machine: no longer than the longest path the system takes (PATH_MAX), so a message naming it stays readable. */
const FolderPathSchema = (empty: string) => z.string().trim().min(1, empty).max(4096, 'That path is longer than any folder can have (4,096 characters)');

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
