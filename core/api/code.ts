import { z } from 'zod';

const count = z.number().int().nonnegative();
const line = z.number().int().positive();

/** How an analysis went: printed by `steward complexity --json`, not stored. */
export interface CodeStats {
  /** JavaScript/TypeScript files analysed or left out by content. */
  files: number;
  /** Parsed in this run; the rest came from the facts cache. */
  parsed: number;
  cached: number;
  excluded: number;
  parseErrors: number;
  durationMs: number;
}

const ComplexFunctionSchema = z.object({
  path: z.string(),
  line,
  column: line,
  endLine: line,
  name: z.string(),
  /** Its place among the functions of the same name in its file, in source order (0 for the first); null in reports saved before Steward kept it. */
  ordinal: count.nullable(),
  kind: z.string(),
  parameters: count,
  cyclomatic: z.number().int().positive(),
  cognitive: count,
  maxNesting: count,
});
export type ComplexFunction = z.infer<typeof ComplexFunctionSchema>;

const ComplexityTotalsSchema = z.object({
  /** A file, or a folder ('' for the repository root) counting everything below it. */
  path: z.string(),
  files: count,
  functions: count,
  linesOfCode: count,
  cyclomaticSum: count,
  cyclomaticMax: count,
  cognitiveSum: count,
  cognitiveMax: count,
  cognitiveP90: z.number().nonnegative(),
  overThreshold: count,
  /** Maintainability index 0–100 (Visual Studio variant); null when there is no code to measure. */
  maintainability: z.number().min(0).max(100).nullable(),
});
export type ComplexityTotals = z.infer<typeof ComplexityTotalsSchema>;

const DeprecatedUseSchema = z.object({
  path: z.string(),
  line,
  symbol: z.string(),
  declaredIn: z.string(),
  message: z.string(),
});

const ImportCycleSchema = z.object({
  files: z.array(z.string()).min(1),
  edges: z.array(z.object({ from: z.string(), to: z.string(), line })),
});

const BoundaryViolationSchema = z.object({
  path: z.string(),
  line,
  specifier: z.string(),
  target: z.string(),
  rule: z.string(),
});

export const CodeReportSchema = z.object({
  commit: z.string(),
  thresholds: z.object({ cognitive: z.number().int().positive(), cyclomatic: z.number().int().positive() }),
  /** The most complex functions, worst first: every one over a threshold, and at least the top few. */
  functions: z.array(ComplexFunctionSchema),
  files: z.array(ComplexityTotalsSchema),
  folders: z.array(ComplexityTotalsSchema),
  deprecatedUses: z.array(DeprecatedUseSchema),
  cycles: z.array(ImportCycleSchema),
  boundaryViolations: z.array(BoundaryViolationSchema),
  excluded: z.array(z.object({ path: z.string(), reason: z.string() })),
  parseErrors: z.array(z.object({ path: z.string(), line, message: z.string() })),
});
export type CodeReport = z.infer<typeof CodeReportSchema>;
