import { z } from 'zod';
import { EditorSchema } from './editor-links.js';
import { forecastScoreThreshold } from './health.js';

const Theme = z.enum(['system', 'light', 'dark']);
const Registry = z.url({ protocol: /^https?$/, error: 'Give an http:// or https:// address' }).nullable();
const Threshold = z.number().int().positive().max(1000);
export const weekDays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const WeekDay = z.enum(weekDays);
const Hour = z.number().int().min(0).max(23);
const ScoreDrop = z.number().min(1).max(100);
const ForecastWeeks = z.number().int().min(1).max(52);

/**
 * The user's settings, kept in the store and shared by the desktop app, browser mode (whatever its
 * port) and the CLI. A repository's own steward.config.json still decides what it sets.
 */
export const SettingsSchema = z.object({
  theme: Theme.default('system'),
  /** How scans check dependencies; `steward scan --registry/--offline` overrides them for one scan. */
  dependencies: z
    .object({
      /** The registry for unscoped packages; null: from .npmrc, else npm's. */
      registry: Registry.default(null),
      offline: z.boolean().default(false),
    })
    .default({ registry: null, offline: false }),
  /** Complexity thresholds for repositories whose steward.config.json does not set them. */
  complexity: z.object({ cognitive: Threshold.default(15), cyclomatic: Threshold.default(20) }).default({ cognitive: 15, cyclomatic: 20 }),
  /** Lists show only the product's own code: tests, generated, vendored and built code hidden (analyzers/discover/code-role.ts). */
  productCodeOnly: z.boolean().default(false),
  /** Where links to a file:line open. */
  editor: EditorSchema.default({ open: 'vscode', template: null }),
  /**
   * A weekly scan of every registered repository, at `hour` o'clock (local time) on `day`, while the
   * desktop app or `steward serve` runs; a machine asleep or closed then scans when it next runs.
   */
  scanSchedule: z
    .object({ enabled: z.boolean().default(false), day: WeekDay.default('monday'), hour: Hour.default(9) })
    .default({ enabled: false, day: 'monday', hour: 9 }),
  /**
   * What a scan tells about (docs/schedule.md): a health score `scoreDrop` points or more below the
   * latest scanned commit at least a week older (the score's `changeSinceWeek`), or a score forecast
   * to fall below `forecastScore` within `forecastWeeks` weeks.
   */
  notifications: z
    .object({ enabled: z.boolean().default(true), scoreDrop: ScoreDrop.default(5), forecastScore: z.number().min(0).max(100).default(forecastScoreThreshold), forecastWeeks: ForecastWeeks.default(4) })
    .default({ enabled: true, scoreDrop: 5, forecastScore: forecastScoreThreshold, forecastWeeks: 4 }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A change to some settings: what is given replaces what is stored, nothing else changes (no defaults here). */
const SettingsChangeSchema = z.object({
  theme: Theme.optional(),
  dependencies: z.object({ registry: Registry.optional(), offline: z.boolean().optional() }).optional(),
  complexity: z.object({ cognitive: Threshold.optional(), cyclomatic: Threshold.optional() }).optional(),
  productCodeOnly: z.boolean().optional(),
  /** The whole choice (checked with its template). */
  editor: EditorSchema.optional(),
  scanSchedule: z.object({ enabled: z.boolean().optional(), day: WeekDay.optional(), hour: Hour.optional() }).optional(),
  notifications: z
    .object({ enabled: z.boolean().optional(), scoreDrop: ScoreDrop.optional(), forecastScore: z.number().min(0).max(100).optional(), forecastWeeks: ForecastWeeks.optional() })
    .optional(),
});

export const settingsRoutes = {
  'settings.get': { input: z.object({}), output: SettingsSchema },
  'settings.update': { input: SettingsChangeSchema, output: SettingsSchema },
} as const;
