/**
 * Compares Steward's dead-code findings with knip's and fallow's on real repositories.
 *
 *   npx tsx bench/deadcode-compare.ts --repo /tmp/zustand [--repo …] [--out r.json] [--markdown r.md] [--verdicts v.json]
 *   npx tsx bench/deadcode-compare.ts --from a.json b.json --markdown all.md --verdicts bench/deadcode-verdicts.json
 *
 * Each repository is cloned twice into a scratch folder (`git clone --shared`; the user's clone is
 * never written to). Steward runs on the first copy as it is, without node_modules; the second gets
 * its dependencies installed (scripts disabled) and Steward, knip and fallow all run there.
 */
import { Command, Option } from 'commander';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { type Normalized, type PathContext, normalizeFallow, normalizeKnip, normalizeSteward } from './deadcode-findings.js';
import { type InstallResult, install, killGroup, planInstall, runningInstalls, scratchClone } from './deadcode-install.js';
import { type Source, matchKey, mergeFindings } from './deadcode-match.js';
import { measureJson, peerConfigs, runKnip } from './deadcode-peers.js';
import { type RepoResult, type Results, type ToolRun, markdownReport, textSummary } from './deadcode-report.js';
import { loadVerdicts } from './deadcode-verdicts.js';
import { benchRepoRoot } from './edit-one.js';
import { git } from './git.js';
import { describeMachine } from './machine.js';
import { type Measurement, requireGnuTime } from './measure.js';
import { positiveInteger } from './options.js';
import { writeJson } from './report.js';
import { freshHome, removeHome, runStewardJson } from './steward.js';
import { defaultBinDirs, findBinary } from './tools.js';

interface Options {
  repo?: string[];
  from?: string[];
  out?: string;
  markdown?: string;
  verdicts?: string;
  binDir: string[];
  workDir?: string;
  keep?: boolean;
  production?: boolean;
  installTimeout: number;
  raw?: string;
}

const program = new Command('deadcode-compare')
  .description("Compare Steward's dead-code findings with knip's and fallow's on git repositories (clones outside the Steward checkout).")
  .option('--repo <dir...>', 'repositories to compare (repeatable)')
  .option('--from <file...>', 'render the reports from earlier --out files (their repositories in order) instead of running anything')
  .option('--out <file>', 'write every finding, who reported it and the runs as JSON here (with --from: the files combined)')
  .option('--markdown <file>', 'write the Markdown report here')
  .option('--verdicts <file>', 'adjudicated findings (see bench/deadcode-verdicts.ts): adds a verdict column and the accuracy figures')
  .option('--production', 'production mode for all three tools (their --production)')
  .option('--install-timeout <minutes>', 'stop an install after this long and go on with what it left', positiveInteger, 10)
  .option('--work-dir <dir>', 'where the scratch copies go (default: a new folder in the system temp folder)')
  .option('--keep', 'keep the scratch copies (with node_modules) afterwards')
  .option('--raw <dir>', "save each tool's JSON output here")
  .addOption(new Option('--bin-dir <dir...>', 'folders to look for fallow and knip in, in order').default(defaultBinDirs, defaultBinDirs.join(' ')))
  .parse();

/** How one tool is run on one copy. */
interface ToolSpec {
  readonly source: Source;
  readonly where: ToolRun['where'];
  readonly cwd: string;
  readonly command: string;
  readonly run: () => Promise<Measurement & { answer: unknown; notes?: readonly string[] }>;
  readonly normalize: (answer: unknown, context: PathContext) => Normalized;
}

interface Context {
  readonly options: Options;
  readonly binaries: { knip: string | undefined; fallow: string | undefined };
  readonly workRoot: string;
}

async function main(options: Options): Promise<void> {
  const verdicts = options.verdicts === undefined ? undefined : loadVerdicts(options.verdicts);
  const results = options.from === undefined ? await runAll(options) : loadResults(options.from);
  if (options.from !== undefined && options.out) writeJson(options.out, results);
  if (options.markdown) {
    mkdirSync(dirname(resolve(options.markdown)), { recursive: true });
    writeFileSync(options.markdown, markdownReport(results, verdicts));
  }
  console.log(textSummary(results));
}

