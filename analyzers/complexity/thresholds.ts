/** A function above either threshold counts as too complex. */
export interface ComplexityThresholds {
  cognitive: number;
  cyclomatic: number;
}

/** SonarSource's default for cognitive complexity and ESLint's default `complexity` maximum. */
export const defaultThresholds: ComplexityThresholds = { cognitive: 15, cyclomatic: 20 };

export function isOverThreshold(metrics: ComplexityThresholds, thresholds: ComplexityThresholds): boolean {
  return metrics.cognitive > thresholds.cognitive || metrics.cyclomatic > thresholds.cyclomatic;
}
