import { languageOf } from '../languages/language-table.js';
import { excludedPathReason } from './excluded-paths.js';
import { dirname, isWithin } from './repo-paths.js';
import type { TsConfig } from './tsconfigs.js';

export interface ExcludedFile {
  path: string;
  /** Human wording shown in the UI, e.g. "build output (dist/)". */
  reason: string;
}

interface OutputDir {
  dir: string;
  declaredBy: string;
}

/**
 * Splits tracked TypeScript/JavaScript files (declaration files included) into the project's code and
 * the files left out with a reason. Files in other languages are neither.
 */
export function classifyCodeFiles(
  paths: readonly string[],
  tsconfigs: readonly TsConfig[],
): { codeFiles: string[]; excluded: ExcludedFile[] } {
  const outputDirs = outputDirsOf(tsconfigs);
  const codeFiles: string[] = [];
  const excluded: ExcludedFile[] = [];
  for (const path of [...paths].sort()) {
    if (!isCodeFile(path)) continue;
    const reason = excludedPathReason(path) ?? compilerOutputReason(path, outputDirs);
    if (reason) excluded.push({ path, reason });
    else codeFiles.push(path);
  }
  return { codeFiles, excluded };
}

function isCodeFile(path: string): boolean {
  const language = languageOf(path)?.name;
  return language === 'TypeScript' || language === 'JavaScript';
}

/**
 * A tsconfig outDir is where tsc writes, so tracked files there are committed output. An outDir that
 * contains its own config (such as "." next to allowJs) would swallow the sources, so it is ignored.
 */
function outputDirsOf(tsconfigs: readonly TsConfig[]): OutputDir[] {
  return tsconfigs.flatMap(({ path, compilerOptions: { outDir } }) =>
    outDir === undefined || isWithin(dirname(path), outDir) ? [] : [{ dir: outDir, declaredBy: path }],
  );
}

/** tsc emits only JavaScript and declaration files, so a .ts source inside an outDir is still source. */
function compilerOutputReason(path: string, outputDirs: readonly OutputDir[]): string | null {
  const isEmittable = languageOf(path)?.name === 'JavaScript' || /\.d\.[cm]?ts$/.test(path);
  const output = isEmittable ? outputDirs.find(({ dir }) => isWithin(path, dir)) : undefined;
  return output ? `build output (${output.dir}/, the outDir of ${output.declaredBy})` : null;
}
