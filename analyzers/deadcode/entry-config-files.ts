import { excludedPathReason } from '../discover/excluded-paths.js';
import { basename } from '../discover/repo-paths.js';
import { registry } from './tools/registry.js';

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
    path === stewardConfigPath ||
    knipConfigFiles.includes(path) ||
    name.endsWith('.html') ||
    stylesheetFile.test(name) ||
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ||
    /^\.lintstagedrc(?:\.\w+)?$/.test(name) ||
    toolConfigFiles.some((pattern) => pattern.test(path))
  );
}

/** The config files of every tool in the registry (tools/registry.ts). */
const toolConfigFiles = Object.values(registry).flatMap((spec) => spec.configFiles ?? []);
