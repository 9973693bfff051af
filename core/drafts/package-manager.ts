import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageManager } from '../../analyzers/discover/package-manager.js';
import { absoluteSearchPath } from '../git/git-environment.js';

type Argv = [string, ...string[]];

/** How a draft drives the repository's own package manager. */
export interface ManagerCommands {
  manager: PackageManager;
  /** The lockfile it writes, at the repository root. */
  lockfile: string;
  /** Brings the lockfile in line with package.json without installing (and never runs scripts). */
  updateLockfile: Argv;
  /** Installs what the lockfile says; scripts only with consent. */
  install(consent: boolean): Argv;
  /** Checks the installed tree (missing, invalid or conflicting packages); null where the manager has no such check. */
  checkTree: Argv | null;
  /** Runs a package.json script. */
  runScript(name: string): Argv;
  /** Installs exactly the lockfile (for a rollback). */
  cleanInstall: Argv;
}

/** The commands of a repository's package manager (npm when nothing says, as npm would be used). */
export function managerCommands(manager: PackageManager | null, root: string, packageManagerField: unknown): ManagerCommands {
  switch (manager) {
    case 'pnpm':
      return {
        manager,
        lockfile: 'pnpm-lock.yaml',
        updateLockfile: ['pnpm', 'install', '--lockfile-only', '--ignore-scripts'],
        install: (consent) => ['pnpm', 'install', '--no-frozen-lockfile', ...(consent ? [] : ['--ignore-scripts'])],
        checkTree: null,
        runScript: (name) => ['pnpm', 'run', name],
        cleanInstall: ['pnpm', 'install', '--frozen-lockfile'],
      };
    case 'yarn': {
      const berry = existsSync(join(root, '.yarnrc.yml')) || (typeof packageManagerField === 'string' && /^yarn@[2-9]/.test(packageManagerField));
      return {
        manager,
        lockfile: 'yarn.lock',
        updateLockfile: berry ? ['yarn', 'install', '--mode=update-lockfile'] : ['yarn', 'install', '--ignore-scripts', '--non-interactive'],
        install: (consent) => ['yarn', 'install', ...(berry ? (consent ? [] : ['--mode=skip-build']) : ['--non-interactive', ...(consent ? [] : ['--ignore-scripts'])])],
        checkTree: null,
        runScript: (name) => ['yarn', 'run', name],
        cleanInstall: berry ? ['yarn', 'install', '--immutable'] : ['yarn', 'install', '--frozen-lockfile'],
      };
    }
    case 'bun':
      return {
        manager,
        lockfile: existsSync(join(root, 'bun.lockb')) ? 'bun.lockb' : 'bun.lock',
        updateLockfile: ['bun', 'install', '--lockfile-only', '--ignore-scripts'],
        install: (consent) => ['bun', 'install', ...(consent ? [] : ['--ignore-scripts'])],
        checkTree: null,
        runScript: (name) => ['bun', 'run', name],
        cleanInstall: ['bun', 'install', '--frozen-lockfile'],
      };
    default:
      return {
        manager: 'npm',
        lockfile: existsSync(join(root, 'npm-shrinkwrap.json')) ? 'npm-shrinkwrap.json' : 'package-lock.json',
        updateLockfile: ['npm', 'install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
        install: (consent) => ['npm', 'install', '--no-audit', '--no-fund', ...(consent ? [] : ['--ignore-scripts'])],
        checkTree: ['npm', 'ls', '--all'],
        runScript: (name) => ['npm', 'run', name],
        cleanInstall: ['npm', 'ci', '--no-audit', '--no-fund'],
      };
  }
}

/** What `npm run` tells the process it starts (Steward run by `npm start`), which would point a draft's npm at Steward's own folder. */
const inheritedFromNpmRun = /^(npm_lifecycle_|npm_package_|npm_command$|npm_execpath$|npm_node_execpath$|npm_config_local_prefix$|npm_config_argv$|INIT_CWD$|GIT_)/;

/**
 * The environment of every command a draft runs: the user's (their registry and cache settings
 * included), without what Steward's own process was given by `npm run`, non-interactive and
 * colourless, with programs found on the user's absolute PATH only. Without consent, no script runs,
 * whatever the repository's .npmrc says (the environment outranks it).
 */
export function commandEnvironment(consent: boolean): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !inheritedFromNpmRun.test(name)));
  return {
    ...env,
    // npm, node and the package manager are the user's, never a file of the worktree's own.
    PATH: absoluteSearchPath(env['PATH']),
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...(consent ? {} : { npm_config_ignore_scripts: 'true', npm_config_script_shell: '/bin/sh', npm_config_git: 'git', YARN_ENABLE_SCRIPTS: 'false' }),
  };
}
