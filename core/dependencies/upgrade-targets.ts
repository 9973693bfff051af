import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from '../store/database.js';

const targetKinds = ['latest', 'minor', 'patch'] as const;

/** The versions npm-check-updates would upgrade an installed version to; null where nothing newer qualifies. */
export type UpgradeTargets = Record<(typeof targetKinds)[number], string | null>;

/** One installed version of a package, to find upgrade targets for. */
export interface TargetVersion {
  name: string;
  installed: string;
  registry: string;
}

export interface TargetRequest extends TargetVersion {
  /** The cached metadata's hash: targets computed from other metadata are not reused. */
  metadataHash: string;
  /**
   * Whether the metadata has a newer latest version old enough for the cooldown: npm-check-updates
   * must then name a latest target, and its silence means it failed (it answers `{}` when it cannot
   * reach the registry).
   */
  expectsLatest: boolean;
}

export interface UpgradeTargetsOptions {
  db: Database;
  /** Installed versions known before any metadata (the lockfile's): asked for at once, while the metadata is fetched. */
  known: readonly TargetVersion[];
  /** Every version to target, once the metadata is in (only packages whose metadata could be fetched). */
  requests: Promise<readonly TargetRequest[]>;
  /** Leave out versions younger than this many days (npm-check-updates' --cooldown). */
  cooldownDays: number;
  /** Where npm-check-updates runs (it reads .npmrc there for scoped registries and credentials). */
  cwd: string;
  /** The registry for unscoped packages. */
  defaultRegistry: string;
  offline: boolean;
  now: Date;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type TargetsOutcome = { targets: Map<string, UpgradeTargets>; failure?: string };

/** The key of one installed version in the outcome. */
export const targetKey = (version: { name: string; installed: string }): string => `${version.name}@${version.installed}`;

type Computed = Map<string, UpgradeTargets>;

/**
 * Upgrade targets (latest, minor, patch, with a cooldown) from npm-check-updates, reused from the
 * cache while the package's metadata is unchanged. npm-check-updates runs in a worker thread of its
 * own (it memoises registry answers for the life of its module), on the installed versions as exact
 * specifiers, started for the lockfile's versions while the metadata is still being fetched. Its
 * answers are checked against the metadata: no target where the metadata has a newer version is
 * its failure, reported, never taken for "up to date".
 */
export async function upgradeTargets(options: UpgradeTargetsOptions): Promise<TargetsOutcome> {
  const { db, cooldownDays } = options;
  const select = db.prepare<[string, string, string, number], { metadata_hash: string; targets: string }>(
    'SELECT metadata_hash, targets FROM upgrade_targets WHERE registry = ? AND name = ? AND installed = ? AND cooldown_days = ?',
  );
  const cachedRow = (version: TargetVersion) => select.get(version.registry, version.name, version.installed, cooldownDays);
  const unknown = options.offline ? [] : options.known.filter((version) => !cachedRow(version));
  const early = unknown.length > 0 ? settle(runNpmCheckUpdates(unknown, options)) : undefined;

  const requests = await options.requests;
  const targets = new Map<string, UpgradeTargets>();
  const computed = new Map<string, UpgradeTargets>();
  const failures: string[] = [];
  const earlyAnswer = await early;
  if (earlyAnswer && 'error' in earlyAnswer) failures.push(earlyAnswer.error);
  const missing: TargetRequest[] = [];
  for (const request of requests) {
    const key = targetKey(request);
    const row = cachedRow(request);
    if (row && row.metadata_hash === request.metadataHash) targets.set(key, JSON.parse(row.targets) as UpgradeTargets);
    else if (earlyAnswer && !('error' in earlyAnswer) && earlyAnswer.has(key)) computed.set(key, earlyAnswer.get(key)!);
    else missing.push(request);
  }
  if (missing.length > 0 && options.offline) failures.push(`offline, and the cache has none for ${missing.length === 1 ? '1 version' : `${missing.length} versions`}`);
  else if (missing.length > 0) {
    const late = await settle(runNpmCheckUpdates(missing, options));
    if ('error' in late) failures.push(late.error);
    else for (const [key, found] of late) computed.set(key, found);
  }

  const insert = db.prepare(
    `INSERT OR REPLACE INTO upgrade_targets (registry, name, installed, cooldown_days, metadata_hash, targets, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const silent: string[] = [];
  for (const request of requests) {
    const found = computed.get(targetKey(request));
    if (!found) continue;
    if (request.expectsLatest && found.latest === null) {
      silent.push(request.name);
      continue;
    }
    targets.set(targetKey(request), found);
    insert.run(request.registry, request.name, request.installed, cooldownDays, request.metadataHash, JSON.stringify(found), options.now.toISOString());
  }
  if (silent.length > 0) failures.push(`npm-check-updates named no target for ${silent.length === 1 ? silent[0] : `${silent.length} packages (${silent.slice(0, 3).join(', ')}${silent.length > 3 ? ', …' : ''})`} although the registry has newer versions`);
  return failures.length > 0 ? { targets, failure: [...new Set(failures)].join('; ') } : { targets };
}

/** A failure of npm-check-updates as a value (its message), unless the whole check was cancelled. */
async function settle(running: Promise<Computed>): Promise<Computed | { error: string }> {
  try {
    return await running;
  } catch (error) {
    return { error: `npm-check-updates failed: ${(error as Error).message}` };
  }
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

async function runNpmCheckUpdates(versions: readonly TargetVersion[], options: UpgradeTargetsOptions): Promise<Computed> {
  options.signal?.throwIfAborted();
  // Aliases give each installed version a key of its own (one package may be installed at several versions).
  const dependencies = Object.fromEntries(versions.map((version, index) => [`v${index}`, `npm:${version.name}@${version.installed}`]));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const worker = new Worker(workerScript, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('npm-check-updates'),
      targets: targetKinds,
      options: {
        packageData: JSON.stringify({ dependencies }),
        // Scoped packages go where the .npmrc in cwd sends them.
        registry: options.defaultRegistry,
        cwd: options.cwd,
        cooldown: options.cooldownDays,
        jsonUpgraded: true,
        silent: true,
        packageManager: 'npm',
        // Its default of 8 requests at a time makes three targets for 100 packages take seconds.
        concurrency: 32,
        timeout: timeoutMs,
      },
    },
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
