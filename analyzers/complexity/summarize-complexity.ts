import { foldersOf } from '../discover/repo-paths.js';
import type { FileFacts, FunctionFact } from '../facts/file-facts.js';
import { maintainabilityIndex } from './maintainability-index.js';
import { type ComplexityThresholds, isOverThreshold } from './thresholds.js';

interface ComplexityTotals {
  /** A file path, or a folder path ('' for the repository root). */
  path: string;
  files: number;
  functions: number;
  linesOfCode: number;
  cyclomaticSum: number;
  cyclomaticMax: number;
  cognitiveSum: number;
  cognitiveMax: number;
  /** 90th percentile of the functions' cognitive complexity (nearest rank). */
  cognitiveP90: number;
  overThreshold: number;
  /** Per file: the maintainability index; per folder: the files' values weighted by lines of code. */
  maintainability: number | null;
}

type LocatedFunction = FunctionFact & { path: string };

export interface ComplexitySummary {
  thresholds: ComplexityThresholds;
  /** Every function, most complex first (cognitive, then cyclomatic). */
  functions: LocatedFunction[];
  files: ComplexityTotals[];
  folders: ComplexityTotals[];
}

interface AnalysedFile {
  path: string;
  facts: FileFacts;
}

/**
 * Rolls per-function complexity up to files and folders. Cognitive sums count top-level functions
 * only, because a nested function's cognitive complexity is already part of its parent's.
 */
export function summarizeComplexity(files: readonly AnalysedFile[], thresholds: ComplexityThresholds): ComplexitySummary {
  const fileTotals: ComplexityTotals[] = [];
  const byFolder = new Map<string, { functions: FunctionFact[]; files: ComplexityTotals[] }>();
  const functions: LocatedFunction[] = [];

  for (const { path, facts } of files) {
    const totals = totalsOf(path, 1, facts.functions, facts.codeLines, thresholds);
    const cyclomatic = facts.functions.reduce((sum, fn) => sum + fn.cyclomatic, 0);
    totals.maintainability = maintainabilityIndex(facts.halstead, cyclomatic, facts.codeLines);
    fileTotals.push(totals);
    for (const fn of facts.functions) functions.push({ ...fn, path });
    for (const folder of foldersOf(path)) {
      const entry = byFolder.get(folder) ?? { functions: [], files: [] };
      entry.functions.push(...facts.functions);
      entry.files.push(totals);
      byFolder.set(folder, entry);
    }
  }

  const folders = [...byFolder].map(([folder, entry]) => {
    const linesOfCode = entry.files.reduce((sum, file) => sum + file.linesOfCode, 0);
    const totals = totalsOf(folder, entry.files.length, entry.functions, linesOfCode, thresholds);
    totals.maintainability = weightedMaintainability(entry.files);
    return totals;
  });
  functions.sort(byComplexity);
  fileTotals.sort((a, b) => b.cognitiveSum - a.cognitiveSum || a.path.localeCompare(b.path));
  folders.sort((a, b) => a.path.localeCompare(b.path));
  return { thresholds, functions, files: fileTotals, folders };
}

function byComplexity(a: LocatedFunction, b: LocatedFunction): number {
  return b.cognitive - a.cognitive || b.cyclomatic - a.cyclomatic || a.path.localeCompare(b.path) || a.line - b.line;
}

function totalsOf(path: string, files: number, functions: readonly FunctionFact[], linesOfCode: number, thresholds: ComplexityThresholds): ComplexityTotals {
  const cognitive = functions.map((fn) => fn.cognitive).sort((a, b) => a - b);
  return {
    path,
    files,
    functions: functions.length,
    linesOfCode,
    cyclomaticSum: functions.reduce((sum, fn) => sum + fn.cyclomatic, 0),
    cyclomaticMax: functions.reduce((max, fn) => Math.max(max, fn.cyclomatic), 0),
    cognitiveSum: functions.reduce((sum, fn) => (fn.nested ? sum : sum + fn.cognitive), 0),
    cognitiveMax: cognitive.at(-1) ?? 0,
    cognitiveP90: cognitive.length > 0 ? cognitive[Math.ceil(0.9 * cognitive.length) - 1]! : 0,
    overThreshold: functions.filter((fn) => isOverThreshold(fn, thresholds)).length,
    maintainability: null,
  };
}

function weightedMaintainability(files: readonly ComplexityTotals[]): number | null {
  let weighted = 0;
  let lines = 0;
  for (const file of files) {
    if (file.maintainability === null) continue;
    weighted += file.maintainability * file.linesOfCode;
    lines += file.linesOfCode;
  }
  return lines > 0 ? weighted / lines : null;
}
