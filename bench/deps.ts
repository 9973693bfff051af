/**
 * The dependency check against a local registry with latency: cold (empty cache), warm (fresh
 * cache) and revalidation (stale cache, the registry answers 304), beside npm-check-updates alone.
 *
 *   npx tsx bench/deps.ts [--dependencies 100] [--latency 50] [--runs 5] [--out r.json]
 *
 * The registry is the test suite's fixture registry (test/support/fixture-registry.ts) on
 * 127.0.0.1, serving packuments of 20–60 versions each, generated from a seed. Each measurement
 * runs in a process of its own; the check's own time is taken inside it, the process under GNU time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { analyzeDependencies } from '../core/analyses/dependencies/analyze-dependencies.js';
import { inspectRepository } from '../core/git/inspect-repository.js';
import { listTreeFiles } from '../core/git/tree-files.js';
import { openDatabase } from '../core/store/database.js';
import { type FixturePackage, startFixtureRegistry } from '../test/support/fixture-registry.js';
import { git, gitEnv } from './git.js';
import { describeMachine, machineLine } from './machine.js';
import { type Measurement, measure, requireGnuTime } from './measure.js';
import { positiveInteger } from './options.js';
import { Random } from './prng.js';
import { median, writeJson } from './report.js';
import { freshHome, parseJson, projectRoot, removeHome } from './steward.js';

interface Options {
  dependencies: number;
  latency: number;
  runs: number;
  out?: string;
  /** Internal: check this repository against --registry with --home, "now" shifted by --later-hours, and print the figures. */
  checkInto?: string;
  registry?: string;
  home?: string;
  laterHours?: string;
}

const program = new Command('deps')
  .description('Time the dependency check cold, warm and revalidating against a local registry with latency, beside npm-check-updates.')
  .option('--dependencies <n>', 'direct dependencies of the generated repository', positiveInteger, 100)
  .option('--latency <ms>', 'delay of every registry answer', (value) => Number(value), 50)
  .option('--runs <n>', 'runs of each measurement (medians reported)', positiveInteger, 5)
  .option('--out <file>', 'write every run and the medians as JSON here')
  .option('--check-into <dir>', '(internal) check this repository and print the figures')
  .option('--registry <url>', '(internal) the registry for --check-into')
  .option('--home <dir>', '(internal) the STEWARD_HOME for --check-into')
  .option('--later-hours <n>', '(internal) pretend this many hours have passed')
  .parse();

const dayMs = 86_400_000;

/** Packages with 20–60 releases over up to 8 years, a few deprecated, some with engines and peers. */
function syntheticPackages(count: number): FixturePackage[] {
  const random = new Random(6);
  return Array.from({ length: count }, (_, index) => {
    const releases = random.int(20, 60);
    let [major, minor, patch] = [random.int(0, 3), 0, 0];
    let time = Date.UTC(2018, 0, 1) + random.int(0, 1500) * dayMs;
    const versions = Array.from({ length: releases }, () => {
      if (random.chance(0.08)) [major, minor, patch] = [major + 1, 0, 0];
      else if (random.chance(0.3)) [minor, patch] = [minor + 1, 0];
      else patch++;
      time += random.int(3, 60) * dayMs;
      return {
        version: `${major}.${minor}.${patch}`,
        time: new Date(Math.min(time, Date.UTC(2026, 10, 1))).toISOString(),
        ...(random.chance(0.02) ? { deprecated: 'this version has a known bug' } : {}),
        ...(random.chance(0.3) ? { engines: { node: '>=18' } } : {}),
        ...(random.chance(0.1) ? { peerDependencies: { [`bench-package-${random.int(0, count - 1)}`]: '*' } } : {}),
      };
    });
    return { name: `bench-package-${index}`, versions };
  });
}

/** A git repository whose package.json declares every package at a version some releases back, and whose lockfile pins it. */
function createRepository(packages: readonly FixturePackage[], folder: string): string {
  const random = new Random(7);
  const installed = Object.fromEntries(packages.map((pkg) => [pkg.name, pkg.versions[random.int(0, pkg.versions.length - 1)]!.version]));
  const dependencies = Object.fromEntries(Object.entries(installed).map(([name, version]) => [name, `^${version}`]));
  const lock = {
    name: 'bench',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'bench', dependencies }, ...Object.fromEntries(Object.entries(installed).map(([name, version]) => [`node_modules/${name}`, { version }])) },
  };
  git(folder, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'bench', private: true, engines: { node: '>=20' }, dependencies }, null, 2));
  writeFileSync(join(folder, 'package-lock.json'), JSON.stringify(lock, null, 2));
  git(folder, ['add', '--all']);
  git(folder, ['commit', '--quiet', '-m', 'dependencies'], { env: gitEnv({ name: 'Bench', email: 'bench@example.com' }, new Date(Date.UTC(2026, 0, 1))) });
  return folder;
}

