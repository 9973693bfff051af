import type { EntryContext, LoadedConfig, ToolRun, WorkspaceInfo } from '../entry-context.js';

/** The config files of one workspace (never those of a workspace nested in it). */
export interface WorkspaceFiles {
  /** Tracked files in the workspace folder itself whose name matches. */
  atRoot(name: RegExp): string[];
  /** Tracked files anywhere in the workspace whose name matches: configs that cascade, like .eslintrc. */
  anywhere(name: RegExp): string[];
}

/**
 * What Steward knows about one tool: how a repository says it uses it, where its config lives, and
 * what the config and the command lines that run it make used. One module per tool, listed once in
 * tools/registry.ts.
 */
export interface ToolSpec {
  /** Commands that start it (`vitest`, `webpack-cli`); a script running one means the tool is in use. */
  binaries?: readonly string[];
  /**
   * Repository paths of the files that may hold its config, which a scan loads for entry detection:
   * its default config files and the variants a command line names with `--config`.
   */
  configFiles?: readonly RegExp[];
  /** Dependencies that mean the tool runs even without a config or a script naming it. */
  packages?: readonly string[];
  /** The tool's config files in a workspace, in the order they are handled. */
  configs?(files: WorkspaceFiles, isUsed: boolean): string[];
  /** A package.json field that holds the same config. */
  packageField?: string;
  /** The options naming its config on a command line, when not `-c`/`--config`/`--config-dir` (prettier's `-c` is `--check`). */
  configFlags?: readonly string[];
  /** Where `-c <folder>` looks for the config (storybook's config dir). */
  configInFolder?: RegExp;
  /** Handles one config of the tool (null: the tool is in use without one, so its defaults apply). */
  handle?(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void;
  /** Handles one command line running the tool: the files, folders and globs it names, the modules it preloads. */
  run?(context: EntryContext, workspace: WorkspaceInfo, run: ToolRun): void;
}

const script = String.raw`\.[cm]?[jt]s`;
export const scriptOrJson = String.raw`(?:${script}|\.json)`;

/** A file name pattern (`/^\.mocharc(?:\.\w+)?$/`) as a pattern of repository paths: that name in any folder. */
export function named(name: RegExp): RegExp {
  return new RegExp(String.raw`(?:^|/)(?:${name.source.replace(/^\^/, '')})`);
}

/**
 * Files named after a tool, in any folder: `vite.config.ts`, `karma.conf.js`, and the variants
 * scripts pass with `--config` (`vitest.e2e.config.mts`, `webpack.prod.js`, `jest-e2e.json`).
 */
export function namedAfter(...tools: string[]): RegExp {
  const names = tools.map((tool) => tool.replace(/[.]/g, '\\.')).join('|');
  return new RegExp(String.raw`(?:^|/)(?:${names})(?:[.-][\w.-]*)?\.(?:json|[cm]?[jt]s)$`);
}

/** `vite.config.ts`, `jest.config.json`: a tool's config file name. */
export function configName(tool: string, extensions = script): RegExp {
  return new RegExp(String.raw`^${tool}\.config${extensions}$`);
}

/** A config value that is one string or a list of them (`spec: 'test'`, `require: ['a', 'b']`). */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
