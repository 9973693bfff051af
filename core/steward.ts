import { StewardError } from './api/errors.js';
import type { StewardEvent } from './api/events.js';
import type { Handlers, RouteOutput } from './api/routes.js';
import { readHistorySummary } from './git/history-summary.js';
import { hasCommit } from './git/has-commit.js';
import { readRepositoryIdentity } from './git/repository-identity.js';
import { inspectRepository } from './git/inspect-repository.js';
import { importTestResults } from './analyses/tests/import-test-results.js';
import { databaseFile, worktreesFolder } from './paths.js';
import { ScanService } from './scan/scan-service.js';
import { type SchedulerClock, realClock, startScanScheduler } from './scan/scan-scheduler.js';
import { notificationsAfterScan } from './health/health-notifications.js';
import type { WorkerModules } from './scan/worker-modules.js';
import { type Database, openDatabase } from './store/database.js';
import { StoreUnreachable, checkTeamStore, redactStoreUrl } from './store/postgres-database.js';
import { type CacheChoice, type StoreChoice, type StoreFallback, type StoreSource, storeFile, teamStoreUrl, writeStoreFile } from './store/store-choice.js';
import { readSettings, updateSettings } from './store/settings.js';
import { itemizeStoredSnapshots } from './inventory/itemize-stored.js';
import { forecastHealth, withChangeSinceWeek } from './health/forecast-health.js';
import { latestStoredScore, scoreInventory } from './health/score-inventory.js';
import { folderHealth } from './health/folder-health.js';
import { readPortfolio } from './health/portfolio.js';
import { type Decision, decideItem, getItem, listInventory } from './inventory/inventory-store.js';
import { exportInventory } from './export/export-inventory.js';
import { type RepositoryFolder, addRepository, findRepository, findRepositoryInFolder, listRepositories, relocateRepository, removeRepository } from './store/repositories.js';
import { getDependencyTrend } from './analyses/dependencies/store.js';
import { analyses } from './analyses/registry.js';
import type { reportRoutes } from './api/analyses.js';
import { getSnapshotReport, listSnapshotSummaries } from './store/snapshots.js';
import { compareSnapshots } from './compare/compare-snapshots.js';
import { readSnapshotFile } from './compare/snapshot-file.js';
import { readBackfillJob, unfinishedBackfills } from './store/backfill-jobs.js';
import { DraftService } from './drafts/draft-service.js';
import { planMarkdown } from './drafts/plan-markdown.js';
import { actorOf } from './drafts/worktree.js';
import { approvalRates, getDraftDetail, listDrafts } from './store/drafts.js';
import { listIdentities } from './identities/list-identities.js';
import { markIdentity, mergeIdentities, unmergeIdentity } from './store/identity-map.js';
import { weeklyReport } from './reports/weekly-report.js';

export interface StewardOptions {
  home: string;
  version: string;
  mode: 'desktop' | 'browser';
  workers: WorkerModules;
  /** Run scans on the calling thread (the CLI's commands, which wait for them and do nothing else). */
  scansInThisThread?: boolean;
  /** A team store's URL (postgres://…); default: the SQLite file in `home`. */
  store?: string | undefined;
  /** Where a team store's scans keep their caches (core/store/store-choice.ts; default: this machine's file). */
  cache?: CacheChoice | undefined;
  /** What chose the store, and why another is in use, for the app to show (default: nothing chose it). */
  storeChoice?: { source: StoreSource; fallback: StoreFallback; note: string | null } | undefined;
  /** better_sqlite3.node for the running ABI (Electron); Node's default build otherwise. */
  nativeBinding?: string | undefined;
  /** A native folder picker, where the platform has one. */
  pickDirectory?: () => Promise<string | null>;
}

type StewardListener = (event: StewardEvent) => void;

/**
 * Scans `scans.startAll` runs at once: each already parses on every core, a second keeps them busy
 * while the first waits on git, and a slow repository then holds up only its own slot.
 */
const scanAllSlots = 2;

/** The engine behind every view: the route handlers, the events they cause, and the scans. */
export interface Steward {
  readonly handlers: Handlers;
  readonly scans: ScanService;
  readonly drafts: DraftService;
  readonly db: Database;
  readonly workers: WorkerModules;
  subscribe(listener: StewardListener): () => void;
  /** Runs the weekly scan schedule of the settings until closed (the desktop app and `steward serve` do; other commands do not). */
  startScanScheduler(clock?: SchedulerClock): void;
  /** Starts again the backfills a closed app or a killed process left unfinished (the app does when it opens; the CLI does not). */
  resumeBackfills(): void;
  close(): Promise<void>;
}

