import type { HalsteadCounts } from '../facts/file-facts.js';

/**
 * The Visual Studio variant of the maintainability index, 0–100:
 * max(0, (171 − 5.2·ln V − 0.23·CC − 16.2·ln LOC) · 100 / 171), where V is the Halstead volume.
 * Null when the file has no code to measure.
 */
export function maintainabilityIndex(halstead: HalsteadCounts, cyclomatic: number, linesOfCode: number): number | null {
  const length = halstead.operators + halstead.operands;
  const vocabulary = halstead.distinctOperators + halstead.distinctOperands;
  if (linesOfCode === 0 || length === 0 || vocabulary < 2) return null;
  const volume = length * Math.log2(vocabulary);
  const raw = 171 - 5.2 * Math.log(volume) - 0.23 * cyclomatic - 16.2 * Math.log(linesOfCode);
  return Math.max(0, (raw * 100) / 171);
}
