import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { StewardError, toApiError } from '../core/api/errors.js';
import type { Steward } from '../core/steward.js';
import type { ComplexityOptions } from './commands/complexity.js';
import type { DeadCodeOptions } from './commands/deadcode.js';
import type { DepsOptions } from './commands/deps.js';
import type { ScanOptions } from './commands/scan.js';
import type { HotspotsOptions } from './commands/hotspots.js';
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

function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
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
  .option('--registry <url>', 'the registry for unscoped packages in the dependency check (default: from .npmrc)')
  .option('--offline', 'check dependencies from cached metadata only')
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: ScanOptions) => withSteward(async (steward) => (await import('./commands/scan.js')).scanCommand(steward, path, options)));

program
  .command('complexity')
  .description('analyse the code at HEAD: the most complex functions and folders, import cycles, boundary violations, deprecated API use')
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print the report as one JSON object (with stats: files parsed and taken from the cache)')
  .option('--sarif', 'print complexity over the thresholds, boundary violations and cycles as SARIF 2.1.0')
  .option('--top <n>', 'how many of the most complex functions to list', parseCount, 25)
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: ComplexityOptions) => withSteward(async (steward) => (await import('./commands/complexity.js')).complexityCommand(steward, path, options)));

program
  .command('deadcode')
  .description('find dead code at HEAD: unused files, exports, types, enum members and dependencies, unlisted and unresolved imports')
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print every finding with its reason and when its file last changed, the entries searched from, and totals per workspace')
  .option('--sarif', 'print the findings as SARIF 2.1.0')
  .option('--production', 'search from production entries only (no tests or dev tooling) and leave devDependencies alone')
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: DeadCodeOptions) => withSteward(async (steward) => (await import('./commands/deadcode.js')).deadCodeCommand(steward, path, options)));

program
  .command('hotspots')
  .description('find hotspots at HEAD: files that are complex and change often, with change coupling, ownership and code age from git history')
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print hotspots (with complexity trends), change coupling, per-file history and ownership, per-folder ownership and activity')
  .option('--top <n>', 'how many hotspots and coupled pairs to print (the JSON has them all)', parseCount, 20)
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: HotspotsOptions) => withSteward(async (steward) => (await import('./commands/hotspots.js')).hotspotsCommand(steward, path, options)));

program
  .command('deps')
  .description('check dependencies at HEAD: drift (libyear), versions behind, pulse, deprecated and abandoned packages, vulnerabilities, sorted by risk')
  .argument('<path>', 'a folder inside the git work tree')
  .option('--json', 'print every dependency, the vulnerabilities with their paths, and the metadata-quality verdict per registry')
  .option('--registry <url>', 'the registry for unscoped packages (default: from .npmrc, else registry.npmjs.org)')
  .option('--offline', 'use cached metadata only, whatever its age, and say what is missing')
  .option('--advisories <file>', 'take advisories from an npm audit or OSV JSON file instead of asking the registry')
  .option('--top <n>', 'how many dependencies to print (the JSON has them all)', parseCount, 30)
  .option('-q, --quiet', 'no progress bar')
  .action((path: string, options: DepsOptions) => withSteward(async (steward) => (await import('./commands/deps.js')).depsCommand(steward, path, options)));

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
