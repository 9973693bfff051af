import { Command, InvalidArgumentError, Option } from 'commander';
import { basename, resolve } from 'node:path';
import { benchRepoRoot, chooseEditFile } from './edit-one.js';
import { git } from './git.js';
import { type Machine, describeMachine, machineLine } from './machine.js';
import { Interrupted, requireGnuTime, stopCleanlyOnInterrupt } from './measure.js';
import { positiveInteger } from './options.js';
import { type Summary, markdownTable, summarise, writeJson } from './report.js';
import { type RunRecord, type Target, type ToolName, defaultBinDirs, findBinary, runRound, toolNames } from './tools.js';

interface Options {
  repo: string[];
  runs: number;
  tools: ToolName[];
  out?: string;
  binDir: string[];
}

interface RepoResult {
  readonly path: string;
  readonly head: string;
  readonly jsTsFiles: number;
  readonly editFile: string | undefined;
  readonly summary: Summary[];
  readonly runs: RunRecord[];
}

const program = new Command('run')
  .description('Measure steward, fallow and knip on git repositories (clones outside the Steward checkout).')
  .requiredOption('--repo <dir...>', 'repositories to measure (repeatable)')
  .option('--runs <n>', 'runs per tool and variant (use at least 5 for published figures)', atLeastOne, 5)
  .addOption(new Option('--tools <list>', `comma-separated, from ${toolNames.join(', ')}`).argParser(toolList).default([...toolNames], toolNames.join(',')))
  .option('--out <file>', 'write every run and the medians as JSON here')
  .addOption(new Option('--bin-dir <dir...>', 'folders to look for fallow and knip in, in order').default(defaultBinDirs, defaultBinDirs.join(' ')))
  .parse();

function atLeastOne(value: string): number {
  const count = positiveInteger(value);
  if (count < 1) throw new InvalidArgumentError('expected at least 1');
  return count;
}

function toolList(value: string): ToolName[] {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(toolNames as readonly string[]).includes(name));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown tool ${unknown.join(', ')}; choose from ${toolNames.join(', ')}`);
  return names as ToolName[];
}

async function main(options: Options): Promise<void> {
  requireGnuTime();
  stopCleanlyOnInterrupt();
  if (options.runs < 5) console.error(`note: ${options.runs} runs per variant; medians of fewer than 5 are noisy`);
  const binaries = { fallow: findBinary('fallow', options.binDir), knip: findBinary('knip', options.binDir) };
  const machine = describeMachine(Object.fromEntries(Object.entries(binaries).filter(([name]) => options.tools.includes(name as ToolName))));
  const startedAt = new Date().toISOString();
  const results: RepoResult[] = [];
  for (const repo of options.repo) {
    const target: Target = prepare(repo, binaries, options.binDir);
    const runs = await measureRepo(target, options);
    results.push({ path: target.root, head: headOf(target.root), jsTsFiles: countJsTs(target.root), editFile: target.editFile, summary: summarise(runs), runs });
    // Written after every repository so that a long run interrupted later keeps what it measured.
    if (options.out) writeJson(options.out, { machine, startedAt, runsPerVariant: options.runs, tools: options.tools, repos: results });
  }
  console.log(markdown(machine, results));
}

function prepare(repo: string, binaries: Target['binaries'], binDirs: readonly string[]): Target {
  const root = benchRepoRoot(resolve(repo));
  return { root, editFile: chooseEditFile(root), binaries, binDirs };
}

/**
 * Interleaved: round 1 of every tool, then round 2, … so that noise on the machine hits all tools
 * alike; the order of tools rotates each round so no tool always runs right after the same other one.
 */
async function measureRepo(target: Target, options: Options): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (let round = 1; round <= options.runs; round += 1) {
    for (const tool of rotate(options.tools, round - 1)) {
      const done = await runRound(tool, target, round);
      records.push(...done);
      for (const record of done) console.error(progressLine(target.root, record));
    }
  }
  return records;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % Math.max(1, items.length);
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function progressLine(root: string, record: RunRecord): string {
  const figures = record.ok ? `${record.wallSeconds ?? '?'} s, ${record.peakRssMb ?? '?'} MB` : `failed: ${record.error ?? `exit ${record.exitCode ?? '?'} ${record.stderrFirstLine ?? ''}`}`;
  return `${basename(root)} round ${record.round} ${record.tool} ${record.variant}: ${figures}`;
}

/** The commit measured; a repository without commits is measured too (every tool fails on it, visibly). */
function headOf(root: string): string {
  try {
    return git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  } catch {
    return 'none';
  }
}

function countJsTs(root: string): number {
  return git(root, ['ls-files']).split('\n').filter((path) => /\.[cm]?[jt]sx?$/.test(path)).length;
}

function markdown(machine: Machine, results: readonly RepoResult[]): string {
  const sections = results.map((result) =>
    [
      `### ${basename(result.path)} (${result.path}, ${result.jsTsFiles} JS/TS files, HEAD ${result.head.slice(0, 10)})`,
      '',
      markdownTable(result.summary),
      '',
      `Medians of successful runs; steward edit-one appends a line to \`${result.editFile ?? '—'}\` and commits it before the warm scan.`,
    ].join('\n'),
  );
  return [`**Machine**: ${machineLine(machine)}`, '', ...sections.flatMap((section) => [section, ''])].join('\n');
}

main(program.opts<Options>()).catch((error: unknown) => {
  if (error instanceof Interrupted) {
    console.error('interrupted; the repositories are back at their original commits');
    process.exit(130);
  }
  console.error(`run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
