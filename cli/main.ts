import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { StewardError, toApiError } from '../core/api/errors.js';
import type { Steward } from '../core/steward.js';
import type { StewardUse } from './open-steward.js';
import { stewardHome } from '../core/paths.js';
import { analysisDescriptors, analysisIds } from '../core/api/analyses.js';
import { analysisCommands } from './analysis-commands.js';
import { confidences, inventorySorts, itemKinds, itemStatuses, severities } from '../core/api/inventory.js';
import type { InventoryOptions } from './commands/inventory.js';
import type { ExportOptions } from './commands/export.js';
import { exportFormats } from '../core/api/exports.js';
import { forecastScoreThreshold } from '../core/api/health.js';
import type { BackfillOptions } from './commands/backfill.js';
import type { ForecastOptions } from './commands/forecast.js';
import type { ScoreOptions } from './commands/score.js';
import type { ReportOptions } from './commands/report.js';
import type { ItemOptions } from './commands/item.js';
import type { PortfolioOptions } from './commands/portfolio.js';
import type { ScanOptions } from './commands/scan.js';
import type { DecisionOptions, DraftOptions } from './commands/draft.js';
import { draftKinds, draftTargets } from '../core/api/drafts.js';
import { printable } from '../core/wording.js';
import { endQuietlyOnClosedPipe, exitCodeFor, exitCodes } from './exit-codes.js';
import { installation } from './installation.js';
import { type OutputOptions, parseCount, parseDay, parsePath, parsePaths, parsePeriod, parseScore } from './output.js';

/**
 * Opens the engine for one command and always closes it, whatever the command does. Commands are
 * loaded when run, so that a quick command does not pay for loading every other one.
 */