/** Earlier --out files as one: the first file's machine and start time, every file's repositories. */
function loadResults(files: readonly string[]): Results {
  const all = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Results);
  const [first] = all;
  if (first === undefined) throw new Error('--from needs at least one file');
  if (all.some((results) => results.production !== first.production)) throw new Error('--from files mix production and default runs');
  return { ...first, repos: all.flatMap((results) => results.repos) };
}

async function runAll(options: Options): Promise<Results> {
  if (!options.repo || options.repo.length === 0) throw new Error('give --repo (or --from an earlier --out file)');
  requireGnuTime();
  const binaries = { knip: findBinary('knip', options.binDir), fallow: findBinary('fallow', options.binDir) };
  const workRoot = options.workDir === undefined ? mkdtempSync(join(tmpdir(), 'steward-deadcode-')) : resolve(options.workDir);
  const context: Context = { options, binaries, workRoot };
  const cleanUp = () => (options.keep ? console.error(`scratch copies kept in ${workRoot}`) : rmSync(workRoot, { recursive: true, force: true }));
  stopInstallsOnInterrupt(cleanUp);
  const results = { machine: describeMachine(binaries), startedAt: new Date().toISOString(), production: options.production === true, repos: [] as RepoResult[] };
  try {
    for (const repo of options.repo) {
      results.repos.push(await compareRepo(repo, context));
      // Written after every repository, so that a long run stopped later keeps what it found.
      if (options.out) writeJson(options.out, results);
    }
  } finally {
    cleanUp();
  }
  return results;
}

async function compareRepo(repo: string, context: Context): Promise<RepoResult> {
  const root = benchRepoRoot(resolve(repo));
  const name = basename(root);
  const scratch = join(context.workRoot, name);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const fresh = join(scratch, 'fresh');
  const installed = join(scratch, 'installed');
  const missingFiles = scratchClone(root, fresh);
  scratchClone(root, installed);
  log(name, `cloned into ${scratch}${missingFiles.length > 0 ? ` (${missingFiles.length} files missing from the clone)` : ''}`);
  const installResult = await installDependencies(name, installed, join(scratch, 'install.log'), context.options.installTimeout);
  const manifestDirs = manifestFolders(fresh);
  const runs: ToolRun[] = [];
  const findings: Partial<Record<Source, Normalized['findings']>> = {};
  for (const spec of toolSpecs(fresh, installed, context)) {
    const { run, normalized } = await runTool(spec, { root: spec.cwd, manifestDirs }, context.options.raw, name);
    runs.push(run);
    if (normalized) findings[spec.source] = normalized.findings;
    log(name, `${spec.source} on the ${spec.where}: ${run.ok ? `${run.findings ?? 0} items in ${run.wallSeconds ?? '?'} s` : `failed: ${run.error ?? ''}`}`);
  }
  const configs = peerConfigs(fresh);
  return { name, path: root, head: git(root, ['rev-parse', 'HEAD']), missingFiles, peerConfigs: configs, install: installResult, runs, findings: mergeFindings(findings) };
}

