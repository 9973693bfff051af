import { z } from 'zod';

/** The desktop app's "Save as PDF": the page as shown, printed by Electron to a file the user picks. */
export const PrintToPdfRequestSchema = z.object({
  /** The file name the save dialog proposes (no folder). */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\:*?"<>|]+\.pdf$/, 'A file name ending in .pdf, without a folder'),
});
export type PrintToPdfRequest = z.infer<typeof PrintToPdfRequestSchema>;

/** The file written, or null when the user cancelled the dialog. */
export const PrintToPdfResultSchema = z.object({ saved: z.string().nullable() });
