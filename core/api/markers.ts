import { z } from 'zod';

const count = z.number().int().nonnegative();

export const markerKinds = ['TODO', 'FIXME', 'HACK', 'XXX', '@ts-ignore', '@ts-expect-error', '@ts-nocheck', 'eslint-disable'] as const;

const MarkerSchema = z.object({
  path: z.string(),
  line: z.number().int().positive(),
  kind: z.enum(markerKinds),
  /** The comment's text after the marker, trimmed (at most 200 characters). */
  text: z.string(),
});

const MarkerTotalsSchema = z.object({
  /** A file, or a folder ('' for the whole repository) counting everything below it. */
  path: z.string(),
  linesOfCode: count,
  markers: count,
  byKind: z.partialRecord(z.enum(markerKinds), count),
  /** Markers per 1,000 lines of code; null without code. */
  density: z.number().nonnegative().nullable(),
});

export const MarkersReportSchema = z.object({
  commit: z.string(),
  markers: z.array(MarkerSchema),
  /** Files with at least one marker, most markers first. */
  files: z.array(MarkerTotalsSchema),
  /** Every folder with code, the repository ('') first. */
  folders: z.array(MarkerTotalsSchema),
});
export type MarkersReport = z.infer<typeof MarkersReportSchema>;
