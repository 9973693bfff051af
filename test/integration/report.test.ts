import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDay } from '../../core/api/report-document.js';
import { type WeeklyReport, WeeklyReportSchema } from '../../core/api/reports.js';
import { findChromium } from '../../cli/print-pdf.js';
import { runSteward, steward, stewardJson } from '../support/cli.js';
import { createKnownRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { at, growingShop } from '../support/shop-fixture.js';

/** The report as JSON, checked against its published schema. */
function reportJson(home: string, args: string[]): WeeklyReport {
  const result = steward(home, ['report', ...args, '--format', 'json']);
  if (result.status !== 0) throw new Error(`steward report exited ${result.status}: ${result.stderr}`);
  return WeeklyReportSchema.parse(JSON.parse(result.stdout));
}

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('steward report', () => {
  const home = temporaryDirectory();
  // Nine weekly commits (none in week 6), each adding a complex function: the score falls week by week.
  const { repository, weeks } = growingShop();
  const lastWeek = weeks.length - 1;
  const commitOf = (index: number) => git(repository, ['log', '--format=%H', '-1', `--before=${at(index)}`]).trim();

  it('with one scored snapshot, says there is nothing earlier and reports the current state only', () => {
    expect(steward(home, ['report', repository]).status).toBe(2);
    stewardJson(home, ['scan', repository, '--offline']);
    const report = reportJson(home, [repository]);
    const [shop] = report.repositories;
    expect(shop!.baseline).toBeNull();
    expect(shop!.score.now).not.toBeNull();
    expect(shop!.actions.length).toBeGreaterThan(0);
    const markdown = steward(home, ['report', repository]).stdout;
    expect(markdown).toMatch(/^# Weekly health report: shop\n\n\*\*shop: health \d+\.\d of 100 \([A-E]\)\.\*\*/);
    expect(markdown).toContain('There is no earlier scored snapshot to compare with, so this report gives the current state only.');
    expect(markdown).toContain('Coverage: not measured');
  });

  it('after a backfill, compares with the scored commit nearest to a week before and says which, with the items that changed the score', () => {
    stewardJson(home, ['backfill', repository, '--count', '12', '--offline']);
    const report = reportJson(home, [repository]);
    const shop = report.repositories[0]!;
    expect(shop.baseline).toMatchObject({ commit: commitOf(weeks[lastWeek - 1]!), kind: 'backfill' });
    expect(shop.score.now! - shop.score.then!).toBeLessThan(0);
    const complexity = shop.parts.find((part) => part.category === 'complexity')!;
    expect(complexity.added.map((item) => item.path)).toContain(`src/orders-${lastWeek}.ts`);

    const markdown = steward(home, ['report', repository, '--format', 'md']).stdout;
    const day = reportDay(shop.baseline!.at);
    expect(markdown).toContain(`Compared with snapshot ${shop.baseline!.snapshotId}, past commit ${shop.baseline!.commit.slice(0, 7)} of ${day}, backfilled`);
    const [, headline] = markdown.split('\n\n');
    expect(headline).toMatch(new RegExp(`^\\*\\*shop: health \\d+\\.\\d of 100 \\([A-E]\\), down \\d+\\.\\d+ points since ${day}\\.\\*\\* Complexity lost [\\d.]+ points: 1 item started costing points \\(complex function \`total${lastWeek}\` in \`src/orders-${lastWeek}\\.ts\``));
    expect(markdown).toMatch(/## What to do next\n\n1\. \*\*\w+ \d+ [\w ]+ \([\d.]+ (h|min)\): \+[\d.]+ points\.\*\*/);

    // --since picks another snapshot: the one nearest to the date asked for.
    const since = reportJson(home, [repository, '--since', at(2).slice(0, 10)]);
    expect(since.repositories[0]!.baseline!.commit).toBe(commitOf(2));
    expect(steward(home, ['report', repository, '--since', '2026-02-30']).status).toBe(2);
    // --week (the default) and --since name two baselines: asking for both is refused, not one silently dropped.
    const both = steward(home, ['report', repository, '--week', '--since', at(2).slice(0, 10)]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--week.*--since|--since.*--week/);
  });

  it('writes one self-contained HTML file with the same words and its charts as SVG', () => {
    const out = join(temporaryDirectory(), 'report.html');
    const result = steward(home, ['report', repository, '--format', 'html', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>What to do next</h2>');
    expect(html).toMatch(/<svg class="chart"[^>]*role="img" aria-label="Health score over time\. Health score at \d+ scored commits/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('--all: a summary table of every repository, lowest score first, then each one', () => {
    const other = createKnownRepository(join(temporaryDirectory(), 'known'));
    stewardJson(home, ['scan', other, '--offline', '--only', 'code']);
    const markdown = steward(home, ['report', '--all']).stdout;
    expect(markdown).toMatch(/^# Weekly health report: 2 repositories\n\n\| Repository \| Score \| Change \| Compared with \| First next step \|/);
    const rows = markdown.split('\n').filter((line) => /^\| (shop|known) \|/.test(line));
    expect(rows).toHaveLength(2);
    expect(markdown).toContain('\n## shop\n');
    expect(markdown).toContain('\n## known\n');
    expect(reportJson(home, ['--all']).repositories.map((entry) => entry.repository.name).sort()).toEqual(['known', 'shop']);
    expect(steward(home, ['report', repository, '--all']).status).toBe(2);
  });

  it.skipIf(findChromium() === null)('prints a PDF through headless Chromium, with the report’s text in it', async () => {
    const out = join(temporaryDirectory(), 'report.pdf');
    const result = await runSteward(home, ['report', repository, '--format', 'pdf', '--out', out]);
    expect(result.stderr).toBe('');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Weekly health report: shop');
    expect(text).toContain('What to do next');
  });

  it('says in one line what is wrong: no Chromium for a PDF, an --out it cannot write (leaving nothing behind)', async () => {
    const folder = temporaryDirectory();
    const noChromium = await runSteward(home, ['report', repository, '--format', 'pdf', '--out', join(folder, 'r.pdf')], { CHROMIUM_PATH: join(folder, 'no-chromium') });
    expect(noChromium.status).toBe(2);
    expect(oneLine(noChromium.stderr)).toEqual([expect.stringContaining('--format html')]);

    const file = join(folder, 'a-file');
    writeFileSync(file, 'not a folder');
    const blocked = steward(home, ['report', repository, '--out', join(file, 'report.md')]);
    expect(blocked.status).toBe(2);
    // The words of steward export's --out (cli/output-file.ts): one way to write an output file.
    expect(blocked.stderr).toMatch(/^steward: Cannot write .*report\.md: a part of its path is a file, not a folder\n$/);
    expect(readdirSync(folder)).toEqual(['a-file']);
    expect(existsSync(join(folder, 'r.pdf'))).toBe(false);
  });

  it('refuses an --out it cannot write before doing the work (no PDF is printed for a file that cannot be saved)', async () => {
    const folder = temporaryDirectory();
    // Chromium is not even looked for: the missing folder is what the user must hear of.
    const result = await runSteward(home, ['report', repository, '--format', 'pdf', '--out', join(folder, 'no-such-folder', 'r.pdf')], { CHROMIUM_PATH: join(folder, 'no-chromium') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^steward: Cannot write .*r\.pdf: its folder does not exist\n$/);
  });
});
