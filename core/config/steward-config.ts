import { z } from 'zod';
import { type ComplexityThresholds, defaultThresholds } from '../../analyzers/complexity/thresholds.js';
import type { BoundaryRule } from '../../analyzers/architecture/boundary-rules.js';
import { type HistoryOptions, defaultHistoryOptions } from '../../analyzers/history/analyze-history.js';
import { parseJson } from '../../analyzers/documents/parse-document.js';
import { GlobError, compileGlob } from '../../analyzers/patterns/glob.js';

export const stewardConfigFile = 'steward.config.json';

/** A glob Steward can match safely (see analyzers/patterns/glob.ts); a pathological one is refused with the reason. */
const glob = z.string().superRefine((pattern, context) => {
  try {
    compileGlob(pattern);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
  }
});
const globs = z.union([glob, z.array(glob).min(1)]).transform((value) => (typeof value === 'string' ? [value] : value));

/** The gates of a draft whose command a repository may set. */
const draftCommandGates = ['install', 'typecheck', 'lint', 'test', 'build'] as const;
type DraftCommandGate = (typeof draftCommandGates)[number];

/** Per-repository settings, read from `steward.config.json` at the repository root. */
const StewardConfigSchema = z.looseObject({
  complexity: z
    .strictObject({
      cognitive: z.number().int().positive().optional(),
      cyclomatic: z.number().int().positive().optional(),
    })
    .optional(),
  boundaries: z
    .array(
      z.strictObject({
        from: globs,
        disallow: globs,
        allow: globs.optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
  deadCode: z
    .strictObject({
      entry: globs.optional(),
      ignore: globs.optional(),
      includeEntryExports: z.boolean().optional(),
    })
    .optional(),
  history: z
    .strictObject({
      windowMonths: z.number().int().positive().max(1200).optional(),
      coupling: z
        .strictObject({
          minRevisions: z.number().int().positive().optional(),
          minSharedRevisions: z.number().int().positive().optional(),
          minDegree: z.number().min(0).max(100).optional(),
          maxChangesetSize: z.number().int().positive().optional(),
        })
        .optional(),
    })
    .optional(),
  dependencies: z
    .strictObject({
      /** Upgrade targets leave out versions published fewer than this many days ago. */
      cooldownDays: z.number().int().nonnegative().max(3650).optional(),
    })
    .optional(),
  drafts: z
    .strictObject({
      /** A gate's command as program and arguments (never a shell string), or false to skip the gate. */
      gates: z.partialRecord(z.enum(draftCommandGates), z.union([z.array(z.string().min(1)).min(1), z.literal(false)])).optional(),
      /** Each gate's time limit. */
      timeoutSeconds: z.number().int().positive().max(24 * 3600).optional(),
    })
    .optional(),
});


export interface StewardConfig {
  thresholds: ComplexityThresholds;
  boundaries: BoundaryRule[];
  deadCode: { entry: string[]; ignore: string[]; includeEntryExports: boolean };
  history: HistoryOptions;
  dependencies: { cooldownDays: number };
  drafts: { gates: Partial<Record<DraftCommandGate, string[] | false>>; timeoutSeconds: number };
}

/**
 * The repository's settings; an unreadable or invalid file gives a warning and the defaults.
 * `thresholds`: the user's defaults for a repository that sets none (Steward's own otherwise).
 */
export function parseStewardConfig(text: string | undefined, warn: (message: string) => void, thresholds: ComplexityThresholds = defaultThresholds): StewardConfig {
  const defaults: StewardConfig = {
    thresholds,
    boundaries: [],
    deadCode: { entry: [], ignore: [], includeEntryExports: false },
    history: defaultHistoryOptions,
    dependencies: { cooldownDays: 0 },
    drafts: { gates: {}, timeoutSeconds: 600 },
  };
  if (text === undefined) return defaults;
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    warn(`${stewardConfigFile} is not valid JSON (${(error as Error).message}); using the defaults`);
    return defaults;
  }
  const parsed = StewardConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    warn(`${stewardConfigFile} is invalid at ${issue?.path.join('.') || 'the top level'}: ${issue?.message}; using the defaults`);
    return defaults;
  }
  return {
    thresholds: { ...thresholds, ...parsed.data.complexity },
    boundaries: parsed.data.boundaries ?? [],
    deadCode: { ...defaults.deadCode, ...parsed.data.deadCode },
    history: {
      windowMonths: parsed.data.history?.windowMonths ?? defaultHistoryOptions.windowMonths,
      coupling: { ...defaultHistoryOptions.coupling, ...parsed.data.history?.coupling },
    },
    dependencies: { ...defaults.dependencies, ...parsed.data.dependencies },
    drafts: { gates: parsed.data.drafts?.gates ?? {}, timeoutSeconds: parsed.data.drafts?.timeoutSeconds ?? defaults.drafts.timeoutSeconds },
  };
}
