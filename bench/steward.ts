import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Measurement, measure } from './measure.js';

/** The Steward checkout this harness belongs to (never a benchmark subject). */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface StewardRun extends Measurement {
  /** `stats` of the --json answer (files, parsed, cached, …), when the command succeeded. */
  readonly stats?: unknown;
  readonly ok: boolean;
}

/** `node bin/steward.js complexity <repo> --json` with the given STEWARD_HOME. */
export async function runSteward(repo: string, home: string): Promise<StewardRun> {
  const { answer, ...run } = await runStewardJson(['complexity', repo, '--json'], repo, home);
  const stats = answer && typeof answer === 'object' && 'stats' in answer ? answer.stats : undefined;
  return { ...run, ok: answer !== undefined, ...(stats === undefined ? {} : { stats }) };
}

/** Any command that answers JSON (`deadcode <repo> --json`), counted when it did. */
export async function runStewardCommand(args: readonly string[], cwd: string, home: string): Promise<StewardRun> {
  const { answer, ...run } = await runStewardJson(args, cwd, home);
  return { ...run, ok: answer !== undefined };
}

/**
 * `steward scan <repo> --offline --timings`: the dependency check from the cache only, so that no
 * network time is measured; stats are when the code results were in and when the snapshot was saved
 * (seconds from the start of the command's work, after Node loaded it).
 */
export async function runStewardScan(repo: string, home: string): Promise<StewardRun> {
  const run = await measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), 'scan', repo, '--offline', '--timings', '--quiet', '--json'], {
    cwd: repo,
    env: { ...process.env, STEWARD_HOME: home },
    keepStderr: true,
  });
  const seconds = (pattern: RegExp): number | undefined => {
    const found = pattern.exec(run.stderr ?? '')?.[1];
    return found === undefined ? undefined : Number(found);
  };
  const codeReadySeconds = seconds(/^ready code ([\d.]+) s$/m);
  const savedSeconds = seconds(/^saved ([\d.]+) s$/m);
  return { ...run, ok: run.exitCode === 0 && savedSeconds !== undefined, stats: { ...(codeReadySeconds === undefined ? {} : { codeReadySeconds }), ...(savedSeconds === undefined ? {} : { savedSeconds }) } };
}

/** `node bin/steward.js <args>` in `cwd` with the given STEWARD_HOME; `answer` is its JSON on stdout when it exited 0. */
export async function runStewardJson(args: readonly string[], cwd: string, home: string): Promise<Measurement & { answer: unknown }> {
  const run = await measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), ...args], { cwd, env: { ...process.env, STEWARD_HOME: home } });
  return { ...run, answer: run.exitCode === 0 ? parseJson(run.stdout) : undefined };
}

/** A fresh, empty STEWARD_HOME: a cold cache. */
export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'steward-bench-home-'));
}

export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
