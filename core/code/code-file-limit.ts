import { StewardError } from '../api/errors.js';
import { plural } from '../wording.js';

/**
 * The most code files one run of the code engine analyses. Its memory grows with every file (each
 * file's facts are held until the analyses are done: see "Resource limits" in BENCHMARKS.md), so a
 * repository well beyond what was measured stops before any parsing, with a message saying why,
 * rather than running out of memory after an hour, or ending with a silent partial result.
 */
const defaultMaxCodeFiles = 120_000;

/** Where the limit is raised (or lowered) for one run or one machine. */
const maxCodeFilesVariable = 'STEWARD_MAX_CODE_FILES';

/** Refuses a repository with more code files than the limit, naming the count, the limit and how to raise it. */
export function checkCodeFileCount(count: number, env: NodeJS.ProcessEnv = process.env): void {
  const limit = maxCodeFiles(env);
  if (count <= limit) return;
  throw new StewardError(
    'invalid-input',
    `This repository has ${plural(count, 'code file')}, more than the ${limit.toLocaleString('en-US')} one scan analyses; ` +
      `set ${maxCodeFilesVariable} to a higher number to scan it anyway (memory grows with each file)`,
  );
}

function maxCodeFiles(env: NodeJS.ProcessEnv): number {
  const text = env[maxCodeFilesVariable]?.trim();
  if (text === undefined || text === '') return defaultMaxCodeFiles;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new StewardError('invalid-input', `${maxCodeFilesVariable} must be a whole number of files above 0, not "${text}"`);
  return value;
}
