import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import { git, gitEnv } from './git.js';
import { projectRoot } from './steward.js';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly git: string;
  readonly tools: Record<string, string>;
  /** The Steward commit measured, and whether the checkout had uncommitted changes on top. */
  readonly steward: { readonly commit: string; readonly uncommittedChanges: boolean };
}

export function describeMachine(binaries: Record<string, string | undefined>): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    git: git(projectRoot, ['--version']).replace(/^git version /, ''),
    tools: Object.fromEntries(Object.entries(binaries).map(([name, path]) => [name, path === undefined ? 'not found' : version(path)])),
    steward: stewardState(),
  };
}

function version(binary: string): string {
  try {
    // fallow prints its version and then a signature check line; knip prints the bare version.
    const first = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? '';
    return first.replace(/^\S+ (?=\d)/, '').trim();
  } catch {
    return 'unknown';
  }
}

/** Read-only: GIT_OPTIONAL_LOCKS=0 keeps `status` from rewriting the index while someone works there. */
function stewardState(): Machine['steward'] {
  const env = { ...gitEnv(), GIT_OPTIONAL_LOCKS: '0' };
  return {
    commit: git(projectRoot, ['rev-parse', '--short', 'HEAD'], { env }),
    uncommittedChanges: git(projectRoot, ['status', '--porcelain', '--untracked-files=no'], { env }) !== '',
  };
}

export function machineLine(machine: Machine): string {
  const tools = Object.entries(machine.tools).map(([name, version]) => `${name} ${version}`);
  const steward = `steward ${machine.steward.commit}${machine.steward.uncommittedChanges ? ' + uncommitted changes' : ''}`;
  return [`${machine.cores} × ${machine.cpu}`, `${machine.memoryGb} GiB RAM`, machine.os, `Node ${machine.node}`, `git ${machine.git}`, ...tools, steward].join(', ');
}
