import { createHash } from 'node:crypto';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { redactStoreUrl } from './store/postgres-database.js';

/** Where Steward keeps its data: $STEWARD_HOME, else the platform's app-data folder. */
export function stewardHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.STEWARD_HOME?.trim() || envPaths('steward', { suffix: '' }).data;
}

export function databaseFile(home: string): string {
  return join(home, 'steward.db');
}

/**
 * Where drafts' worktrees go: this machine's store's in `worktrees`, each team store's in a folder
 * of its own (named by its URL without the password). A store sweeps its folder for leftovers when it
 * opens, so one store's worktrees are never taken for another's leftovers.
 */
export function worktreesFolder(home: string, store: string | undefined): string {
  if (store === undefined) return join(home, 'worktrees');
  return join(home, 'team-worktrees', createHash('sha256').update(redactStoreUrl(store)).digest('hex').slice(0, 16));
}
