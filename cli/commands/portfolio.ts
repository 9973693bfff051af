import { call } from '../../core/api/call.js';
import type { Portfolio, PortfolioRepository } from '../../core/api/portfolio.js';
import type { Steward } from '../../core/steward.js';
import { signedChange } from '../../core/wording.js';
import { type OutputOptions, formatDate, formatNumber, printJson, printTable, printText } from '../output.js';

export interface PortfolioOptions extends OutputOptions {
  threshold: number;
}

/** `steward portfolio`: every repository's health, its week, forecast and open debt; then the practice's measures. */
export async function portfolioCommand(steward: Steward, options: PortfolioOptions): Promise<void> {
  const portfolio = await call(steward.handlers, 'portfolio.overview', { threshold: options.threshold });
  if (options.json) return printJson(portfolio);
  if (portfolio.repositories.length === 0) return printText('No repositories yet. Add one with: steward scan <path>');
  printTable(
    ['Repository', 'Health', 'Week', 'Forecast', 'Open items', 'Effort (h)', 'Last scan'],
    portfolio.repositories.map((repository) => [
      repository.missing ? `${repository.name} (folder missing: ${repository.path})` : repository.name,
      typeof repository.health?.score === 'number' ? `${repository.health.score.toFixed(1)} ${repository.health.rating}` : (repository.health?.reason ?? 'not scored'),
      typeof repository.health?.changeSinceWeek === 'number' ? signedChange(repository.health.changeSinceWeek, 1) : '',
      forecastOf(repository, portfolio.threshold),
      repository.items ? formatNumber(repository.items.total) : '',
      repository.items ? formatNumber(repository.items.effortHours) : '',
      repository.latestScan ? `${formatDate(repository.latestScan.finishedAt)}${repository.latestScan.atHead === false ? ' (new commits since)' : ''}` : 'never',
    ]),
    1,
  );
  printText(`\n${describePractice(portfolio.practice)}`);
}

function forecastOf(repository: PortfolioRepository, threshold: number): string {
  const forecast = repository.health?.forecast;
  if (forecast?.kind === 'crossing') return `below ${threshold} by ${forecast.at.slice(0, 10)}`;
  if (forecast?.kind === 'already-crossed') return `below ${threshold}`;
  return '';
}

function describePractice({ score, changeSinceWeek, freshness, meanDriftDays, draftApproval }: Portfolio['practice']): string {
  const percent = (share: number | null) => (share === null ? 'unknown' : `${Math.round(share * 100)} %`);
  return [
    `Portfolio health: ${score === null ? 'no repository scored yet' : `${score.toFixed(1)} of 100 (mean weighted by lines of code)${changeSinceWeek === null ? '' : `, ${signedChange(changeSinceWeek, 1)} in a week`}`}.`,
    `Inventory freshness: ${percent(freshness.share)} of ${formatNumber(freshness.whole)} lines of code scanned at their current commit in the last 7 days.`,
    `Dependency staleness: ${meanDriftDays === null ? 'not measured (no dependency check with release dates)' : `a package is ${formatNumber(Math.round(meanDriftDays))} days behind its latest release on average`}.`,
    `Draft approval: ${draftApproval.whole === 0 ? 'no draft approved or rejected yet' : `${draftApproval.part} of ${draftApproval.whole} decided drafts approved (${percent(draftApproval.share)})`}.`,
  ].join('\n');
}
