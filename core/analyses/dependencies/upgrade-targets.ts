import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PackageMetadata } from '../../../analyzers/dependencies/package-metadata.js';
import type { Database } from '../../store/database.js';
import { serveMetadata } from './metadata-server.js';

const targetKinds = ['latest', 'minor', 'patch'] as const;

/** The versions npm-check-updates would upgrade an installed version to; null where nothing newer qualifies. */
type UpgradeTargets = Record<(typeof targetKinds)[number], string | null>;

/** One installed version of a package, to find upgrade targets for. */
interface TargetRequest {
  name: string;
  installed: string;
  registry: string;
  /** The package's metadata (npm-check-updates reads it from Steward, not from the registry). */
  metadata: PackageMetadata;
  /** The cached metadata's hash: targets computed from other metadata are not reused. */
  metadataHash: string;
  /**
   * Whether the metadata has a newer latest version old enough for the cooldown: npm-check-updates
   * must then name a latest target, and its silence means it failed.
   */
  expectsLatest: boolean;
}

interface UpgradeTargetsOptions {
  db: Database;
  requests: readonly TargetRequest[];
  /** Leave out versions younger than this many days (npm-check-updates' --cooldown). */
  cooldownDays: number;
  now: Date;
  timeoutMs?: number;
  signal?: AbortSignal;
}

type TargetsOutcome = { targets: Map<string, UpgradeTargets>; failure?: string };

/** The key of one installed version in the outcome. */
export const targetKey = (version: { name: string; installed: string }): string => `${version.name}@${version.installed}`;

/**
 * Upgrade targets (latest, minor, patch, with a cooldown) from npm-check-updates, reused from the
 * cache while the package's metadata is unchanged. npm-check-updates runs in a worker thread of its
 * own (it memoises registry answers for the life of its module), on the installed versions as exact
 * specifiers, against the metadata Steward fetched, served on 127.0.0.1: one fetch per package
 * however many targets, the same versions and times the metrics see, and targets offline too. Its
 * answers are checked against the metadata: no latest target where the metadata has a newer
 * version is its failure, reported, never taken for "up to date".
 */
export async function upgradeTargets(options: UpgradeTargetsOptions): Promise<TargetsOutcome> {
  const { db, requests, cooldownDays } = options;
  const select = db.prepare<[string, string, string, number], { metadata_hash: string; targets: string }>(
    'SELECT metadata_hash, targets FROM upgrade_targets WHERE registry = ? AND name = ? AND installed = ? AND cooldown_days = ?',
  );
  const targets = new Map<string, UpgradeTargets>();
  const missing: TargetRequest[] = [];
  for (const request of requests) {
    const row = select.get(request.registry, request.name, request.installed, cooldownDays);
    if (row && row.metadata_hash === request.metadataHash) targets.set(targetKey(request), JSON.parse(row.targets) as UpgradeTargets);
    else missing.push(request);
  }
  if (missing.length === 0) return { targets };

  let computed: Map<string, UpgradeTargets>;
  try {
    computed = await runNpmCheckUpdates(missing, options);
  } catch (error) {
    options.signal?.throwIfAborted();
    return { targets, failure: `npm-check-updates failed: ${(error as Error).message}` };
  }
  const insert = db.prepare(
    `INSERT INTO upgrade_targets (registry, name, installed, cooldown_days, metadata_hash, targets, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (registry, name, installed, cooldown_days) DO UPDATE SET metadata_hash = excluded.metadata_hash, targets = excluded.targets, computed_at = excluded.computed_at`,
  );
  const silent: string[] = [];
  for (const request of missing) {
    const found = computed.get(targetKey(request))!;
    if (request.expectsLatest && found.latest === null) {
      silent.push(request.name);
      continue;
    }
    targets.set(targetKey(request), found);
    insert.run(request.registry, request.name, request.installed, cooldownDays, request.metadataHash, JSON.stringify(found), options.now.toISOString());
  }
  if (silent.length === 0) return { targets };
  const named = silent.length === 1 ? silent[0] : `${silent.length} packages (${silent.slice(0, 3).join(', ')}${silent.length > 3 ? ', …' : ''})`;
  return { targets, failure: `npm-check-updates named no target for ${named} although the registry has newer versions` };
}

function servedName(index: number): string {
  return `steward-upgrade-target-${index}`;
}

/** The environment without npm's settings (npm_config_*), which would send requests elsewhere. */
function withoutNpmSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

/** `npm:name@1.2.3` → 1.2.3. */
function aliasVersion(specifier: string | undefined): string | null {
  return specifier ? specifier.slice(specifier.lastIndexOf('@') + 1) : null;
}

// The worker: a fresh npm-check-updates for each run, one run per target kind (the later ones reuse the first's fetches).
const workerScript = `
const { parentPort, workerData } = require('node:worker_threads');
const { run } = require(workerData.module);
(async () => {
  const results = {};
  for (const target of workerData.targets) results[target] = (await run({ ...workerData.options, target })) || {};
  parentPort.postMessage({ results });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

async function runNpmCheckUpdates(requests: readonly TargetRequest[], options: UpgradeTargetsOptions): Promise<Map<string, UpgradeTargets>> {
  options.signal?.throwIfAborted();
  // Served under unscoped names of its own: no `@scope:registry` in an .npmrc npm-check-updates finds
  // (it also searches from the process's working folder) can send a request elsewhere.
  const server = await serveMetadata(new Map(requests.map((request, index) => [servedName(index), request.metadata])));
  // An empty folder and no user .npmrc: nothing may send a scope elsewhere than the server.
  const cwd = mkdtempSync(join(tmpdir(), 'steward-ncu-'));
  try {
    return await runInWorker(requests, { ...options, registry: server.url, cwd });
  } finally {
    await server.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function runInWorker(versions: readonly TargetRequest[], options: UpgradeTargetsOptions & { registry: string; cwd: string }): Promise<Map<string, UpgradeTargets>> {
  // Aliases give each installed version a key of its own (one package may be installed at several versions).
  const dependencies = Object.fromEntries(versions.map((version, index) => [`v${index}`, `npm:${servedName(index)}@${version.installed}`]));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const worker = new Worker(workerScript, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('npm-check-updates'),
      targets: targetKinds,
      options: {
        packageData: JSON.stringify({ dependencies }),
        registry: options.registry,
        cwd: options.cwd,
        cooldown: options.cooldownDays,
        jsonUpgraded: true,
        silent: true,
        packageManager: 'npm',
        timeout: timeoutMs,
      },
    },
    env: { ...withoutNpmSettings(process.env), NPM_CONFIG_USERCONFIG: join(options.cwd, 'none'), npm_config_userconfig: join(options.cwd, 'none') },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const results = await new Promise<Record<string, Record<string, string>>>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
      worker.once('message', (message: { results?: Record<string, Record<string, string>>; error?: string }) => {
        if (message.results) resolve(message.results);
        else reject(new Error(message.error ?? 'no result'));
      });
      worker.once('error', (error) => reject(error));
      worker.once('exit', (code) => reject(new Error(`it stopped (exit code ${code})`)));
    });
    return new Map(
      versions.map((version, index) => [targetKey(version), Object.fromEntries(targetKinds.map((kind) => [kind, aliasVersion(results[kind]?.[`v${index}`])])) as UpgradeTargets]),
    );
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
