import { isOverThreshold } from '../../../analyzers/complexity/thresholds.js';
import type { CodeReport } from '../../api/code.js';
import type { CodeAnalysis } from '../../code/analyze-code.js';
import { ordinals } from '../../inventory/ordinals.js';

/**
 * The report of an analysis, as the API, the CLI and the store carry it. Functions: the `top` most
 * complex, plus every other one over a threshold up to `limit`.
 */
export function toCodeReport(analysis: CodeAnalysis, commit: string, { top, limit = top }: { top: number; limit?: number }): CodeReport {
  const { complexity } = analysis;
  const ordinal = ordinals(complexity.functions, (fn) => `${fn.path}\0${fn.name}`, () => null, (fn) => fn.line);
  const functions = complexity.functions
    .filter((fn, index) => index < top || (index < limit && isOverThreshold(fn, complexity.thresholds)))
    .map((fn) => ({
      path: fn.path,
      line: fn.line,
      column: fn.column,
      endLine: fn.endLine,
      name: fn.name,
      ordinal: ordinal.get(fn)!,
      kind: fn.kind,
      parameters: fn.parameters,
      cyclomatic: fn.cyclomatic,
      cognitive: fn.cognitive,
      maxNesting: fn.maxNesting,
    }));
  return {
    commit,
    thresholds: complexity.thresholds,
    functions,
    files: complexity.files,
    folders: complexity.folders,
    deprecatedUses: analysis.deprecatedUses,
    cycles: analysis.cycles,
    boundaryViolations: analysis.boundaryViolations,
    excluded: analysis.excluded,
    parseErrors: analysis.parseErrors,
  };
}
