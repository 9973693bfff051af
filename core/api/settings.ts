import { z } from 'zod';
import { EditorSchema } from './editor-links.js';

const Theme = z.enum(['system', 'light', 'dark']);
const Registry = z.url({ protocol: /^https?$/, error: 'Give an http:// or https:// address' }).nullable();
const Threshold = z.number().int().positive().max(1000);

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
});

export const settingsRoutes = {
  'settings.get': { input: z.object({}), output: SettingsSchema },
  'settings.update': { input: SettingsChangeSchema, output: SettingsSchema },
} as const;
