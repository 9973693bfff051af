import { isWithin } from '../../discover/repo-paths.js';
import type { EntryContext } from '../entry-context.js';
import type { RepositoryPattern } from '../../patterns/repository-pattern.js';

/**
 * Jest and Vitest load the files in `__mocks__` folders without an import, and tests read their
 * fixtures by path (`readdirSync('__fixtures__')`, codemod `__testfixtures__`): test data, not dead code.
 */
const testDataFolders = ['__mocks__', '__fixtures__', '__testfixtures__', 'fixtures', '__snapshots__'];

export function addTestDataFolders(context: EntryContext, root: string, tool: string): void {
  for (const folder of testDataFolders) {
    for (const path of context.codeFilesInFolderNamed(folder)) {
      if (isWithin(path, root)) context.addEntry(path, `${folder} folder (${tool})`, false);
    }
  }
}

/** Regexes test the absolute path in the tools; a leading '/' keeps patterns such as `/__tests__/` working. */
export function addRegexMatches(context: EntryContext, dir: string, regexes: readonly RepositoryPattern[], reason: string): void {
  if (regexes.length === 0) return;
  for (const path of context.discovery.codeFiles) {
    if (isWithin(path, dir) && regexes.some((regex) => regex.test(`/${path}`))) context.addEntry(path, reason, false);
  }
}
