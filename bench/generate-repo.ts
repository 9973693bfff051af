import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { positiveInteger } from './options.js';
import { type Shape, shapes } from './synthetic-graph.js';
import { generateRepo } from './synthetic-repo.js';

const program = new Command('generate-repo')
  .description('Write a deterministic synthetic TypeScript git repository for benchmarks.')
  .requiredOption('--files <n>', 'TypeScript files in total (at least 10)', positiveInteger)
  .option('--commits <n>', 'commits after the initial import, each changing 1–4 files', positiveInteger, 100)
  .addOption(new Option('--shape <shape>', 'how files import each other').choices(shapes).default('layered'))
  .option('--seed <n>', 'seed of the pseudo-random generator', positiveInteger, 1)
  .requiredOption('--out <dir>', 'folder to create (absent or empty)')
  .parse();

const options = program.opts<{ files: number; commits: number; shape: Shape; seed: number; out: string }>();
const started = performance.now();
try {
  const head = generateRepo(options, resolve(options.out));
  console.log(`${resolve(options.out)}: ${options.files} files, ${options.commits + 1} commits, HEAD ${head} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`generate-repo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
