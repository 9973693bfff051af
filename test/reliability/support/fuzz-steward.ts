import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../../core/api/call.js';
import { type Steward, openSteward } from '../../../core/steward.js';
import { temporaryDirectory } from '../../support/git-fixture.js';
import { smallShop } from '../../support/shop-fixture.js';
import { sourceWorkers } from '../../support/source-workers.js';

/** The real values a fuzzed request can name, so that valid requests reach data and not only "not found". */
export interface KnownValues {
  repositoryIds: number[];
  snapshotIds: number[];
  fingerprints: string[];
  draftIds: string[];
  identityKeys: string[];
  repositoryPaths: string[];
  snapshotFiles: string[];
}

/**
 * A Steward on a temporary home with two small repositories scanned (offline) and a dead-code draft
 * drafted to its end: every route has real rows to read and change.
 */
export async function fuzzSteward(): Promise<{ steward: Steward; known: KnownValues }> {
  const steward = openSteward({ home: temporaryDirectory('steward-fuzz-home-'), version: 'fuzz', mode: 'browser', workers: sourceWorkers });
  const repositories = [];
  for (const name of ['tools', 'shop']) {
    const repository = await call(steward.handlers, 'repositories.add', { path: smallShop(name) });
    const job = await call(steward.handlers, 'scans.start', { repositoryId: repository.id, options: { dependencies: { offline: true } } });
    const settled = await steward.scans.settled(job.id);
    if (settled.state !== 'succeeded') throw new Error(`The fuzz fixture's scan of ${name} ${settled.state}: ${settled.error?.message}`);
    repositories.push(repository);
  }
  const [first] = repositories;
  const draft = await call(steward.handlers, 'drafts.create', { repositoryId: first!.id, kind: 'deadcode' });
  await steward.drafts.settled(draft.id);
  const snapshots = (await Promise.all(repositories.map((repository) => call(steward.handlers, 'snapshots.list', { repositoryId: repository.id })))).flat();
  const items = (await Promise.all(repositories.map((repository) => call(steward.handlers, 'inventory.list', { repositoryId: repository.id, limit: 50 })))).flatMap((page) => page.items);
  const identities = (await Promise.all(repositories.map((repository) => call(steward.handlers, 'identities.list', { repositoryId: repository.id })))).flatMap((list) => [...list.people, ...list.bots]);
  const known: KnownValues = {
    repositoryIds: repositories.map((repository) => repository.id),
    snapshotIds: snapshots.map((summary) => summary.snapshot.id),
    fingerprints: [...new Set(items.map((item) => item.fingerprint))],
    draftIds: [draft.id],
    identityKeys: [...new Set(identities.map((person) => person.key))],
    repositoryPaths: repositories.map((repository) => repository.path),
    snapshotFiles: ['src/index.ts', 'src/util.ts', 'package.json'],
  };
  return { steward, known };
}

/** A renderer folder with an index page, so that the browser server starts without a build. */
export function stubRenderer(): string {
  const folder = join(temporaryDirectory('steward-fuzz-renderer-'), 'renderer');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Steward</title>');
  return folder;
}
