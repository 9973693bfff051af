import { statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseStore, storeFile, writeStoreFile } from '../../core/store/store-choice.js';
import { temporaryDirectory } from '../support/git-fixture.js';

const team = 'postgres://steward_scanner@db.example.com/steward?sslmode=verify-full';

describe('the store a command or the app uses', () => {
  it('is the local file unless something names a team store: --store, then STEWARD_STORE, then store.json', () => {
    const home = temporaryDirectory();
    expect(chooseStore({ env: {}, home })).toEqual({ store: undefined, fallback: 'fail', source: 'default', cache: 'local' });
    writeStoreFile(home, { store: team, fallback: 'local' });
    expect(chooseStore({ env: {}, home })).toEqual({ store: team, fallback: 'local', source: 'config file', cache: 'local' });
    const other = 'postgres://ci@other.example.com/steward';
    expect(chooseStore({ env: { STEWARD_STORE: other, STEWARD_STORE_FALLBACK: 'fail' }, home })).toEqual({ store: other, fallback: 'fail', source: 'environment', cache: 'local' });
    expect(chooseStore({ flag: 'postgres://x@flag.example.com/s', env: { STEWARD_STORE: other }, home })).toMatchObject({ store: 'postgres://x@flag.example.com/s', source: 'flag' });
    // `--store local` uses this machine's file whatever else names a team store.
    expect(chooseStore({ flag: 'local', env: { STEWARD_STORE: other }, home })).toMatchObject({ store: undefined, source: 'flag' });
    writeStoreFile(home, null);
    expect(chooseStore({ env: {}, home }).source).toBe('default');
  });

  it("keeps a team store's caches on this machine unless STEWARD_CACHE or store.json shares them; choosing another store keeps that setting", () => {
    const home = temporaryDirectory();
    expect(chooseStore({ env: { STEWARD_STORE: team }, home }).cache).toBe('local');
    expect(chooseStore({ env: { STEWARD_STORE: team, STEWARD_CACHE: 'shared' }, home }).cache).toBe('shared');
    writeFileSync(storeFile(home), JSON.stringify({ store: team, cache: 'shared' }));
    expect(chooseStore({ env: {}, home }).cache).toBe('shared');
    expect(chooseStore({ env: { STEWARD_CACHE: 'local' }, home }).cache).toBe('local');
    writeStoreFile(home, { store: 'postgres://steward_viewer@db.example.com/steward', fallback: 'fail' });
    expect(chooseStore({ env: {}, home })).toMatchObject({ store: 'postgres://steward_viewer@db.example.com/steward', cache: 'shared' });
    expect(() => chooseStore({ env: { STEWARD_CACHE: 'everywhere' }, home })).toThrow('STEWARD_CACHE is "everywhere"; it takes local or shared');
  });

  it('keeps store.json readable by its owner only, since its URL may hold a password', () => {
    const home = temporaryDirectory();
    writeStoreFile(home, { store: 'postgres://ci:secret@db.example.com/steward', fallback: 'fail' });
    expect(statSync(storeFile(home)).mode & 0o777).toBe(0o600);
  });

  it('refuses in one line what is not a store, never echoing the value (it may hold a password)', () => {
    const home = temporaryDirectory();
    expect(() => chooseStore({ flag: 'mysql://root:hunter2@db/steward', env: {}, home })).toThrow(/^--store takes a postgres:\/\/user@host\/database URL \(or, for --store, local\)$/);
    expect(() => chooseStore({ env: { STEWARD_STORE: 'hunter2' }, home })).toThrow(/^STEWARD_STORE takes a postgres/);
    expect(() => chooseStore({ env: { STEWARD_STORE_FALLBACK: 'maybe' }, home })).toThrow('STEWARD_STORE_FALLBACK is "maybe"; it takes fail or local');
    writeFileSync(storeFile(home), '{"store": "postgres://ci:hunter2@db/steward", "fallback": "sometimes"}');
    expect(() => chooseStore({ env: {}, home })).toThrow(/store\.json: fallback: Invalid option/);
    writeFileSync(storeFile(home), '{"store": "ftp://ci:hunter2@db/steward"}');
    expect(() => chooseStore({ env: {}, home })).toThrow(/store\.json: store: expected a postgres:\/\/ URL$/);
    // A URL PostgreSQL's client cannot read (a port out of range, a broken IPv6 address) is refused at once, not left to the connection.
    const fresh = temporaryDirectory();
    expect(() => chooseStore({ flag: 'postgres://ci:hunter2@db:99999/steward', env: {}, home: fresh })).toThrow(/^--store is not a URL PostgreSQL's client can read \(Invalid URL\): check the host, a port of 1 to 65535/);
    expect(() => chooseStore({ env: { STEWARD_STORE: 'postgres://ci:hunter2@[::1/steward' }, home: fresh })).toThrow(/^STEWARD_STORE is not a URL PostgreSQL's client can read/);
    writeFileSync(storeFile(home), '{"store": "postgres://ci:hunter2@db:abc/steward"}');
    expect(() => chooseStore({ env: {}, home })).toThrow(/store\.json: store: is not a URL PostgreSQL's client can read/);
    writeFileSync(storeFile(home), 'store = postgres://ci:hunter2@db/steward');
    expect(() => chooseStore({ env: {}, home })).toThrow(/store\.json is not JSON/);
    for (const attempt of [() => chooseStore({ env: {}, home }), () => chooseStore({ flag: 'mysql://root:hunter2@db/steward', env: {}, home }), () => chooseStore({ flag: 'postgres://ci:hunter2@db:99999/steward', env: {}, home: temporaryDirectory() })]) {
      expect(attempt).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    }
  });
});