interface CheckFigures {
  checkMs: number;
  network: number;
  revalidated: number;
  cache: number;
  failed: number;
  targets: string;
}

async function checkOnce(repo: string, home: string, registry: string, laterHours: number): Promise<void> {
  const db = openDatabase(join(home, 'steward.db'));
  try {
    const { root, head } = await inspectRepository(repo);
    const tree = await listTreeFiles(root, head.commit);
    const started = performance.now();
    const report = await analyzeDependencies({
      cache: db,
      root,
      commit: head.commit,
      tree,
      installed: true,
      options: { registry: { url: registry, source: '--registry' }, offline: false },
      now: new Date(Date.now() + laterHours * 3_600_000),
      env: { ...process.env, STEWARD_OSV_URL: 'off', NPM_CONFIG_USERCONFIG: '/nonexistent' },
      signal: new AbortController().signal,
      progress: () => {},
    });
    const checkMs = Math.round(performance.now() - started);
    const { network, revalidated, cache, failed } = report.metadata;
    process.stdout.write(JSON.stringify({ checkMs, network, revalidated, cache, failed, targets: report.targets.status } satisfies CheckFigures));
  } finally {
    db.close();
  }
}

type Run = Measurement & { figures?: CheckFigures | undefined };

async function stewardCheck(repo: string, home: string, registry: string, laterHours: number): Promise<Run> {
  const run = await measure(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'bench', 'deps.ts'), '--check-into', repo, '--registry', registry, '--home', home, '--later-hours', String(laterHours)],
    { cwd: projectRoot },
  );
  return { ...run, figures: run.exitCode === 0 ? (parseJson(run.stdout) as CheckFigures) : undefined };
}

async function main(options: Options): Promise<void> {
  if (options.checkInto) return checkOnce(options.checkInto, options.home!, options.registry!, Number(options.laterHours ?? 0));
  requireGnuTime();
  const packages = syntheticPackages(options.dependencies);
  const scratch = mkdtempSync(join(tmpdir(), 'steward-bench-deps-'));
  const registry = await startFixtureRegistry({ packages, latencyMs: options.latency, auditStatus: 405 });
  const records: Record<'cold' | 'warm' | 'revalidate' | 'ncu', Run[]> = { cold: [], warm: [], revalidate: [], ncu: [] };
  try {
    const repo = createRepository(packages, scratch);
    const ncu = join(projectRoot, 'node_modules', 'npm-check-updates', 'build', 'cli.js');
    for (let run = 1; run <= options.runs; run++) {
      const home = freshHome();
      try {
        for (const [kind, laterHours] of [['cold', 0], ['warm', 0], ['revalidate', 2]] as const) {
          const result = await stewardCheck(repo, home, registry.url, laterHours);
          records[kind].push({ ...result, stdout: '' });
          console.error(`run ${run}: ${kind} ${result.wallSeconds} s, ${result.peakRssMb} MB, ${JSON.stringify(result.figures)}`);
        }
      } finally {
        removeHome(home);
      }
      const peer = await measure(process.execPath, [ncu, '--packageFile', join(repo, 'package.json'), '--registry', registry.url, '--jsonUpgraded', '--target', 'latest'], { cwd: repo });
      records.ncu.push({ ...peer, stdout: '' });
      const upgraded = Object.keys((parseJson(peer.stdout) as Record<string, string> | undefined) ?? {}).length;
      console.error(`run ${run}: npm-check-updates ${peer.wallSeconds} s, ${peer.peakRssMb} MB, ${upgraded} upgrades, exit ${peer.exitCode} ${peer.stderrFirstLine}`);
    }
  } finally {
    await registry.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  const wall = (kind: keyof typeof records): number | undefined => median(records[kind].map((record) => record.wallSeconds));
  const check = (kind: keyof typeof records): number | undefined => median(records[kind].flatMap((record) => (record.figures ? [record.figures.checkMs] : [])));
  const peak = (kind: keyof typeof records): number | undefined => median(records[kind].map((record) => record.peakRssMb));
  const summary = {
    dependencies: options.dependencies,
    latencyMs: options.latency,
    runs: options.runs,
    machine: machineLine(describeMachine({})),
    /** The check itself (in the process), and the whole process (Node and tsx start-up included). */
    cold: { checkMs: check('cold'), wallSeconds: wall('cold'), peakRssMb: peak('cold') },
    warm: { checkMs: check('warm'), wallSeconds: wall('warm'), peakRssMb: peak('warm') },
    revalidate: { checkMs: check('revalidate'), wallSeconds: wall('revalidate'), peakRssMb: peak('revalidate') },
    npmCheckUpdates: { wallSeconds: wall('ncu'), peakRssMb: peak('ncu') },
  };
  console.log(JSON.stringify(summary, null, 2));
  if (options.out) writeJson(options.out, { summary, records });
}

await main(program.opts<Options>());
