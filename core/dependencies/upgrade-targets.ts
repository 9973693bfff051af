import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from '../store/database.js';

const targetKinds = ['latest', 'minor', 'patch'] as const;

/** The versions npm-check-updates would upgrade an installed version to; null where nothing newer qualifies. */
export type UpgradeTargets = Record<(typeof targetKinds)[number], string | null>;

export interface TargetRequest {
  name: string;
  installed: string;
  registry: string;
  /** The cached metadata's hash: targets computed from other metadata are not reused. */
  metadataHash: string;
}

export interface UpgradeTargetsOptions {
  db: Database;
  requests: readonly TargetRequest[];
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
export const targetKey = (name: string, installed: string): string => `${name}@${installed}`;

/**
 * Upgrade targets (latest, minor, patch, with a cooldown) from npm-check-updates, reused from the
 * cache while the package's metadata is unchanged. npm-check-updates runs in a worker thread of its
 * own (it memoises registry answers for the life of its module, and answers `{}` when it cannot
 * reach the registry), on the installed versions as exact specifiers; its failure is reported.
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
    if (row && row.metadata_hash === request.metadataHash) targets.set(targetKey(request.name, request.installed), JSON.parse(row.targets) as UpgradeTargets);
    else missing.push(request);
  }
  if (missing.length === 0) return { targets };
  if (options.offline) return { targets, failure: `offline: no upgrade targets in the cache for ${missing.length === 1 ? '1 version' : `${missing.length} versions`}` };

  let computed: Record<string, Record<string, string>>;
  try {
    computed = await runNpmCheckUpdates(missing, options);
  } catch (error) {
    options.signal?.throwIfAborted();
    return { targets, failure: `npm-check-updates failed: ${(error as Error).message}` };
  }
  const insert = db.prepare(
    `INSERT OR REPLACE INTO upgrade_targets (registry, name, installed, cooldown_days, metadata_hash, targets, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  missing.forEach((request, index) => {
    const found = Object.fromEntries(targetKinds.map((kind) => [kind, aliasVersion(computed[kind]?.[`v${index}`])])) as UpgradeTargets;
    targets.set(targetKey(request.name, request.installed), found);
    insert.run(request.registry, request.name, request.installed, cooldownDays, request.metadataHash, JSON.stringify(found), options.now.toISOString());
  });
  return { targets };
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

async function runNpmCheckUpdates(requests: readonly TargetRequest[], options: UpgradeTargetsOptions): Promise<Record<string, Record<string, string>>> {
  // Aliases give each installed version a key of its own (one package may be installed at several versions).
  const dependencies = Object.fromEntries(requests.map((request, index) => [`v${index}`, `npm:${request.name}@${request.installed}`]));
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
        timeout: timeoutMs,
      },
    },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
      worker.once('message', (message: { results?: Record<string, Record<string, string>>; error?: string }) => {
        if (message.results) resolve(message.results);
        else reject(new Error(message.error ?? 'no result'));
      });
      worker.once('error', (error) => reject(error));
      worker.once('exit', (code) => reject(new Error(`it stopped (exit code ${code})`)));
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
