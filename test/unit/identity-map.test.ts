import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../core/store/database.js';
import { describeIdentityMap, markIdentity, mergeIdentities, readIdentityMap, unmergeIdentity } from '../../core/store/identity-map.js';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-identity-map-'));
  db = openDatabase(join(dir, 'steward.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2026-01-01T00:00:00Z');
const merges = () => Object.fromEntries(readIdentityMap(db).merges);

describe("the user's identity map", () => {
  it('never lets a merge point at another merge, whichever way people are merged', () => {
    mergeIdentities(db, 'ada@work', ['ada@home'], now);
    // Into an alias: into the person it counts as.
    mergeIdentities(db, 'ada@home', ['ada@old'], now);
    expect(merges()).toEqual({ 'ada@home': 'ada@work', 'ada@old': 'ada@work' });
    // The person merged elsewhere: its aliases move along.
    mergeIdentities(db, 'ada@new', ['ada@work'], now);
    expect(merges()).toEqual({ 'ada@home': 'ada@new', 'ada@old': 'ada@new', 'ada@work': 'ada@new' });
    // A person merged into one of its own aliases: the alias becomes the person.
    mergeIdentities(db, 'ada@home', ['ada@new'], now);
    expect(merges()).toEqual({ 'ada@old': 'ada@home', 'ada@work': 'ada@home', 'ada@new': 'ada@home' });
    expect(unmergeIdentity(db, 'ada@old')).toBe(true);
    expect(unmergeIdentity(db, 'ada@old')).toBe(false);
  });

  it('keeps one mark per author, forgets it on request, and tells two maps apart by their digest', () => {
    const empty = describeIdentityMap(readIdentityMap(db));
    markIdentity(db, 'ci@example.com', 'bot', now);
    markIdentity(db, 'ci@example.com', 'person', now);
    expect(Object.fromEntries(readIdentityMap(db).marks)).toEqual({ 'ci@example.com': 'person' });
    expect(describeIdentityMap(readIdentityMap(db))).toMatchObject({ marks: 1, merges: 0 });
    expect(describeIdentityMap(readIdentityMap(db)).digest).not.toBe(empty.digest);
    markIdentity(db, 'ci@example.com', null, now);
    expect(describeIdentityMap(readIdentityMap(db))).toEqual(empty);
  });
});
