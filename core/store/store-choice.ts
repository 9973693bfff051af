import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StewardError, describeZodError } from '../api/errors.js';

/** What to do when a team store cannot be reached: stop (`fail`), or use the local store and say so (`local`). */
const StoreFallbackSchema = z.enum(['fail', 'local']);
export type StoreFallback = z.infer<typeof StoreFallbackSchema>;

/**
 * `store.json` in Steward's home: the team store this machine uses, for every command and the app.
 * Its URL may leave out the password, which the server's usual places then give (PGPASSWORD,
 * ~/.pgpass); TLS settings ride in the URL (`sslmode=verify-full&sslrootcert=/path/ca.pem`).
 */
const StoreFileSchema = z.strictObject({
  store: z.string().regex(/^postgres(ql)?:\/\//i, 'expected a postgres:// URL'),
  fallback: StoreFallbackSchema.default('fail'),
});

/** Where the store came from, most binding first. */
export type StoreSource = 'flag' | 'environment' | 'config file' | 'default';

export interface StoreChoice {
  /** A team store's URL; undefined for the local SQLite file in Steward's home. */
  store: string | undefined;
  fallback: StoreFallback;
  source: StoreSource;
}

export function storeFile(home: string): string {
  return join(home, 'store.json');
}

/**
 * The store a command or the app uses: `--store` (a URL, or `local`), else STEWARD_STORE, else the
 * home's store.json, else the local file. The fallback: STEWARD_STORE_FALLBACK, else the file's.
 */
export function chooseStore({ flag, env, home }: { flag?: string | undefined; env: NodeJS.ProcessEnv; home: string }): StoreChoice {
  const file = readStoreFile(home);
  const fallback = env.STEWARD_STORE_FALLBACK?.trim() ? parseFallback(env.STEWARD_STORE_FALLBACK.trim()) : (file?.fallback ?? 'fail');
  const given = flag?.trim();
  if (given) return { store: given === 'local' ? undefined : teamStoreUrl(given, '--store'), fallback, source: 'flag' };
  const environment = env.STEWARD_STORE?.trim();
  if (environment) return { store: teamStoreUrl(environment, 'STEWARD_STORE'), fallback, source: 'environment' };
  if (file) return { store: file.store, fallback, source: 'config file' };
  return { store: undefined, fallback, source: 'default' };
}

/** Writes (or, with null, removes the team store from) the home's store.json, readable by its owner only: it may hold a password. */
export function writeStoreFile(home: string, choice: { store: string; fallback: StoreFallback } | null): void {
  const file = storeFile(home);
  if (choice === null) {
    rmSync(file, { force: true });
    return;
  }
  const parsed = StoreFileSchema.parse(choice);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only to a file it creates: one left by a process of the same id keeps its own.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
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
    throw new StewardError('invalid-input', `${file} is not JSON; it holds {"store": "postgres://…", "fallback": "fail" or "local"}`);
  }
  const parsed = StoreFileSchema.safeParse(json);
  // The message names the fields, never their values: the URL may hold a password.
  if (!parsed.success) throw new StewardError('invalid-input', `${file}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

function parseFallback(value: string): StoreFallback {
  const parsed = StoreFallbackSchema.safeParse(value);
  if (!parsed.success) throw new StewardError('invalid-input', `STEWARD_STORE_FALLBACK is "${value}"; it takes local or fail`);
  return parsed.data;
}

/** A team store is a postgres:// URL; anything else given as one is a mistake, said without echoing it (it may hold a password). */
function teamStoreUrl(value: string, from: string): string {
  if (!/^postgres(ql)?:\/\//i.test(value)) throw new StewardError('invalid-input', `${from} takes a postgres://user@host/database URL (or, for --store, local)`);
  return value;
}
