import { StewardError } from './api/errors.js';
import type { StewardEvent } from './api/events.js';
import type { Handlers } from './api/routes.js';
import { readHistorySummary } from './git/history-summary.js';
import { inspectRepository } from './git/inspect-repository.js';
import { importTestResults } from './analyses/tests/import-test-results.js';
import { databaseFile } from './paths.js';
import { ScanService } from './scan/scan-service.js';
import type { WorkerModules } from './scan/worker-modules.js';
import { type Database, openDatabase } from './store/database.js';
import { readSettings, updateSettings } from './store/settings.js';
import { itemizeStoredSnapshots } from './inventory/itemize-stored.js';
import { forecastHealth, withChangeSinceWeek } from './health/forecast-health.js';
import { scoreInventory } from './health/score-inventory.js';
import { folderHealth } from './health/folder-health.js';
import { decideItem, getItem, listInventory } from './inventory/inventory-store.js';
import { addRepository, findRepository, findRepositoryByPath, listRepositories, removeRepository } from './store/repositories.js';
import { getDependencyTrend } from './analyses/dependencies/store.js';
import { analyses } from './analyses/registry.js';
import type { reportRoutes } from './api/analyses.js';
import { getSnapshotReport, listSnapshotSummaries } from './store/snapshots.js';
import { readBackfillJob, unfinishedBackfills } from './store/backfill-jobs.js';
import { DraftService } from './drafts/draft-service.js';
import { planMarkdown } from './drafts/plan-markdown.js';
import { actorOf } from './drafts/worktree.js';
import { approvalRates, getDraftDetail, listDrafts } from './store/drafts.js';
import { weeklyReport } from './reports/weekly-report.js';

interface StewardOptions {
  home: string;
  version: string;
  mode: 'desktop' | 'browser';
  workers: WorkerModules;
  /** better_sqlite3.node for the running ABI (Electron); Node's default build otherwise. */
  nativeBinding?: string | undefined;
  /** A native folder picker, where the platform has one. */
  pickDirectory?: () => Promise<string | null>;
}

type StewardListener = (event: StewardEvent) => void;

/** The engine behind every view: the route handlers, the events they cause, and the scans. */
export interface Steward {
  readonly handlers: Handlers;
  readonly scans: ScanService;
  readonly drafts: DraftService;
  readonly db: Database;
  readonly workers: WorkerModules;
  subscribe(listener: StewardListener): () => void;
  /** Starts again the backfills a closed app or a killed process left unfinished (the app does when it opens; the CLI does not). */
  resumeBackfills(): void;
  close(): Promise<void>;
}

export function openSteward(options: StewardOptions): Steward {
  const file = databaseFile(options.home);
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  itemizeStoredSnapshots(db, new Date());
  const listeners = new Set<StewardListener>();
  const emit = (event: StewardEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const scans = new ScanService({
    db,
    databaseFile: file,
    nativeBinding: options.nativeBinding,
    workers: options.workers,
    onUpdate: (job) => emit({ type: 'scan', job }),
  });

  const drafts = new DraftService({ db, scans, home: options.home, parseWorkerUrl: options.workers.parse, onUpdate: (draft) => emit({ type: 'draft', draft }) });

  const repository = (id: number) => {
    const found = findRepository(db, id);
    if (!found) throw new StewardError('not-found', `No repository with id ${id}; it may have been removed`);
    return found;
  };

  const handlers: Handlers = {
    'app.info': async () => ({
      version: options.version,
      mode: options.mode,
      dataDirectory: options.home,
      canPickDirectory: options.pickDirectory !== undefined,
    }),
    'app.pickDirectory': async () => {
      if (!options.pickDirectory) throw new StewardError('unavailable', 'There is no folder dialog in browser mode; type the path instead');
      return { path: await options.pickDirectory() };
    },
    'repositories.list': async () => listRepositories(db),
    'repositories.get': async ({ id }) => repository(id),
    'repositories.find': async ({ path }) => {
      const { root } = await inspectRepository(path);
      const found = findRepositoryByPath(db, root);
      if (!found) throw new StewardError('not-found', `${root} has not been added to Steward yet; scan it first`);
      return found;
    },
    'repositories.add': async ({ path }) => {
      const inspected = await inspectRepository(path);
      return addRepository(db, inspected.root, inspected.name, new Date());
    },
    'repositories.remove': async ({ id }) => {
      const found = repository(id);
      if (scans.isScanning(id)) throw new StewardError('busy', `${found.name} is being scanned; cancel the scan before removing it`);
      removeRepository(db, id, new Date());
      return {};
    },
    'scans.start': async ({ repositoryId, analyses: selected, save, options: told }) => scans.start(repository(repositoryId), { analyses: selected, save, options: told }),
    'scans.cancel': async ({ jobId }) => scans.cancel(jobId),
    'scans.list': async () => scans.list(),
    'scans.result': async ({ jobId }) => scans.result(jobId),
    'settings.get': async () => readSettings(db),
    'settings.update': async (change) => updateSettings(db, change, new Date()),
    'snapshots.list': async ({ repositoryId }) => listSnapshotSummaries(db, repository(repositoryId).id),
    'snapshots.get': async ({ id }) => {
      const report = getSnapshotReport(db, id);
      if (!report) throw new StewardError('not-found', `No snapshot with id ${id}`);
      return report;
    },
    'repositories.dependencyTrend': async ({ repositoryId }) => getDependencyTrend(db, repository(repositoryId).id),
    'inventory.list': async (query) => listInventory(db, { ...query, repositoryId: repository(query.repositoryId).id }),
    'inventory.item': async ({ repositoryId, fingerprint }) => getItem(db, repository(repositoryId).id, fingerprint),
    'inventory.accept': async (input) => decideItem(db, { ...input, repositoryId: repository(input.repositoryId).id }, 'accepted', new Date()),
    'inventory.dismiss': async (input) => decideItem(db, { ...input, repositoryId: repository(input.repositoryId).id }, 'dismissed', new Date()),
    'inventory.reopen': async (input) => decideItem(db, { ...input, repositoryId: repository(input.repositoryId).id }, 'open', new Date()),
    'health.score': async ({ repositoryId, snapshotId, folder }) => {
      const id = repository(repositoryId).id;
      const report = scoreInventory(db, { repositoryId: id, snapshotId, folder });
      return snapshotId === undefined && !folder ? withChangeSinceWeek(db, id, report) : report;
    },
    'health.forecast': async ({ repositoryId, threshold, complexityThreshold }) =>
      forecastHealth(db, repository(repositoryId).id, { threshold, complexityThreshold: complexityThreshold ?? readSettings(db).complexity.cognitive }),
    'health.folders': async ({ repositoryId }) => folderHealth(db, repository(repositoryId).id),
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
    'reports.weekly': async (request) => weeklyReport(db, request, new Date()),
    ...reportHandlers(db),
  };

  return {
    handlers,
    scans,
    drafts,
    resumeBackfills: () => resumeBackfills(db, scans),
    db,
    workers: options.workers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await drafts.close();
      await scans.close();
      listeners.clear();
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
