/**
 * `npm start`: opens the desktop app where it can run, and otherwise serves the same interface in
 * the browser, saying in one line why. The Electron runtime and a better-sqlite3 build for its ABI
 * are fetched on first launch where the network allows; neither is needed for browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCommand } from './commands/serve.js';
import { installation } from './installation.js';
import { openStewardForCli } from './open-steward.js';
import { chooseStore } from '../core/store/store-choice.js';
import { stewardHome } from '../core/paths.js';

const require = createRequire(import.meta.url);
const downloadTimeoutMs = 180_000;

type Readiness = { ready: true; electron: string; sqliteBinding: string } | { ready: false; reason: string };

function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

/** The Electron binary's path, downloading it once if it is missing. */
function electronBinary(): string | undefined {
  const find = (): string | undefined => {
    try {
      const path = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: installation.root, encoding: 'utf8' });
      return path.status === 0 && existsSync(path.stdout) ? path.stdout : undefined;
    } catch {
      return undefined;
    }
  };
  const found = find();
  if (found) return found;
  process.stderr.write(`Fetching the Electron ${electronVersion()} runtime (first launch only)…\n`);
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore', timeout: downloadTimeoutMs });
  return find();
}

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build that the CLI and tests
 * use, and handed to Electron through better-sqlite3's `nativeBinding` option.
 */
function electronSqliteBinding(): string | undefined {
  const version = electronVersion();
  const target = join(installation.root, '.steward-native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const workDir = mkdtempSync(join(tmpdir(), 'steward-sqlite-'));
  try {
    copyFileSync(require.resolve('better-sqlite3/package.json'), join(workDir, 'package.json'));
    const prebuild = spawnSync(
      process.execPath,
      [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform],
      { cwd: workDir, stdio: 'ignore', timeout: downloadTimeoutMs },
    );
    const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
    if (prebuild.status !== 0 || !existsSync(built)) return undefined;
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(built, target);
    return target;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function desktopReadiness(): Readiness {
  if (process.env.STEWARD_BROWSER_MODE) return { ready: false, reason: 'STEWARD_BROWSER_MODE is set' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ready: false, reason: 'there is no display to open a window on' };
  }
  const electron = electronBinary();
  if (!electron) return { ready: false, reason: 'the Electron runtime is not installed and could not be downloaded' };
  const sqliteBinding = electronSqliteBinding();
  if (!sqliteBinding) return { ready: false, reason: `better-sqlite3 for Electron ${electronVersion()} could not be downloaded` };
  return { ready: true, electron, sqliteBinding };
}

const readiness = desktopReadiness();
if (readiness.ready) {
  const child = spawn(readiness.electron, [installation.root], {
    stdio: 'inherit',
    env: { ...process.env, STEWARD_SQLITE_BINDING: readiness.sqliteBinding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const steward = openStewardForCli('app', chooseStore({ env: process.env, home: stewardHome() }));
  const port = Number(process.env.STEWARD_PORT ?? 0);
  await serveCommand(steward, port, `Browser mode: ${readiness.reason}.`);
  await steward.close();
}