async function withSteward(action: (steward: Steward) => Promise<void>, use: StewardUse = 'command'): Promise<void> {
  const { chooseStore } = await import('../core/store/store-choice.js');
  const choice = chooseStore({ flag: program.opts<{ store?: string }>().store, env: process.env, home: stewardHome() });
  const { openStewardForCli } = await import('./open-steward.js');
  const steward = openStewardForCli(use, choice);
  try {
    await action(steward);
  } finally {
    await steward.close();
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

/** A comma-separated list of some of `allowed`. */
function listOf<T extends string>(allowed: readonly T[]): (value: string) => T[] {
  return (value) => {
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !(allowed as readonly string[]).includes(name));
    if (names.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`expected some of ${allowed.join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
    return names as T[];
  };
}

function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}


endQuietlyOnClosedPipe();

const program = new Command('steward')
  .description('Steward keeps a living technical-debt inventory of your TypeScript/JavaScript repositories.')
  .version(installation.version)
  .option('--store <url>', 'the team store (postgres://user@host/database; local for this machine\'s), instead of STEWARD_STORE or $STEWARD_HOME/store.json')
  // A usage error is one line, as every other error (subcommands inherit this).
  .configureOutput({ outputError: (text, write) => write(`steward: ${printable(text.trim().replace(/^error: /, ''))} (see --help)\n`) })
  .exitOverride()
  .addHelpText(
    'after',
    '\nData lives in $STEWARD_HOME (default: the platform app-data folder), or in a team store (--store, STEWARD_STORE, $STEWARD_HOME/store.json), whose scans keep their caches in $STEWARD_HOME unless STEWARD_CACHE=shared.\nExit codes: 0 ok, 2 bad usage or input, 3 internal error, 130 interrupted.',
  );

program
  .command('scan')
  .description('scan a repository at its HEAD commit and save the snapshot (adds the repository if needed); --all scans every registered one')
  .argument('[path]', 'a folder inside the git work tree', parsePath)
  .option('--all', 'scan every registered repository, two at a time, a line for each as it finishes (exit 2 names those that could not be scanned)')
  .option('--json', 'print the snapshot as one JSON object')
  .option('--only <analyses>', `run only these analyses (comma-separated: ${analysisIds.join(', ')})`, listOf(analysisIds))
  .option('--registry <url>', 'the registry for unscoped packages in the dependency check (default: the settings, else .npmrc)')
  .option('--offline', 'check dependencies from cached metadata only')
  .option('-q, --quiet', 'no progress bar')
  .option('--timings', 'on stderr, when each analysis\'s results were in and when the snapshot was saved (seconds from the start)')
  .option('--wait', 'when the repository is being scanned elsewhere (another CI runner, the app), wait for that scan to finish, then scan')
  .option('--rescan', 'save a new snapshot even when HEAD was already scanned today with the same analyses and inputs')
  .action((path: string | undefined, options: ScanOptions & { all?: boolean }, command: Command) => {
    if (options.all && path !== undefined) command.error('give a path or --all, not both', { exitCode: exitCodes.badInput });
    if (options.all && (options.only || options.registry || options.offline || options.wait)) {
      command.error('--all scans with the settings; --only, --registry, --offline and --wait are for one path', { exitCode: exitCodes.badInput });
    }
    if (!options.all && path === undefined) command.error("missing argument 'path' (or --all)", { exitCode: exitCodes.badInput });
    // Scans of every repository run two at a time: each in a worker thread of its own, on its own core.
    return withSteward(
      async (steward) => (options.all ? (await import('./commands/scan-all.js')).scanAllCommand(steward, options) : (await import('./commands/scan.js')).scanCommand(steward, path!, options)),
      options.all ? 'workers' : 'command',
    );
  });

for (const descriptor of analysisDescriptors) {
  const command = program
    .command(descriptor.command.name)
    .description(descriptor.command.description)
    .argument('<path>', 'a folder inside the git work tree', parsePath)
    .option('--json', 'print the report as one JSON object')
    .option('--sarif', 'print the findings as SARIF 2.1.0, each with its inventory fingerprint (partialFingerprints)')
    .option('-q, --quiet', 'no progress bar');
  (analysisCommands[descriptor.id].flags?.(command) ?? command).action((path: string, flags: OutputOptions) =>
    withSteward(async (steward) => (await import('./commands/run-analysis.js')).runAnalysisCommand(steward, descriptor.id, path, flags)),
  );
}

/** The inventory's filters and order, as `steward inventory` and `steward export` take them. */
function withInventoryFilters(command: Command): Command {
  return command
    .option('--kind <kinds>', `only these kinds (comma-separated: ${itemKinds.join(', ')})`, listOf(itemKinds))
    .option('--status <statuses>', `only these (comma-separated: ${itemStatuses.join(', ')}; default: all but resolved)`, listOf(itemStatuses))
    .option('--confidence <levels>', `only these (comma-separated: ${confidences.join(', ')})`, listOf(confidences))
    .option('--severity <levels>', `only these (comma-separated: ${severities.join(', ')})`, listOf(severities))
    .option('--folder <folder>', 'only items in this folder or below')
    .option('--owner <owner>', 'only items of this owner')
    .option('--since <snapshot|date>', 'only items first seen after this snapshot id, or on or after this date (YYYY-MM-DD)')
    .option('--sort <order>', `order: ${inventorySorts.join(', ')}`, oneOf(inventorySorts), 'priority');
}

withInventoryFilters(
  program
    .command('inventory')
    .description("the repository's debt items as of its latest scan: identity, confidence, cost, owner and fix, by priority")
    .argument('<path>', 'a folder inside the git work tree (scanned before)', parsePath)
    .option('--json', 'print every item with its evidence, with totals, facets and what changed since the previous scan')
    .option('--csv', 'print every item as CSV (the columns of steward export, docs/exports.md)'),
)
  .option('--top <n>', 'how many items to print (--json and --csv have them all)', parseCount, 30)
  .action((path: string, options: InventoryOptions) => withSteward(async (steward) => (await import('./commands/inventory.js')).inventoryCommand(steward, path, options)));

withInventoryFilters(
  program
    .command('export')
    .description('the debt items of the latest scan of each repository, one row each, as CSV, XLSX or JSON for a spreadsheet or a script (columns: docs/exports.md)')
    .argument('[paths...]', 'folders inside the git work trees (scanned before)', parsePaths)
    .option('--all', 'every repository Steward knows (those never scanned are left out, with a warning)')
    .option('--format <format>', `${exportFormats.join(', ')} (default: the extension of --out)`, oneOf(exportFormats))
    .option('--out <file>', 'write to this file, whole or not at all (default: stdout; an XLSX file needs --out or a redirect)')
    .option('-q, --quiet', 'no line saying what was written'),
).action((paths: string[], options: ExportOptions) => withSteward(async (steward) => (await import('./commands/export.js')).exportCommand(steward, paths, options)));

program
  .command('score')
  .description('the health score (0–100) of the latest scan, by part, from its open debt items against its lines of code')
  .argument('<path>', 'a folder inside the git work tree (scanned before)', parsePath)
  .option('--explain', 'list the items behind every lost point (they add up to 100 − score)')
  .option('--folder <folder>', 'score this folder and below')
  .option('--json', 'print the score, its parts and every item behind them')
  .action((path: string, options: ScoreOptions) => withSteward(async (steward) => (await import('./commands/score.js')).scoreCommand(steward, path, options)));

program
  .command('report')
  .description("the weekly health report: the score and what changed it since the snapshot nearest to a week before (it says which), hotspots, dependencies, tests, forecasts, drafts, and three next steps with what they give the score")
  .argument('[path]', 'a folder inside the git work tree (or --all)', parsePath)
  .option('--all', 'one report over every registered repository: a summary table, then each one')
  .addOption(new Option('--week', 'compare with the snapshot nearest to a week before the latest scan (the default)').conflicts('since'))
  .option('--since <date>', 'compare with the snapshot nearest to this date (YYYY-MM-DD) instead', parseDay)
  .option('--format <format>', 'md, html (one self-contained file), pdf (through headless Chromium; needs --out) or json', oneOf(['md', 'html', 'pdf', 'json'] as const), 'md')
  .option('--out <file>', 'write to this file (replaced whole) instead of printing')
  .action((path: string | undefined, options: ReportOptions) => withSteward(async (steward) => (await import('./commands/report.js')).reportCommand(steward, path, options)));

const tests = program.command('tests').description('test results for flaky tests (steward flaky <path> lists them)');
tests
  .command('import')
  .description('import JUnit XML files of a test run at HEAD (Vitest, Jest, Playwright and Mocha can write them); a file imported before is not counted twice')
  .argument('<path>', 'a folder inside the git work tree', parsePath)
  .argument('<files...>', 'JUnit XML files', parsePaths)
  .option('--json', 'print what was imported, with warnings')
  .action((path: string, files: string[], options: OutputOptions) => withSteward(async (steward) => (await import('./commands/tests.js')).testsImportCommand(steward, path, files, options)));

program
  .command('backfill')
  .description('snapshots of past commits, one per period back from HEAD (first parent), for a trend from day one; running it again resumes')
  .argument('<path>', 'a folder inside the git work tree', parsePath)
  .option('--every <period>', 'the period between commits: days or weeks (10d, 1w, 2w)', parsePeriod, '1w')
  .option('--count <n>', 'how many periods back', parseCount, 26)
  .option('--offline', 'check dependencies from cached metadata only')
  .option('--json', 'print the backfill: its plan, the commits done and its notes')
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: BackfillOptions) => withSteward(async (steward) => (await import('./commands/backfill.js')).backfillCommand(steward, path, options)));

program
  .command('forecast')
  .description("when the health score falls below a threshold, and each folder's complexity rises above one, on the trend of the scans and backfills so far (a date with its interval, or not on the current trend)")
  .argument('<path>', 'a folder inside the git work tree (scanned before)', parsePath)
  .option('--threshold <score>', 'the score to forecast (0–100)', parseScore, forecastScoreThreshold)
  .option('--complexity <n>', "the cognitive complexity per function a folder's forecast dates (default: the settings' threshold, 15)", parseCount)
  .option('--top <n>', 'how many folders to list (--json has them all)', parseCount, 10)
  .option('--json', 'print the scores, the trend and the forecast')
  .action((path: string, options: ForecastOptions) => withSteward(async (steward) => (await import('./commands/forecast.js')).forecastCommand(steward, path, options)));

const draft = program.command('draft').description('maintenance drafts: a local branch in its own worktree that fixes debt, with gates run, risk, release notes and a rehearsed rollback plan; never pushed');

for (const kind of draftKinds) {
  draft
    .command(kind)
    .description(
      {
        deps: 'upgrade stale dependencies: patch and minor together, each major on its own, peers kept together; a group that fails a gate is split and the package that breaks is named',
        security: 'upgrade vulnerable packages to the lowest fixed version',
        deadcode: 'remove unused files, exports and dependencies found with high confidence, then what became unused by that',
        deprecations: 'replace deprecated APIs where the deprecation names a plain rename; list the rest as manual steps',
      }[kind],
    )
    .argument('<path>', 'a folder inside the git work tree', parsePath)
    .option('--items <fingerprints>', 'the inventory items to fix, comma-separated (default: every open item of the kind)', (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .option('--target <target>', 'how far dependencies move: patch, minor or latest', oneOf(draftTargets), 'latest')
    .option('--confidence <level>', 'the least confidence of the items taken (a dead-code draft takes high only)', oneOf(confidences), 'high')
    .option('--consent', "agree that the repository's own code (install scripts, lint, tests, build) may run in its draft worktrees; remembered")
    .option('--json', 'print the draft with its plan')
    .option('-q, --quiet', 'no progress')
    .action((path: string, options: DraftOptions) => withSteward(async (steward) => (await import('./commands/draft.js')).draftCommand(steward, kind, path, options)));
}

draft
  .command('show')
  .description('a draft: its commits, gates, re-scan, release notes, risk and rollback plan, and its audit log')
  .argument('<id>', 'the draft, as steward drafts prints it')
  .option('--markdown', 'print the plan as Markdown, for a pull-request description')
  .option('--json', 'print JSON')
  .action((id: string, options: OutputOptions & { markdown?: boolean }) => withSteward(async (steward) => (await import('./commands/draft.js')).draftShowCommand(steward, id, options)));

for (const decision of ['approve', 'reject', 'discard'] as const) {
  draft
    .command(decision)
    .description({ approve: 'approve a ready draft: prints how to push it and open a pull request (Steward never pushes)', reject: 'reject a ready draft (its worktree is removed; the branch stays until discarded)', discard: 'remove a draft’s worktree and branch' }[decision])
    .argument('<id>', 'the draft, as steward drafts prints it')
    .option('--note <text>', 'why (kept in the audit log)')
    .option('--by <name>', 'who decides (default: your git identity)')
    .option('--yes', 'discard without asking')
    .option('--json', 'print JSON')
    .action((id: string, options: DecisionOptions) => withSteward(async (steward) => (await import('./commands/draft.js')).draftDecisionCommand(steward, decision, id, options)));
}

draft
  .command('consent')
  .description("whether drafts may run the repository's own code (install scripts, lint, tests, build) in their worktrees")
  .argument('<path>', 'a folder inside the git work tree', parsePath)
  .option('--grant', 'allow it (remembered for this repository)')
  .option('--revoke', 'take it back')
  .option('--by <name>', 'who agrees (default: your git identity)')
  .option('--json', 'print JSON')
  .action((path: string, options: OutputOptions & { grant?: boolean; revoke?: boolean; by?: string }) => withSteward(async (steward) => (await import('./commands/draft.js')).draftConsentCommand(steward, path, options)));

program
  .command('drafts')
  .description('list maintenance drafts, newest first, with their state and risk, and the approval rate per kind')
  .argument('[path]', 'only the drafts of this repository', parsePath)
  .option('--json', 'print JSON')
  .action((path: string | undefined, options: OutputOptions) => withSteward(async (steward) => (await import('./commands/draft.js')).draftsCommand(steward, path, options)));

program
  .command('item')
  .description('record a decision on a debt item: accept it (debt kept on purpose), dismiss it (not debt), or reopen it')
  .argument('<action>', 'accept, dismiss or reopen', oneOf(['accept', 'dismiss', 'reopen'] as const))
  .argument('<fingerprint>', 'the item, as steward inventory prints it')
  .requiredOption('--reason <text>', 'why (kept with the item, with who and when)')
  .option('--repo <path>', 'the repository (default: the one that has this fingerprint)', parsePath)
  .option('--by <name>', 'who decides (default: your user name)')
  .option('--json', 'print the item')
  .action((action: 'accept' | 'dismiss' | 'reopen', fingerprint: string, options: ItemOptions) =>
    withSteward(async (steward) => (await import('./commands/item.js')).itemCommand(steward, action, fingerprint, options)),
  );

program
  .command('repos')
  .description('list the repositories Steward knows, with their latest scan')
  .option('--json', 'print JSON')
  .action((options: OutputOptions) => withSteward(async (steward) => (await import('./commands/repos.js')).reposCommand(steward, options)));

program
  .command('portfolio')
  .description("every repository's health score, its change in a week, forecast, open items and effort; and the practice's measures (freshness, staleness, draft approval)")
  .option('--threshold <score>', 'the score forecasts are made against (0–100)', parseScore, forecastScoreThreshold)
  .option('--json', 'print JSON')
  .action((options: PortfolioOptions) => withSteward(async (steward) => (await import('./commands/portfolio.js')).portfolioCommand(steward, options)));

program
  .command('history')
  .description("list a repository's snapshots, newest first")
  .argument('<path>', 'a folder inside the git work tree', parsePath)
  .option('--json', 'print JSON')
  .action((path: string, options: OutputOptions) => withSteward(async (steward) => (await import('./commands/history.js')).historyCommand(steward, path, options)));

program
  .command('serve')
  .description('serve the app to your browser on 127.0.0.1, with a per-launch key in the address')
  .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
  .option('--reason <text>', 'a line to print first, saying why browser mode is used')
  .action((options: { port: number; reason?: string }) =>
    withSteward(async (steward) => (await import('./commands/serve.js')).serveCommand(steward, options.port, options.reason), 'app'),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed the usage error, help or version.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
  }
  const apiError = toApiError(error);
  if (error instanceof StewardError || apiError.code === 'invalid-input') {
    process.stderr.write(`steward: ${printable(apiError.message)}\n`);
  } else {
    process.stderr.write(`steward: internal error: ${printable(apiError.message)}\n`);
    if (process.env.STEWARD_DEBUG) console.error(error);
    else process.stderr.write('Run again with STEWARD_DEBUG=1 for details, and report it if it persists.\n');
  }
  return exitCodeFor(apiError.code);
}
