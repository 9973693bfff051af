import { resolve } from 'node:path';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { type OutputOptions, parseCount, printTable, printText } from '../output.js';

interface CoverageFlags extends OutputOptions {
  top: number;
  file?: string[];
}

const percent = (value: number | null): string => (value === null ? '–' : `${value.toFixed(1)}%`);

/** `steward coverage <path>`: the coverage the tests wrote, per file, and the complex functions it leaves unrun. */
export const coverageCommand: AnalysisCommand<'coverage', CoverageFlags> = {
  flags: (command) =>
    command
      .option('--file <file...>', 'coverage files to read (lcov .info, coverage-final.json, coverage-summary.json) instead of each package\'s coverage/ folder')
      .option('--top <n>', 'how many files and functions to print (the JSON has them all)', parseCount, 20),
  options: (flags) => (flags.file ? { files: flags.file.map((file) => resolve(file)) } : {}),
  print({ warnings }, report, { top }) {
    if (report.status === 'none') {
      printText('No coverage found (coverage/lcov.info, coverage-final.json or coverage-summary.json in the repository or a package). Run the tests with coverage, or name the file with --file.');
    } else {
      for (const source of report.sources) printText(`${source.file} (${source.format}, written ${source.modifiedAt.slice(0, 16).replace('T', ' ')}): ${plural(source.files, 'file')}; matches the commit: ${source.matchesCommit} (${source.reason}).`);
      const all = report.folders.find((folder) => folder.path === '');
      if (all) printText(`Lines run by the tests: ${all.covered} of ${all.lines} (${percent(all.percent)}).`);
      printTable(['Least covered files', 'Lines', 'Run', 'Covered'], report.files.slice(0, top).map((file) => [file.path, file.lines, file.covered, percent(file.percent)]));
      const uncovered = report.complexFunctions.filter((fn) => fn.percent !== null).sort((a, b) => a.percent! - b.percent! || b.cognitive - a.cognitive).slice(0, top);
      if (uncovered.length > 0) printTable(['Complex function', 'Where', 'Cognitive', 'Covered'], uncovered.map((fn) => [fn.name, `${fn.path}:${fn.line}`, fn.cognitive, percent(fn.percent)]));
    }
    for (const warning of warnings) printText(`warning: ${warning}`);
  },
};
