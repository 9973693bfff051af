import { z } from 'zod';
import { SnapshotSummarySchema } from './snapshots.js';

const RepositoryIdSchema = z.number().int().positive();

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
  'repositories.find': { input: z.object({ path: z.string().trim().min(1) }), output: RepositorySchema },
  'repositories.add': {
    input: z.object({ path: z.string().trim().min(1, 'Enter the path of a local git repository') }),
    output: RepositorySchema,
  },
  /** Points a repository whose folder was moved at its new place, its history kept; the folder must hold the commits scanned before. */
  'repositories.relocate': {
    input: z.object({ id: RepositoryIdSchema, path: z.string().trim().min(1, 'Enter the new path of the repository') }),
    output: RepositorySchema,
  },
  'repositories.remove': { input: z.object({ id: RepositoryIdSchema }), output: z.object({}) },
} as const;
