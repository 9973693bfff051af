import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import { reportBlocks } from '../../core/api/report-wording.js';
import type { WeeklyReport } from '../../core/api/reports.js';
import type { Steward } from '../../core/steward.js';
import { reportHtml } from '../../core/reports/report-html.js';
import { reportMarkdown } from '../../core/reports/report-markdown.js';
import { outputFile, writeOutputFile } from '../output-file.js';
import { printPdf } from '../print-pdf.js';

export interface ReportOptions {
  all?: boolean;
  since?: string;
  format: 'md' | 'html' | 'pdf' | 'json';
  out?: string;
}

/** `steward report <path>|--all`: the weekly health report, compared with the snapshot nearest to a week before (or --since). */
export async function reportCommand(steward: Steward, path: string | undefined, options: ReportOptions): Promise<void> {
  if ((path === undefined) === (options.all !== true)) throw new StewardError('invalid-input', 'Give a repository path or --all (not both)');
  if (options.format === 'pdf' && options.out === undefined) throw new StewardError('invalid-input', 'A PDF needs a file: add --out <file>.pdf');
  // A path that cannot be written is refused before the work is done (a PDF takes Chromium seconds).
  const file = options.out === undefined ? undefined : outputFile(options.out);
  const since = options.since === undefined ? {} : { since: options.since };
  const report =
    path === undefined
      ? await call(steward.handlers, 'reports.weekly', { all: true, ...since })
      : await call(steward.handlers, 'reports.weekly', { repositoryId: (await call(steward.handlers, 'repositories.find', { path })).id, ...since });
  const content = await render(report, options.format);
  if (file === undefined) process.stdout.write(content);
  else writeOutputFile(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
}

async function render(report: WeeklyReport, format: ReportOptions['format']): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const blocks = reportBlocks(report);
  if (format === 'md') return reportMarkdown(blocks);
  const title = blocks[0]?.kind === 'heading' ? blocks[0].text : 'Weekly health report';
  const html = reportHtml(blocks, title);
  return format === 'html' ? html : printPdf(html);
}
