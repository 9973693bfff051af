import { isOverThreshold } from '../../../analyzers/complexity/thresholds.js';
import type { CodeReport } from '../../api/code.js';
import type { CodeAnalysis } from '../../code/analyze-code.js';

/**
 * The report of an analysis, as the API, the CLI and the store carry it. Functions: the `top` most
 * complex, plus every other one over a threshold up to `limit`.
 */
export function toCodeReport(analysis: CodeAnalysis, commit: string, { top, limit = top }: { top: number; limit?: number }): CodeReport {
  const { complexity } = analysis;
  const functions = complexity.functions
    .filter((fn, index) => index < top || (index < limit && isOverThreshold(fn, complexity.thresholds)))
    .map(({ path, line, column, endLine, name, kind, parameters, cyclomatic, cognitive, maxNesting }) => ({
      path,
      line,
      column,
      endLine,
      name,
      kind,
      parameters,
      cyclomatic,
      cognitive,
      maxNesting,
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