async function installDependencies(name: string, root: string, logFile: string, timeoutMinutes: number): Promise<InstallResult | { ok: false; error: string }> {
  try {
    const plan = planInstall(root);
    log(name, `installing: ${plan.command} ${plan.args.join(' ')}${plan.notes.map((note) => ` (${note})`).join('')}`);
    const result = await install(root, plan, timeoutMinutes * 60_000, logFile);
    log(name, result.ok ? `installed in ${result.seconds} s` : `install failed (${result.timedOut ? 'timed out' : `exit ${result.exitCode ?? '?'}`}); see ${logFile}; knip and fallow run on what it left\n${result.tail ?? ''}`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(name, `install not run: ${message}`);
    return { ok: false, error: message };
  }
}

/** Folders holding a tracked package.json: unlisted packages belong to the nearest. */
function manifestFolders(root: string): Set<string> {
  const manifests = git(root, ['ls-files', '--', 'package.json', '*/package.json']).split('\n').filter((path) => path !== '');
  return new Set(manifests.map((path) => (path === 'package.json' ? '' : path.slice(0, -'/package.json'.length))));
}

function toolSpecs(fresh: string, installed: string, { options, binaries }: Context): ToolSpec[] {
  const production = options.production ? ['--production'] : [];
  const steward = (source: Source, where: ToolRun['where'], cwd: string): ToolSpec => {
    const args = ['deadcode', cwd, '--json', ...production];
    return { source, where, cwd, command: `steward ${args.join(' ')}`, run: () => withHome((home) => runStewardJson(args, cwd, home)), normalize: normalizeSteward };
  };
  const peer = (source: 'knip' | 'fallow', args: readonly string[], runner: typeof measureJson, normalize: ToolSpec['normalize']): ToolSpec => {
    const binary = binaries[source];
    return {
      source,
      where: 'installed copy',
      cwd: installed,
      command: `${source} ${args.join(' ')}`,
      run: () => (binary === undefined ? Promise.reject(new Error(`${source} not found in ${options.binDir.join(' or ')}`)) : runner(binary, args, installed)),
      normalize,
    };
  };
  return [
    steward('steward', 'fresh clone', fresh),
    steward('steward-installed', 'installed copy', installed),
    peer('knip', ['--reporter', 'json', '--no-progress', '--no-config-hints', ...production], runKnip, normalizeKnip),
    peer('fallow', ['dead-code', '--format', 'json', '--quiet', ...production], measureJson, normalizeFallow),
  ];
}

async function withHome<T>(during: (home: string) => Promise<T>): Promise<T> {
  const home = freshHome();
  try {
    return await during(home);
  } finally {
    removeHome(home);
  }
}

/** Runs a tool and normalizes its report; any failure becomes a run without findings, not the end of the comparison. */
async function runTool(spec: ToolSpec, context: PathContext, rawDir: string | undefined, repoName: string): Promise<{ run: ToolRun; normalized?: Normalized }> {
  const base = { source: spec.source, where: spec.where, command: spec.command };
  let measured: Awaited<ReturnType<ToolSpec['run']>>;
  try {
    measured = await spec.run();
  } catch (error) {
    return { run: { ...base, ok: false, error: error instanceof Error ? error.message : String(error) } };
  }
  if (rawDir) writeRaw(rawDir, `${repoName}.${spec.source}.json`, measured.stdout);
  const figures = { exitCode: measured.exitCode, wallSeconds: measured.wallSeconds, ...(measured.notes?.length ? { notes: measured.notes } : {}) };
  if (measured.answer === undefined) return { run: { ...base, ...figures, ok: false, error: measured.stderrFirstLine || 'no JSON on stdout' } };
  try {
    const normalized = spec.normalize(measured.answer, context);
    const items = new Set(normalized.findings.map(matchKey)).size;
    return { run: { ...base, ...figures, ok: true, findings: items, ignored: normalized.ignored }, normalized };
  } catch (error) {
    return { run: { ...base, ...figures, ok: false, error: `unexpected report: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` } };
  }
}

function writeRaw(dir: string, file: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), text);
}

/** Ctrl-C: installs run in their own process groups, so they are stopped here; the tools get the signal from the terminal. */
function stopInstallsOnInterrupt(cleanUp: () => void): void {
  process.once('SIGINT', () => {
    for (const pid of runningInstalls) killGroup(pid);
    cleanUp();
    process.exit(130);
  });
}

function log(repo: string, message: string): void {
  console.error(`${repo}: ${message}`);
}

main(program.opts<Options>()).catch((error: unknown) => {
  console.error(`deadcode-compare: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
