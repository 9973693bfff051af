import { randomBytes } from 'node:crypto';
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StewardError } from '../core/api/errors.js';

/** What went wrong, as a person reads it. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENOENT: 'its folder does not exist',
};

function cannotWrite(path: string, error: unknown): StewardError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new StewardError('invalid-input', `Cannot write ${path}: ${reasons[code] ?? (error as Error).message}`);
}

/**
 * The file `--out` names, checked before any work is done: its folder exists and is writable, and it
 * is not a folder itself.
 */
export function outputFile(path: string): string {
  const file = resolve(path);
  const folder = dirname(file);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw cannotWrite(path, { code: 'EISDIR' });
  return file;
}

/**
 * Writes the whole file or nothing: a temporary file in the same folder (so on the same file
 * system), then renamed over the target in one step; a failure removes the temporary file.
 */
export function writeOutputFile(file: string, bytes: Uint8Array): void {
  // A random name: a temporary file left by a killed run (or written beside it now) is never in the way.
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
  }
}
