import { z } from 'zod';

const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  dataDirectory: z.string(),
  /** Whether `app.pickDirectory` opens a native folder dialog (desktop) or the UI asks for a path. */
  canPickDirectory: z.boolean(),
  store: z.object({
    /** `local`: the SQLite file in the data folder; `team`: a team's PostgreSQL store. */
    kind: z.enum(['local', 'team']),
    /** The file, or the team store's URL without its password. */
    where: z.string(),
    /** What chose it: `--store`, STEWARD_STORE, the data folder's store.json, or nothing (the local file). */
    source: z.enum(['flag', 'environment', 'config file', 'default']),
    /** When the team store cannot be reached: stop, or use this machine's store and say so. */
    fallback: z.enum(['fail', 'local']),
    /** Said when the store in use is not the one chosen: the team store could not be reached, and the fallback is local. */
    note: z.string().nullable(),
    /** Where scans keep their caches (code facts, memos, git logs, registry answers): this machine's file, or the team store, shared by every runner. */
    cache: z.enum(['local', 'shared']),
  }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appRoutes = {
  'app.info': { input: z.object({}), output: AppInfoSchema },
  /**
   * Chooses the store this machine uses, in the data folder's store.json: a team store (checked
   * first: reached, the password taken, the certificate verified) or, with null, this machine's own.
   * The app uses it at once (a `store` event tells the views), unless `overriddenBy` names what
   * chooses another store before the file does (--store, STEWARD_STORE); then from when it no longer does.
   */
  'app.chooseStore': {
    input: z.object({
      store: z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/i, 'expected a postgres://user@host/database URL').nullable(),
      /** When the team store cannot be reached: stop (`fail`), or use this machine's store and say so (`local`). */
      fallback: z.enum(['fail', 'local']).default('fail'),
    }),
    output: z.object({ file: z.string(), overriddenBy: z.enum(['flag', 'environment']).nullable() }),
  },
  'app.pickDirectory': { input: z.object({}), output: z.object({ path: z.string().nullable() }) },
} as const;
