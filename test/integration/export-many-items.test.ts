import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyMailmap } from '../../analyzers/identities/mailmap.js';
import { emptyIdentityMap, identityResolver } from '../../analyzers/identities/resolve-identities.js';
import { syntheticItems } from '../../bench/synthetic-items.js';
import { exportRoutes } from '../../core/api/exports.js';
import { exportInventory } from '../../core/export/export-inventory.js';
import { updateInventory } from '../../core/inventory/update-inventory.js';
import { openDatabase } from '../../core/store/database.js';
import { insertGitHistory } from '../../core/store/snapshot-git-history.js';
import { saveSnapshot } from '../../core/store/snapshots.js';
import { temporaryDirectory } from '../support/git-fixture.js';

/**
 * More items than a function call takes arguments (about 120,000 here): the hostile corpus's
 * 100,000-file repository had that many, and its export overflowed the stack (bug 29).
 */
const count = 150_000;

describe('an export of a repository with very many items', () => {
  it('holds every item', async () => {
    const db = openDatabase(join(temporaryDirectory('steward-many-items-'), 'steward.db'));
    try {
      const now = new Date();
      const repositoryId = db.prepare<unknown[], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id').get('/work/big', 'big', now.toISOString())!.id;
      db.transaction(() => {
        const { snapshotId } = saveSnapshot(
          db,
          { repositoryId, kind: 'head', commit: 'a'.repeat(40), commitDate: null, branch: 'main', status: 'complete', startedAt: now.toISOString(), finishedAt: now.toISOString(), analyzerVersions: { code: '2' }, warnings: [], environment: null },
          [(target, id) => insertGitHistory(target, id, { commits: 1, firstCommitAt: null, lastCommitAt: null, committedAt: null, contributors: [], shallow: false, rootCommits: [] }, identityResolver(emptyMailmap, emptyIdentityMap))],
        );
        updateInventory(db, { repositoryId, snapshotId, analyses: ['code'], items: syntheticItems(count), renames: new Map(), linesOfCode: 500_000, minutesPerLine: 30, team: null, now });
      })();
      const request = exportRoutes['inventory.export'].input.parse({ repositoryIds: [repositoryId], format: 'json' });
      const file = await exportInventory(db, request, now);
      expect(file.items).toBe(count);
      const document = JSON.parse(Buffer.from(file.content, 'base64').toString('utf8')) as { items: { title: string }[] };
      expect(document.items).toHaveLength(count);
      expect(new Set(document.items.map((item) => item.title)).size).toBe(count);
    } finally {
      db.close();
    }
  }, 300_000);
});
