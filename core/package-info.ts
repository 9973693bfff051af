import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root folder of the Steward installation (where its package.json is), found from a module's URL. */
export function installationRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(folder, 'package.json')) || readPackage(folder).name !== 'steward') {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`Cannot find Steward's package.json above ${fileURLToPath(moduleUrl)}`);
    folder = parent;
  }
  return folder;
}

export function readPackage(folder: string): { name?: string; version?: string } {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
}
