import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Test results as JUnit XML (Vitest, Jest with jest-junit, Playwright, Mocha's reporters, and most CI
 * tools write it). Pure: text in, one entry per `<testcase>` (a retried test appears once per
 * attempt), or why the file cannot be read.
 */

export type TestOutcome = 'passed' | 'failed' | 'skipped';

export interface TestCaseResult {
  /** The test file where the report says it (testcase or testsuite `file`, else a suite name that is a path). */
  readonly file: string | null;
  /** classname and name, as the runner wrote them: with `file`, the test's identity. */
  readonly name: string;
  readonly outcome: TestOutcome;
  readonly durationMs: number | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Every element that can repeat is an array, however many there are.
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  processEntities: true,
  htmlEntities: false,
});

export function readJUnit(text: string): { cases: TestCaseResult[] } | { error: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  const document = parser.parse(text) as Record<string, unknown>;
  const root = (document['testsuites'] ?? document) as Record<string, unknown>;
  const suites = root['testsuite'];
  if (!Array.isArray(suites)) return { error: 'no <testsuite> element: not a JUnit report' };
  const cases: TestCaseResult[] = [];
  const visit = (suite: Record<string, unknown>, inheritedFile: string | null): void => {
    const suiteName = typeof suite['name'] === 'string' ? suite['name'] : '';
    const suiteFile = attribute(suite['file']) ?? inheritedFile ?? (looksLikePath(suiteName) ? suiteName : null);
    for (const testCase of (suite['testcase'] as Record<string, unknown>[] | undefined) ?? []) {
      const classname = attribute(testCase['classname']);
      const name = attribute(testCase['name']) ?? '(unnamed)';
      const file = attribute(testCase['file']) ?? suiteFile ?? (classname && looksLikePath(classname) ? classname : null);
      const outcome: TestOutcome = testCase['failure'] || testCase['error'] ? 'failed' : testCase['skipped'] ? 'skipped' : 'passed';
      const seconds = Number(testCase['time']);
      const label = classname && classname !== file && !name.startsWith(classname) ? `${classname} › ${name}` : name;
      cases.push({ file, name: label, outcome, durationMs: Number.isFinite(seconds) && testCase['time'] !== undefined ? Math.round(seconds * 1000) : null });
    }
    for (const nested of (suite['testsuite'] as Record<string, unknown>[] | undefined) ?? []) visit(nested, suiteFile);
  };
  for (const suite of suites as Record<string, unknown>[]) visit(suite, null);
  return { cases };
}

function attribute(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;
}

function looksLikePath(value: string): boolean {
  return /\.(?:[cm]?[jt]sx?|vue|svelte)$/.test(value) && !value.includes(' ');
}
