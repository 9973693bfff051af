/**
 * Scratch copies of a repository for the dead-code comparison, and installing its dependencies in
 * one: with the package manager and version its package.json names, lifecycle scripts disabled.
 * The user's clone is never written to.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';

/**
 * `git clone --shared` without a checkout, then every file that can be written: clones made for
 * benchmarking may miss a few large blobs (dropped from a partial mirror), which makes a plain
 * checkout give up. Returns the paths that could not be written.
 */
export function scratchClone(source: string, destination: string): string[] {
  git(source, ['clone', '--quiet', '--shared', '--no-checkout', source, destination]);
  git(destination, ['read-tree', 'HEAD']);
  try {
    git(destination, ['checkout-index', '--all', '--force']);
    return [];
  } catch {
    // checkout-index writes what it can and fails at the end; what is missing shows as deleted.
    return git(destination, ['ls-files', '--deleted']).split('\n').filter((path) => path !== '');
  }
}

export interface InstallPlan {
  readonly manager: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Where the plan departs from what the repository asks for, and why. */
  readonly notes: readonly string[];
}

const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund'];

/** The install command for the repository at `root`, from its packageManager field or else its lockfile. */
export function planInstall(root: string): InstallPlan {
  const declared = declaredManager(root);
  const manager = declared?.name ?? lockfileManager(root);
  const version = declared?.version;
  switch (manager) {
    case 'pnpm':
      return pnpmPlan(version);
    case 'yarn':
      return version !== undefined && Number(version.split('.')[0]) >= 2 ? yarnBerryPlan(version) : yarnClassicPlan(version ?? '1');
    case 'npm':
      return npmPlan(root, []);
    default:
      return npmPlan(root, [`${manager} is not supported here; installed with npm instead`]);
  }
}

function declaredManager(root: string): { name: string; version: string } | undefined {
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const field = manifest && typeof manifest === 'object' && 'packageManager' in manifest ? manifest.packageManager : undefined;
  const match = typeof field === 'string' ? /^(?<name>[\w-]+)@(?<version>[^+]+)/.exec(field) : null;
  return match?.groups?.name && match.groups.version ? { name: match.groups.name, version: match.groups.version } : undefined;
}

function lockfileManager(root: string): string {
  if (existsSync(join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(root, 'yarn.lock'))) return 'yarn';
  if (existsSync(join(root, 'bun.lockb')) || existsSync(join(root, 'bun.lock'))) return 'bun';
  return 'npm';
}

/**
 * pnpm at the declared version (else the latest 10), told not to switch itself to another version
 * nor to refuse a mismatch. pnpm 11 needs Node 22 (node:sqlite): on older Node it runs as
 * @pnpm/exe, the build that brings its own Node.
 */
function pnpmPlan(declared: string | undefined): InstallPlan {
  const version = declared ?? '10';
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const standalone = Number(version.split('.')[0]) >= 11 && nodeMajor < 22;
  const runner = standalone ? ['--yes', '--package', `@pnpm/exe@${version}`, 'pnpm'] : ['--yes', `pnpm@${version}`];
  return {
    manager: `pnpm@${version}`,
    command: 'npx',
    args: [...runner, 'install', '--ignore-scripts', '--frozen-lockfile=false', '--config.manage-package-manager-versions=false', '--config.package-manager-strict=false'],
    env: { CI: '1' },
    notes: standalone ? [`run as @pnpm/exe@${version}: pnpm ${version} needs Node 22, this is Node ${process.versions.node}`] : [],
  };
}

function yarnClassicPlan(version: string): InstallPlan {
  return { manager: `yarn@${version}`, command: 'npx', args: ['--yes', `yarn@${version}`, 'install', '--ignore-scripts', '--non-interactive'], env: {}, notes: [] };
}

/** Yarn 2+ through corepack, fetched from the npm registry, with node_modules (not Plug'n'Play) so that knip and fallow can read it. */
function yarnBerryPlan(version: string): InstallPlan {
  return {
    manager: `yarn@${version}`,
    command: 'corepack',
    args: [`yarn@${version}`, 'install', '--mode=skip-build'],
    env: {
      COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
      COREPACK_NPM_REGISTRY: 'https://registry.npmjs.org',
      YARN_ENABLE_SCRIPTS: 'false',
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      YARN_NODE_LINKER: 'node-modules',
    },
    notes: ['node_modules linker forced (YARN_NODE_LINKER=node-modules)'],
  };
}

function npmPlan(root: string, notes: readonly string[]): InstallPlan {
  const locked = existsSync(join(root, 'package-lock.json'));
  return { manager: 'npm', command: 'npm', args: [locked ? 'ci' : 'install', ...npmFlags], env: {}, notes };
}

export interface InstallResult {
  readonly manager: string;
  readonly command: string;
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly seconds: number;
  readonly notes: readonly string[];
  /** The last lines of the install's output, when it failed. */
  readonly tail?: string;
  readonly log: string;
}

/** Process groups of installs under way, to end them with the harness on Ctrl-C. */
export const runningInstalls = new Set<number>();

/** Runs the plan in `root` with its output in `log`; a slow install is stopped, with every process it started, after `timeoutMs`. */
export async function install(root: string, plan: InstallPlan, timeoutMs: number, log: string): Promise<InstallResult> {
  const started = Date.now();
  const output = openSync(log, 'w');
  const child = spawn(plan.command, plan.args, { cwd: root, env: { ...process.env, ...plan.env }, stdio: ['ignore', output, output], detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, timeoutMs);
  if (child.pid !== undefined) runningInstalls.add(child.pid);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  }).finally(() => {
    clearTimeout(timer);
    if (child.pid !== undefined) runningInstalls.delete(child.pid);
    closeSync(output);
  });
  const ok = exitCode === 0 && !timedOut;
  return {
    manager: plan.manager,
    command: [plan.command, ...plan.args].join(' '),
    ok,
    exitCode,
    timedOut,
    seconds: Math.round((Date.now() - started) / 1000),
    notes: plan.notes,
    ...(ok ? {} : { tail: readFileSync(log, 'utf8').trimEnd().split('\n').slice(-15).join('\n') }),
    log,
  };
}

export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
