import { excludedPathReason } from '../discover/excluded-paths.js';
import { basename, dirname } from '../discover/repo-paths.js';

/** Where knip looks for its settings at the repository root, besides package.json "knip". */
export const knipConfigFiles = ['knip.json', 'knip.jsonc', '.knip.json', '.knip.jsonc'];

/** Stylesheets, whose at-rules name packages (stylesheet-references.ts). */
export const stylesheetFile = /\.(?:css|scss|sass|less|pcss|postcss)$/;

/** The repository settings file, read for `deadCode.entry` when the caller passes no settings. */
export const stewardConfigPath = 'steward.config.json';

/**
 * True for files whose text findEntryPoints reads; the caller loads only those. Kept apart from the
 * detectors so that choosing files to load does not load the TypeScript parser.
 */
export function isEntryConfigFile(path: string): boolean {
  if (excludedPathReason(path) !== null) return false;
  const name = basename(path);
  return (
    name === 'package.json' ||
    name === 'deno.json' ||
    name === 'deno.jsonc' ||
    name === 'jsr.json' ||
    name === 'jsr.jsonc' ||
    (path.startsWith('.husky/') && !path.startsWith('.husky/_/')) ||
    /^\.github\/actions\/.+\/action\.ya?ml$/.test(path) ||
    /^serverless\.ya?ml$/.test(name) ||
    path === stewardConfigPath ||
    knipConfigFiles.includes(path) ||
    name.endsWith('.html') ||
    stylesheetFile.test(name) ||
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ||
    path.endsWith('.changeset/config.json') ||
    isToolConfigName(name) ||
    (basename(dirname(path)) === '.storybook' && /^main\.[cm]?[jt]sx?$/.test(name))
  );
}

/**
 * Config names of the tools whose settings are read, generous enough to cover variants a script
 * names with `--config` (vitest.e2e.config.ts, webpack.prod.js).
 */
function isToolConfigName(name: string): boolean {
  return (
    /^(?:vite|vitest|jest|playwright|webpack|rollup|tsup|tsdown|electron\.vite|babel|docusaurus|postcss|ava|cypress|tstyche|nuxt|nitro|commitlint|karma|gatsby|eslint|prettier|stylelint|release)[.-][\w.-]*\.(?:json|[cm]?[jt]s)$/.test(name) ||
    /^(?:cypress|tstyche)\.json$/.test(name) ||
    /^electron-builder\.(?:json5?|ya?ml)$/.test(name) ||
    /^\.(?:eslintrc|babelrc|mocharc|lintstagedrc|prettierrc|stylelintrc|releaserc)(?:\.\w+)?$/.test(name) ||
    /^(?:angular|\.angular-cli)\.json$/.test(name) ||
    /^\.borp\.ya?ml$/.test(name) ||
    /^\.(?:commitlintrc|release-it)(?:\.\w+)?$/.test(name)
  );
}
