import { excludedPathReason } from './excluded-paths.js';

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
