#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('steward: the command-line tool is not built yet; run "npm run build" in the Steward folder\n');
  process.exit(3);
}
await import(entry.href);
