import { joinPath } from '../../discover/repo-paths.js';
import type { EntryContext, ToolRun, WorkspaceInfo } from '../entry-context.js';
import { handleConfig } from '../tool-entries.js';
import type { ToolSpec } from './tool-spec.js';

/**
 * A config a command line names without a flag (`karma start karma.ci.conf.js`, `pm2 start
 * ecosystem.config.js`): an entry itself, read from the folder the command runs in, and handled once
 * per folder like the configs tool-entries.ts finds (a default config named again is not handled twice).
 */
export function handleNamedConfig(context: EntryContext, workspace: WorkspaceInfo, tool: string, spec: ToolSpec, run: ToolRun, written: string): void {
  const path = joinPath(run.cwd, written);
  if (!context.tracked.has(path)) return context.warn(`${run.origin} names ${path}, which is not in the repository.`);
  context.addEntry(path, `config file (${tool})`, false);
  handleConfig(context, workspace, tool, spec, { path, label: path, cwd: run.cwd, value: context.readConfig(path) });
}
