import { z } from 'zod';
import { SnapshotIdSchema } from './snapshots.js';

/** A path inside the repository as git names it: relative, without `.` or `..` steps (git would read those against the process's folder). */
const RepositoryPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !/[\0\r\n]/.test(path) && !path.startsWith('/') && !path.split('/').some((step) => step === '.' || step === '..' || step === ''), {
    message: 'Give a path inside the repository, such as src/index.ts',
  });

/** The largest file the code view shows. */
export const codeViewMaxBytes = 1024 * 1024;

const SnapshotFileSchema = z.object({
  snapshotId: SnapshotIdSchema,
  commit: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  content: z.discriminatedUnion('state', [
    z.object({ state: z.literal('text'), lines: z.array(z.string()) }),
    /** Binary, or larger than the code view shows: the reason, in words. */
    z.object({ state: z.literal('refused'), reason: z.string() }),
  ]),
});
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;

export const snapshotFileRoutes = {
  /** A file as the snapshot's commit has it (read through git, not from the work tree), for the read-only code view. */
  'snapshots.file': { input: z.object({ id: SnapshotIdSchema, path: RepositoryPathSchema }), output: SnapshotFileSchema },
} as const;
