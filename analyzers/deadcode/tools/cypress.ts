import { isObject } from '../../discover/package-json.js';
import { addPathEntries, type EntryContext } from '../entry-context.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const scripts = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';

/** Each testing type's defaults (Cypress 10+). */
const testingTypes = {
  e2e: { specPattern: `cypress/e2e/**/*.cy.${scripts}`, supportFile: `cypress/support/e2e.${scripts}` },
  component: { specPattern: `**/*.cy.${scripts}`, supportFile: `cypress/support/component.${scripts}` },
} as const;

/**
 * Cypress: each testing type's `specPattern` and `supportFile` (cypress.config.*, or the defaults),
 * and the legacy cypress.json's `integrationFolder` + `testFiles`, `supportFile` and `pluginsFile`.
 */
export const cypress: ToolSpec = {
  configFiles: [namedAfter('cypress')],
  binaries: ['cypress'],
  packages: ['cypress'],
  // `--config`/`-c` takes inline values (`--config video=false`); the file is `--config-file`/`-C`.
  configFlags: ['-C', '--config-file'],
  configs: (files) => files.atRoot(/^cypress\.(?:config\.[cm]?[jt]s|json)$/),
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const base = config?.cwd ?? workspace.dir;
    const label = config?.label ?? 'cypress';
    if (config?.path.endsWith('cypress.json')) return addLegacy(context, base, options, label);
    for (const [type, defaults] of Object.entries(testingTypes)) {
      const section = isObject(options[type]) ? options[type] : {};
      // A component section is what says component testing is set up; e2e is the default.
      if (type === 'component' && !isObject(options[type])) continue;
      const specs = stringList(section['specPattern']);
      add(context, base, specs.length > 0 ? specs : [defaults.specPattern], `test file (cypress ${type})`, `${label} ${type}.specPattern`);
      const support = section['supportFile'];
      if (support !== false) add(context, base, stringList(support).length > 0 ? stringList(support) : [defaults.supportFile], `support file (cypress ${type})`, `${label} ${type}.supportFile`);
    }
  },
};

function addLegacy(context: EntryContext, base: string, options: Record<string, unknown>, label: string): void {
  const folder = typeof options['integrationFolder'] === 'string' ? options['integrationFolder'] : 'cypress/integration';
  const tests = stringList(options['testFiles']);
  add(context, base, (tests.length > 0 ? tests : ['**/*.*']).map((glob) => `${folder}/${glob}`), 'test file (cypress)', `${label} testFiles`);
  for (const [key, fallback] of [['supportFile', `cypress/support/index.${scripts}`], ['pluginsFile', `cypress/plugins/index.${scripts}`]] as const) {
    const value = options[key];
    if (value !== false) add(context, base, [typeof value === 'string' ? value : fallback], `${key} (cypress)`, `${label} ${key}`);
  }
}

function add(context: EntryContext, base: string, globs: readonly string[], reason: string, origin: string): void {
  addPathEntries(context, globs, { base, reason, production: false, origin });
}
