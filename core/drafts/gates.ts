import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GateName, GateResult } from '../api/drafts.js';
import type { StewardConfig } from '../config/steward-config.js';
import type { ManagerCommands } from './package-manager.js';
import { runCommand } from './run-command.js';

type Argv = [string, ...string[]];

/** A gate as planned for a repository: its commands, or why it cannot run. */
export interface GateSpec {
  gate: GateName;
  commands: Argv[];
  /** It runs the repository's own code (scripts, configs), so only with consent. */
  runsRepositoryCode: boolean;
  /** Why it does not run at all, when it does not. */
  skip: string | null;
}

interface GatePlanInput {
  /** The root package.json's scripts. */
  scripts: Record<string, unknown>;
  manager: ManagerCommands;
  /** tsconfig.json files of the repository (root and workspaces), relative. */
  tsconfigs: readonly string[];
  config: StewardConfig['drafts'];
  /** Whether the repository's own code may run (install scripts among it). */
  consent: boolean;
}

/** npm's placeholder test script ("no test specified") is no test at all. */
const placeholderTest = /no test specified/;

/**
 * The gates of a repository, from its package.json scripts and package manager, as
 * `steward.config.json` (`drafts.gates`) may override them: install, dependency tree, typecheck
 * (`tsc --noEmit` per tsconfig, with the TypeScript the repository installs), lint, test, build.
 */
export function planGates({ scripts, manager, tsconfigs, config, consent }: GatePlanInput): GateSpec[] {
  const script = (name: string, gate: GateName): GateSpec => {
    const text = scripts[name];
    if (typeof text !== 'string' || text.trim() === '' || (name === 'test' && placeholderTest.test(text))) {
      return { gate, commands: [], runsRepositoryCode: true, skip: `package.json has no ${name} script` };
    }
    return { gate, commands: [manager.runScript(name)], runsRepositoryCode: true, skip: null };
  };
  const configured = (gate: keyof StewardConfig['drafts']['gates'], fallback: () => GateSpec): GateSpec => {
    const told = config.gates[gate];
    if (told === false) return { gate, commands: [], runsRepositoryCode: true, skip: `steward.config.json turns the ${gate} gate off` };
    if (told) return { gate, commands: [told as Argv], runsRepositoryCode: true, skip: null };
    return fallback();
  };
  return [
    configured('install', () => ({ gate: 'install', commands: [manager.install(consent)], runsRepositoryCode: false, skip: null })),
    { gate: 'dependency-tree', commands: manager.checkTree ? [manager.checkTree] : [], runsRepositoryCode: false, skip: manager.checkTree ? null : `${manager.manager} has no check of the installed tree` },
    configured('typecheck', () =>
      tsconfigs.length === 0
        ? { gate: 'typecheck', commands: [], runsRepositoryCode: false, skip: 'no tsconfig.json' }
        : { gate: 'typecheck', commands: tsconfigs.map((file): Argv => ['node', 'node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', file]), runsRepositoryCode: false, skip: null },
    ),
    configured('lint', () => script('lint', 'lint')),
    configured('test', () => script('test', 'test')),
    configured('build', () => script('build', 'build')),
  ];
}

interface GateRun {
  folder: string;
  consent: boolean;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Where each gate's whole log is written; `label` names the run (baseline, a group). */
  logFile(gate: GateName, label: string): string;
  label: string;
  signal: AbortSignal;
  onGroup?: ((group: number | null) => void) | undefined;
  /** Results of the same gates on the base commit: a gate that failed there too is `failed-before`. */
  baseline?: readonly GateResult[];
  onGate?: (gate: GateName) => void;
}

/** Runs the gates in order in the worktree; after a failed install the others cannot run. */
export async function runGates(specs: readonly GateSpec[], run: GateRun): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const spec of specs) {
    run.signal.throwIfAborted();
    const installed = results.find((result) => result.gate === 'install');
    if (installed && installed.status !== 'passed' && installed.status !== 'failed-before') {
      results.push(notRun(spec, 'the install failed'));
      continue;
    }
    results.push(await runGate(spec, run));
  }
  return results;
}

async function runGate(spec: GateSpec, run: GateRun): Promise<GateResult> {
  if (spec.skip) return notRun(spec, spec.skip);
  if (spec.runsRepositoryCode && !run.consent) return notRun(spec, "not run (consent): it runs the repository's own code, which it may not yet");
  const { commands } = spec;
  if (spec.gate === 'typecheck' && !spec.runsRepositoryCode && !existsSync(join(run.folder, 'node_modules/typescript/bin/tsc'))) {
    return notRun(spec, 'TypeScript is not among the installed packages');
  }
  run.onGate?.(spec.gate);
  const logFile = run.logFile(spec.gate, run.label);
  let durationMs = 0;
  let logTail = '';
  for (const command of commands) {
    const outcome = await runCommand({ command, cwd: run.folder, env: run.env, timeoutMs: run.timeoutMs, logFile, signal: run.signal, onGroup: run.onGroup });
    run.signal.throwIfAborted();
    durationMs += outcome.durationMs;
    logTail = outcome.logTail;
    const result = { gate: spec.gate, command: commands.map((argv) => argv.join(' ')).join(' && '), durationMs, exitCode: outcome.exitCode, logTail };
    if (outcome.startError) return { ...result, status: 'failed', reason: outcome.startError };
    if (outcome.timedOut || outcome.exitCode !== 0) {
      // What failed on the base commit too is not the draft's doing.
      const before = run.baseline?.some((baseline) => baseline.gate === spec.gate && baseline.status !== 'passed' && baseline.status !== 'not-run');
      const said = failureLine(outcome.logTail);
      const why = outcome.timedOut
        ? `${command.join(' ')} ran longer than ${Math.round(run.timeoutMs / 1000)} s and was stopped`
        : `${command.join(' ')} exited with code ${outcome.exitCode}${said ? `: ${said.length > 200 ? `${said.slice(0, 200)}…` : said}` : ''}`;
      return { ...result, status: before ? 'failed-before' : outcome.timedOut ? 'timed-out' : 'failed', reason: `${why}${before ? ', as on the base commit' : ''}` };
    }
  }
  return { gate: spec.gate, command: commands.map((argv) => argv.join(' ')).join(' && '), status: 'passed', reason: null, durationMs, exitCode: 0, logTail };
}

/**
 * The line of a failed command's output that says why: npm's first error other than its code and the
 * path of its debug log, else the last line that speaks of an error.
 */
function failureLine(log: string): string | undefined {
  const lines = log.split('\n').filter((line) => /\b(error|invalid|missing|failed|ERR!?)\b/i.test(line) && !/complete log of this run|^\s*npm (error|ERR!) code \S+\s*$/i.test(line));
  return (lines.find((line) => /^\s*npm (error|ERR!)/.test(line)) ?? lines.at(-1))?.replace(/^\s*npm (error|ERR!)\s*/i, '').trim();
}

function notRun(spec: GateSpec, reason: string): GateResult {
  return { gate: spec.gate, command: spec.commands.length > 0 ? spec.commands.map((argv) => argv.join(' ')).join(' && ') : null, status: 'not-run', reason, durationMs: 0, exitCode: null, logTail: '' };
}

/** Whether a run of gates lets the change through: nothing it broke (what failed on the base too does not count). */
export function gatesPassed(results: readonly GateResult[]): boolean {
  return results.every((result) => result.status !== 'failed' && result.status !== 'timed-out');
}
