import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/store/database.js';
import { ProjectContextCache } from '../../core/store/project-context-cache.js';
import { temporaryDirectory } from '../support/git-fixture.js';

describe('the project context cache', () => {
  it('keeps the most recently used rows within its byte budget, a read counting as a use', () => {
    const db = openDatabase(join(temporaryDirectory(), 'steward.db'));
    // Each value is 52 bytes of JSON text: two fit in 120 bytes, three do not.
    const cache = new ProjectContextCache(db, 120);
    const value = (name: string) => ({ name, padding: 'x'.repeat(30) });
    cache.put('a', value('a'));
    cache.put('b', value('b'));
    expect(cache.get('a')).toEqual(value('a'));
    cache.put('c', value('c'));
    // b was used least recently: it goes; a, read after b was written, stays.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(value('a'));
    expect(cache.get('c')).toEqual(value('c'));
    db.close();
  });
});
