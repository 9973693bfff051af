import { isObject } from '../../discover/package-json.js';
import { addPathEntries, configDir, isPathValue, locate, pathValues } from '../entry-context.js';
import { RepositoryPattern } from '../../patterns/repository-pattern.js';
import { addRegexMatches } from './test-files.js';
import { addReporters } from './test-reporters.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('playwright');

/** Playwright's documented default. */
const playwrightTestMatch = '**/*.@(spec|test).?(c|m)[jt]s?(x)';
const playwrightReporters = new Set(['list', 'line', 'dot', 'html', 'json', 'junit', 'null', 'github', 'blob']);

/** playwright: `testMatch` (globs or regexes) under `testDir`, per project, plus global setup and teardown. */
export const playwright: ToolSpec = {
  configFiles: [namedAfter('playwright')],
  binaries: ['playwright'],
  configs: (files) => files.atRoot(configFile),
  packages: ['@playwright/test'],
  handle(context, workspace, config) {
    const base = config ? configDir(config) : workspace.dir;
    const options = isObject(config?.value) ? config.value : {};
    const label = config?.label ?? 'playwright';
    const projects = Array.isArray(options['projects']) ? options['projects'].filter(isObject) : [];
    for (const project of [options, ...projects.map((project) => ({ ...options, ...project }))]) {
      const testDir = isPathValue(project['testDir']) ? locate(base, project['testDir']) : base;
      const testMatch = project['testMatch'] === undefined ? [playwrightTestMatch] : [project['testMatch']].flat();
      // Playwright matches a relative glob anywhere below testDir.
      const globs = testMatch.filter((glob): glob is string => typeof glob === 'string').map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`));
      addPathEntries(context, globs, { base: testDir, reason: 'test file (playwright)', production: false, origin: `${label} testMatch` });
      addRegexMatches(context, testDir, testMatch.filter((pattern): pattern is RepositoryPattern => pattern instanceof RepositoryPattern), 'test file (playwright)');
    }
    for (const key of ['globalSetup', 'globalTeardown']) {
      addPathEntries(context, pathValues(options[key]), { base, reason: `${label} ${key}`, production: false, origin: `${label} ${key}` });
    }
    addReporters(context, workspace, options['reporter'], playwrightReporters, base, `${label} reporter`);
  },
};
