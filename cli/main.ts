import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { StewardError, toApiError } from '../core/api/errors.js';
import type { Steward } from '../core/steward.js';
import { type AnalysisId, analysisDescriptors, analysisIds } from '../core/api/analyses.js';
import { analysisCommands } from './analysis-commands.js';
import type { ScanOptions } from './commands/scan.js';
import { printable } from '../core/wording.js';
import { endQuietlyOnClosedPipe, exitCodeFor, exitCodes } from './exit-codes.js';
import { installation } from './installation.js';
import type { OutputOptions } from './output.js';

/**
 * Opens the engine for one command and always closes it, whatever the command does. Commands are
 * loaded when run, so that a quick command does not pay for loading every other one.
 */
async function withSteward(action: (steward: Steward) => Promise<void>): Promise<void> {
  const { openStewardForCli } = await import('./open-steward.js');
  const steward = openStewardForCli();
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

function parseAnalyses(value: string): AnalysisId[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(analysisIds as string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`expected some of ${analysisIds.join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
  return names as AnalysisId[];
}

endQuietlyOnClosedPipe();

const program = new Command('steward')
  .description('Steward keeps a living technical-debt inventory of your TypeScript/JavaScript repositories.')
  .version(installation.version)
  // A usage error is one line, as every other error (subcommands inherit this).
  .configureOutput({ outputError: (text, write) => write(`steward: ${printable(text.trim().replace(/^error: /, ''))} (see --help)\n`) })
  .exitOverride()
  .addHelpText(
    'after',
    '\nData lives in $STEWARD_HOME (default: the platform app-data folder).\nExit codes: 0 ok, 2 bad usage or input, 3 internal error, 130 interrupted.',
  );

program
  .command('scan')
  .description('scan a repository at its HEAD commit and save the snapshot (adds the repository if needed)')
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print the snapshot as one JSON object')
  .option('--only <analyses>', `run only these analyses (comma-separated: ${analysisIds.join(', ')})`, parseAnalyses)
  .option('--registry <url>', 'the registry for unscoped packages in the dependency check (default: the settings, else .npmrc)')
  .option('--offline', 'check dependencies from cached metadata only')
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: ScanOptions) => withSteward(async (steward) => (await import('./commands/scan.js')).scanCommand(steward, path, options)));

for (const descriptor of analysisDescriptors) {
  const command = program
    .command(descriptor.command.name)
    .description(descriptor.command.description)
    .argument('<path>', 'a folder inside the git work tree')
    .option('--json', 'print the report as one JSON object')
    .option('-q, --quiet', 'no progress bar');
  (analysisCommands[descriptor.id].flags?.(command) ?? command).action((path: string, flags: OutputOptions) =>
    withSteward(async (steward) => (await import('./commands/run-analysis.js')).runAnalysisCommand(steward, descriptor.id, path, flags)),
  );
}

program
  .command('repos')
  .description('list the repositories Steward knows, with their latest scan')
  .option('--json', 'print JSON')
  .action((options: OutputOptions) => withSteward(async (steward) => (await import('./commands/repos.js')).reposCommand(steward, options)));

program
  .command('history')
  .description("list a repository's snapshots, newest first")
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print JSON')
  .action((path: string, options: OutputOptions) => withSteward(async (steward) => (await import('./commands/history.js')).historyCommand(steward, path, options)));

program
  .command('serve')
  .description('serve the app to your browser on 127.0.0.1, with a per-launch key in the address')
  .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
  .option('--reason <text>', 'a line to print first, saying why browser mode is used')
  .action((options: { port: number; reason?: string }) =>
    withSteward(async (steward) => (await import('./commands/serve.js')).serveCommand(steward, options.port, options.reason)),
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