/**
 * Opens Steward on the store chosen for this machine (core/store/store-choice.ts). A team store out
 * of reach, when the fallback chosen is `local`, gives way to the local store: `warn` says so, and so
 * does the app.
 */
export function openChosenSteward(options: Omit<StewardOptions, 'store' | 'storeChoice'>, choice: StoreChoice, warn: (message: string) => void): Steward {
  try {
    return openSteward({ ...options, store: choice.store, cache: choice.cache, storeChoice: { source: choice.source, fallback: choice.fallback, note: null } });
  } catch (error) {
    if (!(error instanceof StoreUnreachable) || choice.fallback !== 'local') throw error;
    const note = `${error.message}; using the local store in ${options.home} instead (fallback: local)`;
    warn(note);
    return openSteward({ ...options, store: undefined, storeChoice: { source: choice.source, fallback: choice.fallback, note } });
  }
}

export function openSteward(options: StewardOptions): Steward {
  const store = options.store ?? databaseFile(options.home);
  const db = openDatabase(store, { nativeBinding: options.nativeBinding });
  // A team store's scans keep their caches in this machine's file unless told to share them; opened when a scan first needs it.
  const cacheFile = options.store !== undefined && options.cache !== 'shared' ? databaseFile(options.home) : undefined;
  let cacheDb: Database | undefined;
  const cache =
    cacheFile === undefined
      ? undefined
      : {
          store: cacheFile,
          get db(): Database {
            return (cacheDb ??= openDatabase(cacheFile, { nativeBinding: options.nativeBinding }));
          },
        };
  itemizeStoredSnapshots(db, new Date());
  const listeners = new Set<StewardListener>();
  const emit = (event: StewardEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const scans = new ScanService({
    db,
    store,
    cache,
    nativeBinding: options.nativeBinding,
    workers: options.workers,
    inThisThread: options.scansInThisThread,
    onUpdate: (job) => {
      emit({ type: 'scan', job });
      // A scan that kept an earlier snapshot has no news: that snapshot's was told when it was saved.
      if (job.purpose === 'scan' && job.state === 'succeeded' && job.snapshotId !== null && !job.alreadyScanned) tellHealthNews(job.repositoryId, job.snapshotId);
    },
  });
  const tellHealthNews = (repositoryId: number, snapshotId: number): void => {
    try {
      for (const notification of notificationsAfterScan(db, repositoryId, snapshotId, new Date())) emit({ type: 'notification', notification });
    } catch (error) {
      // The scan itself succeeded and is saved: news that could not be worked out is only a warning.
      process.emitWarning(`Steward could not check the health news of snapshot ${snapshotId}: ${(error as Error).message}`);
    }
  };

  const drafts = new DraftService({ db, scans, home: options.home, worktrees: worktreesFolder(options.home, options.store), parseWorkerUrl: options.workers.parse, onUpdate: (draft) => emit({ type: 'draft', draft }) });

  const repository = (id: number) => {
    const found = findRepository(db, id);
    if (!found) throw new StewardError('not-found', `No repository with id ${id}; it may have been removed`);
    return found;
  };

  /** A person's decision on an item, and the latest score made again with it (the portfolio and trends read the stored one). */
  const decide = (input: Parameters<Handlers['inventory.accept']>[0], decision: Decision) => {
    const repositoryId = repository(input.repositoryId).id;
    // IMMEDIATE: a deferred transaction that reads first cannot wait for another process's write (SQLITE_BUSY at once).
    return db.transaction(() => {
      const item = decideItem(db, { ...input, repositoryId }, decision, new Date());
      latestStoredScore(db, repositoryId, { rescore: true });
      return item;
    }).immediate();
  };
  let scheduler: { stop(): void } | undefined;

  const handlers: Handlers = {
    'app.info': async () => ({
      version: options.version,
      mode: options.mode,
      dataDirectory: options.home,
      canPickDirectory: options.pickDirectory !== undefined,
      store: {
        kind: options.store === undefined ? 'local' : 'team',
        where: options.store === undefined ? store : redactStoreUrl(options.store),
        source: options.storeChoice?.source ?? 'default',
        fallback: options.storeChoice?.fallback ?? 'fail',
        note: options.storeChoice?.note ?? null,
        cache: options.store === undefined ? 'local' : (options.cache ?? 'local'),
      },
    }),
    'app.chooseStore': async ({ store: chosen, fallback }) => {
      if (chosen !== null) await checkTeamStore(teamStoreUrl(chosen, 'The team store'));
      writeStoreFile(options.home, chosen === null ? null : { store: chosen, fallback });
      const source = options.storeChoice?.source;
      return { file: storeFile(options.home), overriddenBy: source === 'flag' || source === 'environment' ? source : null };
    },
    'app.pickDirectory': async () => {
      if (!options.pickDirectory) throw new StewardError('unavailable', 'There is no folder dialog in browser mode; type the path instead');
      return { path: await options.pickDirectory() };
    },
    'repositories.list': async () => listRepositories(db),
    'repositories.get': async ({ id }) => repository(id),
    'repositories.find': async ({ path }) => {
      const folder = await repositoryFolder(path);
      const found = findRepositoryInFolder(db, folder);
      if (!found) throw new StewardError('not-found', `${folder.path} has not been added to Steward yet; scan it first`);
      return found;
    },
    'repositories.add': async ({ path }) => addRepository(db, await repositoryFolder(path), new Date()),
    'repositories.relocate': async ({ id, path }) => {
      const found = repository(id);
      if (scans.isScanning(id)) throw new StewardError('busy', `${found.name} is being scanned; wait for the scan before moving it`);
      const inspected = await inspectRepository(path);
      const scanned = found.latestSnapshot?.snapshot.commit;
      if (scanned && !(await hasCommit(inspected.root, scanned))) {
        throw new StewardError('invalid-input', `${inspected.root} is not ${found.name}: it does not have commit ${scanned.slice(0, 7)}, which Steward scanned there`);
      }
      const moved = relocateRepository(db, id, inspected.root, new Date());
      if (!moved) throw new StewardError('invalid-input', `${inspected.root} is already registered as another repository in Steward`);
      return moved;
    },
    'repositories.remove': async ({ id }) => {
      const found = repository(id);
      if (scans.isScanning(id)) throw new StewardError('busy', `${found.name} is being scanned; cancel the scan before removing it`);
      removeRepository(db, id, new Date());
      return {};
    },
    'scans.start': async ({ repositoryId, analyses: selected, save, rescan, options: told }) => scans.start(repository(repositoryId), { analyses: selected, save, rescan, options: told }),
    'scans.startAll': async ({ rescan }) => ({ jobs: scans.startAll(listRepositories(db), scanAllSlots, { rescan }) }),
    'scans.cancel': async ({ jobId }) => scans.cancel(jobId),
    'scans.list': async () => scans.list(),
    'scans.reports': async ({ jobId }) => scans.reports(jobId) as RouteOutput<'scans.reports'>,
    'scans.result': async ({ jobId }) => scans.result(jobId),
    'settings.get': async () => readSettings(db),
    'settings.update': async (change) => updateSettings(db, change, new Date()),
    'snapshots.list': async ({ repositoryId }) => listSnapshotSummaries(db, repository(repositoryId).id),
    'snapshots.get': async ({ id }) => {
      const report = getSnapshotReport(db, id);
      if (!report) throw new StewardError('not-found', `No snapshot with id ${id}`);
      return report;
    },
    'snapshots.compare': async ({ from, to }) => compareSnapshots(db, from, to),
    'snapshots.file': async ({ id, path }) => readSnapshotFile(db, id, path),
    'repositories.dependencyTrend': async ({ repositoryId }) => getDependencyTrend(db, repository(repositoryId).id),
    'inventory.list': async (query) => listInventory(db, { ...query, repositoryId: repository(query.repositoryId).id }),
    'inventory.item': async ({ repositoryId, fingerprint }) => getItem(db, repository(repositoryId).id, fingerprint),
    'inventory.accept': async (input) => decide(input, 'accepted'),
    'inventory.dismiss': async (input) => decide(input, 'dismissed'),
    'inventory.reopen': async (input) => decide(input, 'open'),
    'inventory.export': async (request) => exportInventory(db, request, new Date()),
    'health.score': async ({ repositoryId, snapshotId, folder }) => {
      const id = repository(repositoryId).id;
      // The whole repository's latest score is the one its scan (or the last decision) stored; a
      // folder's, or a snapshot's asked for by id, is worked out from its items.
      if (snapshotId === undefined && !folder) {
        const stored = latestStoredScore(db, id, { rescore: false });
        if (stored) return withChangeSinceWeek(db, id, stored);
      }
      return scoreInventory(db, { repositoryId: id, snapshotId, folder });
    },
    'health.forecast': async ({ repositoryId, threshold, complexityThreshold }) =>
      forecastHealth(db, repository(repositoryId).id, { threshold, complexityThreshold: complexityThreshold ?? readSettings(db).complexity.cognitive }),
    'health.folders': async ({ repositoryId }) => folderHealth(db, repository(repositoryId).id),
    'portfolio.overview': async ({ threshold }) => readPortfolio(db, { threshold, now: new Date() }),
    'tests.import': async ({ repositoryId, files }) => {
      const { root, head } = await inspectRepository(repository(repositoryId).path);
      const summary = await readHistorySummary(root, head.commit);
      return importTestResults({ db, root, repository: summary.rootCommits.join(' '), commit: head.commit, committedAt: summary.committedAt, files, base: root, signal: new AbortController().signal });
    },
    'backfill.start': async ({ repositoryId, every, count, offline }) =>
      scans.start(repository(repositoryId), { backfill: { everyDays: every, count }, ...(offline === undefined ? {} : { options: { dependencies: { offline } } }) }),
    'backfill.status': async ({ repositoryId }) => readBackfillJob(db, repository(repositoryId).id, scans.isScanning(repositoryId, 'backfill')),
    'drafts.create': async (request) => drafts.create(repository(request.repositoryId), request),
    'drafts.list': async ({ repositoryId }) => {
      await drafts.recovered;
      return listDrafts(db, repositoryId === undefined ? undefined : repository(repositoryId).id);
    },
    'drafts.get': async ({ id }) => {
      await drafts.recovered;
      drafts.get(id);
      return getDraftDetail(db, id)!;
    },
    'drafts.markdown': async ({ id }) => {
      drafts.get(id);
      return { markdown: planMarkdown(getDraftDetail(db, id)!) };
    },
    'drafts.approve': async ({ id, note, by }) => drafts.approve(id, note, by),
    'drafts.reject': async ({ id, note, by }) => drafts.reject(id, note, by),
    'drafts.discard': async ({ id, note, by }) => drafts.discard(id, note, by),
    'drafts.cancel': async ({ id }) => drafts.cancel(id),
    'drafts.approvalRates': async () => approvalRates(db),
    'drafts.consent': async ({ repositoryId, grant, by }) => {
      const found = repository(repositoryId);
      return drafts.consent(found, grant, by ?? (await actorOf(found.path)));
    },
    'identities.list': async ({ repositoryId }) => listIdentities(db, repository(repositoryId).id),
    'identities.merge': async ({ into, merge }) => {
      mergeIdentities(db, into, merge, new Date());
      return {};
    },
    'identities.unmerge': async ({ key }) => {
      if (!unmergeIdentity(db, key)) throw new StewardError('not-found', `${key} is not merged into anyone`);
      return {};
    },
    'identities.mark': async ({ key, as }) => {
      markIdentity(db, key, as, new Date());
      return {};
    },
    'reports.weekly': async (request) => weeklyReport(db, request, new Date()),
    ...reportHandlers(db),
  };

  return {
    handlers,
    scans,
    drafts,
    resumeBackfills: () => resumeBackfills(db, scans),
    startScanScheduler(clock = realClock) {
      scheduler?.stop();
      scheduler = startScanScheduler({ db, clock, scanAll: () => scans.startAll(listRepositories(db), scanAllSlots) });
    },
    db,
    workers: options.workers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      scheduler?.stop();
      await drafts.close();
      await scans.close();
      listeners.clear();
      cacheDb?.close();
      db.close();
    },
  };
}

