import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeSyntheticScan } from '../../bench/synthetic-items.js';
import { exportRoutes } from '../../core/api/exports.js';
import { exportInventory } from '../../core/export/export-inventory.js';
import { openDatabase } from '../../core/store/database.js';
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
      const repositoryId = storeSyntheticScan(db, '/work/big', count, now);
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
