import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { addModule } from './run-targets.js';

/** Reporters other than the built-in ones are modules: a file (`./reporter.ts`) or a package. Written as a name, or `[name, options]`. */
export function addReporters(context: EntryContext, workspace: WorkspaceInfo, value: unknown, builtIn: ReadonlySet<string>, base: string, reason: string): void {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const name = Array.isArray(item) ? item[0] : item;
    if (typeof name === 'string' && !builtIn.has(name)) addModule(context, workspace, base, name, reason);
  }
}