/** `snapshots.<analysis>` for every analysis of the registry: its report saved with the snapshot. */
function reportHandlers(db: Database): Pick<Handlers, keyof typeof reportRoutes> {
  return Object.fromEntries(
    Object.values(analyses).map((analysis) => [
      `snapshots.${analysis.descriptor.id}`,
      async ({ id }: { id: number }) => {
        const report = analysis.load(db, id);
        if (report === undefined) {
          throw new StewardError('not-found', `Snapshot ${id} has no report of this analysis: Steward had not ${analysis.descriptor.done} when it was taken. Scan again.`);
        }
        return report;
      },
    ]),
  ) as Pick<Handlers, keyof typeof reportRoutes>;
}

/** Starts again, from their stored plans, the backfills a closed app or a killed process left unfinished. */
function resumeBackfills(db: Database, scans: ScanService): void {
  for (const repositoryId of unfinishedBackfills(db)) {
    const job = readBackfillJob(db, repositoryId, false);
    const found = findRepository(db, repositoryId);
    if (!job || !found) continue;
    try {
      scans.start(found, { backfill: { everyDays: Number.parseInt(job.every, 10), count: job.count } });
    } catch (error) {
      // Another process runs it (busy): it goes on there.
      if (!(error instanceof StewardError)) throw error;
    }
  }
}

/** The repository a folder holds: its top-level folder, its name, and who it is wherever it is cloned. */
async function repositoryFolder(path: string): Promise<RepositoryFolder> {
  const { root, name } = await inspectRepository(path);
  return { path: root, name, identity: await readRepositoryIdentity(root) };
}
