// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries: a file's folder says what it may touch (see README, "Architecture"). */
const nodeBuiltins = { regex: '^node:', message: 'No Node APIs here.' };
/** Relative imports that climb into one of the named top-level folders (and into core/ outside core/api/ with exceptApi). */
const outside = (folders, message, { exceptApi = false } = {}) => {
  const targets = folders.map((folder) => `${folder}(/|$)`);
  if (exceptApi) targets.push('core/(?!api/)');
  return { regex: `^(\\.\\./)+(${targets.join('|')})`, message };
};
const packages = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: packages(['electron', 'better-sqlite3'], 'The renderer talks to the engine only through the API client.'),
          patterns: [
            nodeBuiltins,
            outside(['electron', 'cli'], 'The renderer may import only core/api from outside renderer/.', { exceptApi: true }),
            // What "product code" means is shared by the API's filter and the views' toggle: one pure function, no I/O.
            { regex: '^(\\.\\./)+analyzers/(?!discover/code-role$)', message: 'The renderer may import only core/api (and the pure analyzers/discover/code-role) from outside renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['analyzers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages(['electron', 'better-sqlite3'], 'Analyzers are pure: plain data in, plain data out.'),
          patterns: [nodeBuiltins, outside(['core', 'electron', 'renderer', 'cli'], 'Analyzers may not import core, electron, renderer or cli.')],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/git/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...packages(['electron'], 'core runs without Electron (CLI, browser mode, tests).'),
            ...packages(['node:child_process'], 'git runs through core/git/git-runner.ts, which keeps a repository\'s config from starting programs.'),
          ],
          patterns: [outside(['electron', 'renderer', 'cli'], 'core may not import electron, renderer or cli.')],
        },
      ],
    },
  },
  {
    // git runs through git-runner.ts; a draft's commands (package manager, gates) through run-command.ts, in a process group with a time limit.
    files: ['core/git/**/*.ts', 'core/drafts/run-command.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages(['electron'], 'core runs without Electron (CLI, browser mode, tests).'),
          patterns: [outside(['electron', 'renderer', 'cli'], 'core may not import electron, renderer or cli.')],
        },
      ],
    },
  },
  {
    files: ['core/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, { regex: '^\\.\\./(?!api/)', message: 'The API contract is shared with the renderer: schemas only.' }] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, outside(['renderer', 'analyzers', 'cli'], 'The sandboxed preload may import only electron and core/api.', { exceptApi: true })] },
      ],
    },
  },
  {
    files: ['cli/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
