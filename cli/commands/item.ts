import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import { itemKindTitles } from '../../core/api/inventory.js';
import type { Steward } from '../../core/steward.js';
import { type OutputOptions, printJson, printText } from '../output.js';

export interface ItemOptions extends OutputOptions {
  reason: string;
  repo?: string;
  by?: string;
}

const routes = { accept: 'inventory.accept', dismiss: 'inventory.dismiss', reopen: 'inventory.reopen' } as const;

/**
 * `steward item accept|dismiss|reopen <fingerprint> --reason …`: a decision on an item, remembered
 * across scans. The repository is the one given with --repo, else the one that has the fingerprint.
 */
export async function itemCommand(steward: Steward, action: keyof typeof routes, fingerprint: string, options: ItemOptions): Promise<void> {
  const repositoryId = options.repo === undefined ? await repositoryWith(steward, fingerprint) : (await call(steward.handlers, 'repositories.find', { path: options.repo })).id;
  const item = await call(steward.handlers, routes[action], { repositoryId, fingerprint, reason: options.reason, ...(options.by ? { by: options.by } : {}) });
  if (options.json) printJson(item);
  else printText(`${itemKindTitles[item.kind]} ${item.fingerprint} is ${item.status}: ${item.title}\nReason: ${item.decision?.reason ?? options.reason}`);
}

async function repositoryWith(steward: Steward, fingerprint: string): Promise<number> {
  const repositories = await call(steward.handlers, 'repositories.list', {});
  const holding: { id: number; name: string }[] = [];
  for (const repository of repositories) {
    const found = await call(steward.handlers, 'inventory.item', { repositoryId: repository.id, fingerprint }).catch((error: unknown) => {
      if (error instanceof StewardError && error.code === 'not-found') return undefined;
      throw error;
    });
    if (found) holding.push(repository);
  }
  if (holding.length === 0) throw new StewardError('not-found', `No item with fingerprint ${fingerprint} in any repository Steward knows (steward inventory <path> lists them)`);
  if (holding.length > 1) throw new StewardError('invalid-input', `${fingerprint} is an item of ${holding.map((repository) => repository.name).join(' and ')}: name one with --repo <path>`);
  return holding[0]!.id;
}
