import { join } from 'node:path';
import envPaths from 'env-paths';

/** Where Steward keeps its data: $STEWARD_HOME, else the platform's app-data folder. */
export function stewardHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.STEWARD_HOME?.trim() || envPaths('steward', { suffix: '' }).data;
}

export function databaseFile(home: string): string {
  return join(home, 'steward.db');
}
