import { resolve } from 'node:path';
import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { type OutputOptions, parseCount, printJson, printTable, printText } from '../output.js';

/** `steward tests import <path> <files…>`: JUnit XML of a test run at HEAD, for flaky tests. */
export async function testsImportCommand(steward: Steward, path: string, files: string[], options: OutputOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.add', { path });
  const outcome = await call(steward.handlers, 'tests.import', { repositoryId: repository.id, files: files.map((file) => resolve(file)) });
  if (options.json) printJson(outcome);
  else {
    for (const run of outcome.imported) {
      printText(`${run.source}: ${run.duplicate ? 'imported before, not counted again' : `${plural(run.tests, 'test')} (${run.failed} failed, ${run.skipped} skipped) as a run of ${run.commit.slice(0, 7)}`}.`);
    }
    for (const warning of outcome.warnings) printText(`warning: ${warning}`);
  }
  if (outcome.imported.length === 0) throw new StewardError('invalid-input', 'No test results imported: none of the files is JUnit XML that can be read');
}

interface FlakyFlags extends OutputOptions {
  top: number;
  file?: string[];
}

/** `steward flaky <path>`: the flaky tests of the runs imported so far. */
export const flakyCommand: AnalysisCommand<'tests', FlakyFlags> = {
  flags: (command) =>
    command
      .option('--file <file...>', 'JUnit XML files to import first (besides junit.xml, test-results/junit.xml and reports/junit.xml of each package)')
      .option('--top <n>', 'how many flaky tests to print (the JSON has them all)', parseCount, 20),
  options: (flags) => (flags.file ? { files: flags.file.map((file) => resolve(file)) } : {}),
  print({ warnings }, report, { top }) {
    if (report.status !== 'read') printText('No test results imported yet. Have the test runner write JUnit XML (vitest --reporter=junit, jest-junit, playwright --reporter=junit), then steward tests import <path> <files…>.');
    else {
      printText(`${plural(report.flaky.length, 'flaky test')} of ${plural(report.tests, 'test')} (${report.flakyPercent ?? 0}%) over ${plural(report.runs.length, 'run')}.`);
      if (report.flaky.length > 0) {
        printTable(['Test', 'File', 'Why', 'Failures', 'Passes'], report.flaky.slice(0, top).map((test) => [test.name, test.file ?? '–', test.why, test.failures, test.passes]));
      }
    }
    for (const warning of warnings) printText(`warning: ${warning}`);
  },
};
