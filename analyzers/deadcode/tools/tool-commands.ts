import { joinPath } from '../../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { preloadFlags, splitOption } from './command-args.js';
import { addModule } from './run-targets.js';


/** Commands that come with the runtime or the package manager rather than from a dependency. */
const systemCommands = new Set(['node', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'deno']);

/**
 * A command line a tool's config runs (nodemon's `exec`, Prisma's seed: `ts-node src/seed.ts`,
 * `node -r dotenv/config dist/index.js`, `tsc && node dist/app.js`): per simple command, its binary,
 * the modules it preloads and the first file it runs, from `cwd`.
 */
export function addToolCommand(context: EntryContext, workspace: WorkspaceInfo, command: { cwd: string; line: string; reason: string; production: boolean }): void {
  for (const part of command.line.split(/&&|\|\||[;&|]/)) {
    const words = part
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/^(['"])(.*)\1$/, '$2'))
      .filter((word) => word !== '' && !/^[A-Za-z_]\w*=/.test(word));
    const [binary, ...args] = words;
    if (binary === undefined) continue;
    if (/^(?:@[\w.-]+\/)?[\w.-]+$/.test(binary) && !systemCommands.has(binary)) context.addBinary(workspace.dir, binary, command.reason);
    for (let index = 0; index < args.length; index++) {
      const [flag, inline] = splitOption(args[index]!);
      if (preloadFlags.has(flag)) {
        const value = inline ?? args[++index];
        if (value !== undefined) addModule(context, workspace, command.cwd, value, command.reason);
        continue;
      }
      const file = flag.startsWith('-') || !/[./]/.test(flag) ? null : findSourceOf(context, workspace.dir, joinPath(command.cwd, flag));
      if (file) {
        context.addEntry(file, command.reason, command.production);
        break;
      }
    }
  }
}

