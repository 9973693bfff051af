import { excludedPathReason, fileNameReasons, folderReasons } from './excluded-paths.js';

/** Folders that hold tests, their fixtures and mocks by convention (Jest, Vitest, Mocha, Playwright, Cypress, Storybook). */
const testFolders = new Set(['test', 'tests', '__tests__', '__mocks__', '__fixtures__', '__snapshots__', 'spec', 'specs', 'e2e', 'fixtures', 'fixture', 'cypress']);
/** File names of tests, stories and benchmarks: `x.test.ts`, `x.spec.js`, `x.e2e.tsx`, `x.stories.tsx`, `x.bench.ts`. */
const testFileName = /\.(?:test|spec|e2e|stories|story|bench)\.[cm]?[jt]sx?$/;

/**
 * Whether a path holds the product's own code, from the path alone: not a test (or its fixtures,
 * mocks and stories) and not code a tool wrote or another project's (generated, vendored, minified,
 * build output). For hiding the rest from lists; the analyses decide with more than the path (a
 * generator's header, a test runner's configuration).
 */
export function isProductCode(path: string): boolean {
  if (excludedPathReason(path) !== null) return false;
  const segments = path.split('/');
  const fileName = segments.pop() ?? '';
  return !testFileName.test(fileName) && !segments.some((segment) => testFolders.has(segment));
}

/**
 * The same reading as isProductCode, for a database that cannot call it (PostgreSQL): regular
 * expressions over the whole path, in the syntax both JavaScript and PostgreSQL take; a path that
 * matches one is not product code. test/integration/store-engines.test.ts holds the two to each other.
 */
export function notProductCodePatterns(): string[] {
  const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const folders = (names: Iterable<string>): string => `(^|/)(${[...names].map(escape).join('|')})/`;
  return [folders(folderReasons.keys()), folders(testFolders), ...fileNameReasons.map(([pattern]) => pattern.source.replace(/^\^/, '(^|/)')), testFileName.source];
}
