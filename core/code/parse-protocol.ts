import { z } from 'zod';

/** A batch of files for a parse worker. */
export const ParseRequestSchema = z.object({
  batch: z.number().int().nonnegative(),
  files: z.array(z.object({ path: z.string(), text: z.string() })),
});
export type ParseRequest = z.infer<typeof ParseRequestSchema>;

/**
 * A parse worker's answer: each file's facts as JSON text, which crosses threads far cheaper than
 * a structured clone and goes into the cache as it is.
 */
export const ParseResponseSchema = z.object({
  batch: z.number().int().nonnegative(),
  results: z.array(
    z.union([
      z.object({ path: z.string(), factsJson: z.string() }),
      z.object({ path: z.string(), error: z.string() }),
    ]),
  ),
});
export type ParseResponse = z.infer<typeof ParseResponseSchema>;
export type ParseResult = ParseResponse['results'][number];
