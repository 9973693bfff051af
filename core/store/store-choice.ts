import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseConnectionString } from 'pg-connection-string';
import { z } from 'zod';
import { StewardError, describeZodError } from '../api/errors.js';

/** What to do when a team store cannot be reached: stop (`fail`), or use the local store and say so (`local`). */
const StoreFallbackSchema = z.enum(['fail', 'local']);
export type StoreFallback = z.infer<typeof StoreFallbackSchema>;

/**
 * Where a team store's scans keep their caches (code facts by blob, memos, git logs, registry
 * answers): in this machine's store file (`local`: a runner that keeps its home pays nothing to the
 * server for them) or in the team store, shared by every runner (`shared`: a fresh CI machine starts
 * warm). A scan's results go to the team store either way.
 */
const CacheChoiceSchema = z.enum(['local', 'shared']);
export type CacheChoice = z.infer<typeof CacheChoiceSchema>;

/**
 * `store.json` in Steward's home: the team store this machine uses, for every command and the app.
 * Its URL may leave out the password, which the server's usual places then give (PGPASSWORD,
 * ~/.pgpass); TLS settings ride in the URL (`sslmode=verify-full&sslrootcert=/path/ca.pem`).
 */
/** What makes a store URL readable, said when one is not. */
const readableUrlHint = 'check the host, a port of 1 to 65535, and that @, :, / or % in the user name or password are percent-encoded';

const StoreFileSchema = z.strictObject({
  store: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'expected a postgres:// URL')
    .refine((url) => unreadableStoreUrl(url) === null, `is not a URL PostgreSQL's client can read: ${readableUrlHint}`),
  fallback: StoreFallbackSchema.default('fail'),
  cache: CacheChoiceSchema.default('local'),
});

/** Where the store came from, most binding first. */
export type StoreSource = 'flag' | 'environment' | 'config file' | 'default';

export interface StoreChoice {
  /** A team store's URL; undefined for the local SQLite file in Steward's home. */
  store: string | undefined;
  fallback: StoreFallback;
  source: StoreSource;
  /** Where a team store's scans keep their caches; the local store keeps its own. */
  cache: CacheChoice;
}

export function storeFile(home: string): string {
  return join(home, 'store.json');
}

/**
 * The store a command or the app uses: `--store` (a URL, or `local`), else STEWARD_STORE, else the
 * home's store.json, else the local file. The fallback: STEWARD_STORE_FALLBACK, else the file's; the
 * caches: STEWARD_CACHE, else the file's, else this machine's.
 */
export function chooseStore({ flag, env, home }: { flag?: string | undefined; env: NodeJS.ProcessEnv; home: string }): StoreChoice {
  const file = readStoreFile(home);
  const fallback = env.STEWARD_STORE_FALLBACK?.trim() ? parseSetting(StoreFallbackSchema, 'STEWARD_STORE_FALLBACK', env.STEWARD_STORE_FALLBACK.trim()) : (file?.fallback ?? 'fail');
  const cache = env.STEWARD_CACHE?.trim() ? parseSetting(CacheChoiceSchema, 'STEWARD_CACHE', env.STEWARD_CACHE.trim()) : (file?.cache ?? 'local');
  const given = flag?.trim();
  if (given) return { store: given === 'local' ? undefined : teamStoreUrl(given, '--store'), fallback, source: 'flag', cache };
  const environment = env.STEWARD_STORE?.trim();
  if (environment) return { store: teamStoreUrl(environment, 'STEWARD_STORE'), fallback, source: 'environment', cache };
  if (file) return { store: file.store, fallback, source: 'config file', cache };
  return { store: undefined, fallback, source: 'default', cache };
}

/**
 * Writes (or, with null, removes the team store from) the home's store.json, readable by its owner
 * only: it may hold a password. A cache setting already in the file stays.
 */
export function writeStoreFile(home: string, choice: { store: string; fallback: StoreFallback } | null): void {
  const file = storeFile(home);
  if (choice === null) {
    rmSync(file, { force: true });
    return;
  }
  const parsed = StoreFileSchema.parse({ cache: cacheInStoreFile(home), ...choice });
  replacePrivately(file, `${JSON.stringify(parsed, null, 2)}\n`);
}

/** The home's store.json as it is (null: there is none), for restoreStoreFile. */
export function storeFileText(home: string): string | null {
  return existsSync(storeFile(home)) ? readFileSync(storeFile(home), 'utf8') : null;
}

/** Puts back the home's store.json as storeFileText read it. */
export function restoreStoreFile(home: string, text: string | null): void {
  if (text === null) rmSync(storeFile(home), { force: true });
  else replacePrivately(storeFile(home), text);
}

/** Replaces a file whole (a reader never sees half of it), readable by its owner only. */
function replacePrivately(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  // The mode above applies only to a file it creates: one left by a process of the same id keeps its own.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** The cache setting of the home's store.json; none when it has none, or cannot be read (it is being replaced). */
function cacheInStoreFile(home: string): CacheChoice | undefined {
  try {
    return readStoreFile(home)?.cache;
  } catch {
    return undefined;
  }
}

function readStoreFile(home: string): z.infer<typeof StoreFileSchema> | undefined {
  const file = storeFile(home);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StewardError('invalid-input', `${file} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StewardError('invalid-input', `${file} is not JSON; it holds {"store": "postgres://…", "fallback": "fail" or "local", "cache": "local" or "shared"}`);
  }
  const parsed = StoreFileSchema.safeParse(json);
  // The message names the fields, never their values: the URL may hold a password.
  if (!parsed.success) throw new StewardError('invalid-input', `${file}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

function parseSetting<Value extends string>(schema: z.ZodEnum<Record<Value, Value>>, name: string, value: string): Value {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StewardError('invalid-input', `${name} is "${value}"; it takes ${schema.options.join(' or ')}`);
  return parsed.data as Value;
}

/**
 * A team store is a postgres:// URL that PostgreSQL's client can read; anything else given as one is
 * a mistake, said without echoing it (it may hold a password).
 */
export function teamStoreUrl(value: string, from: string): string {
  if (!/^postgres(ql)?:\/\//i.test(value)) throw new StewardError('invalid-input', `${from} takes a postgres://user@host/database URL (or, for --store, local)`);
  const problem = unreadableStoreUrl(value);
  if (problem !== null) throw new StewardError('invalid-input', `${from} ${problem}`);
  return value;
}

/** Why PostgreSQL's client (node-postgres's parser, which the connection uses) cannot read a store URL, or null. */
function unreadableStoreUrl(url: string): string | null {
  try {
    parseConnectionString(url);
    return null;
  } catch (error) {
    // The parser's words (such as "Invalid URL"), never the URL.
    return `is not a URL PostgreSQL's client can read (${(error as Error).message}): ${readableUrlHint}`;
  }
}
