import { z } from 'zod';

const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  dataDirectory: z.string(),
  /** Whether `app.pickDirectory` opens a native folder dialog (desktop) or the UI asks for a path. */
  canPickDirectory: z.boolean(),
});

export const appRoutes = {
  'app.info': { input: z.object({}), output: AppInfoSchema },
  'app.pickDirectory': { input: z.object({}), output: z.object({ path: z.string().nullable() }) },
} as const;
