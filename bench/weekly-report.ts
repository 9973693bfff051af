/**
 * How long the weekly report takes, from a Steward home that holds scanned and backfilled repositories:
 * each repository's report (the data, then Markdown and HTML), and the report over all of them.
 *
 *   npx tsx bench/weekly-report.ts --home /tmp/rh20 [--runs 5]
 *
 * Targets (issue #19): one repository ≤ 1 s, twenty ≤ 5 s. In-process, as the app and browser mode
 * serve it (the CLI adds its start-up, about half a second).
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { reportBlocks } from '../core/api/report-wording.js';
import { openDatabase } from '../core/store/database.js';
import { listRepositories } from '../core/store/repositories.js';
import { reportHtml } from '../core/reports/report-html.js';
import { reportMarkdown } from '../core/reports/report-markdown.js';
import { weeklyReport } from '../core/reports/weekly-report.js';
import { positiveInteger } from './options.js';
import { median } from './report.js';

const options = new Command('weekly-report')
  .requiredOption('--home <folder>', 'the STEWARD_HOME to read')
  .option('--runs <n>', 'runs of each measure (the median is printed)', positiveInteger, 5)
  .parse()
  .opts<{ home: string; runs: number }>();

const db = openDatabase(join(options.home, 'steward.db'));
const now = new Date();

/** Milliseconds of `runs` runs of the whole report (data and both texts), their median. */
function time(request: Parameters<typeof weeklyReport>[1]): number {
  const runs = Array.from({ length: options.runs }, () => {
    const started = performance.now();
    const blocks = reportBlocks(weeklyReport(db, request, now));
    reportMarkdown(blocks);
    reportHtml(blocks, 'bench');
    return performance.now() - started;
  });
  return Math.round(median(runs) ?? 0);
}

const repositories = listRepositories(db);
const single = repositories.map((repository) => time({ repositoryId: repository.id }));
console.log(`One repository: median ${median(single) ?? 0} ms, slowest ${Math.max(...single)} ms (target ≤ 1,000 ms), over ${repositories.length} repositories.`);
console.log(`All ${repositories.length} repositories: ${time({ all: true })} ms (target ≤ 5,000 ms for 20).`);
db.close();
