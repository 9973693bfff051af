/**
 * Security review as tests (issue 21, part 5). What the Electron checklist asks of the main process is
 * asserted in test/unit/electron-security.test.ts; this file proves the rest against the built CLI:
 * browser mode on a real server, command and option injection through everything a repository can
 * name, secrets from .npmrc, scripts and configs of a scanned repository, and closed pipes.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { devNull, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stewardBin } from '../support/cli.js';
import { draftPackages } from '../support/draft-fixture.js';
import { type FixtureRegistry, startFixtureRegistry } from '../support/fixture-registry.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { markerFolder } from '../support/hostile-fixture.js';
import { full, recordFigures, scaled, seed } from './scale.js';
import { createInjectionRepository, createInstallableRepository, npmSecrets, secretForms, userNpmrc } from './support/hostile-security-repository.js';
import { type ServeProcess, rawRequest, startServeProcess } from './support/serve-process.js';

/** The counts RELIABILITY.md reports, written once every test has run. */
const figures = { hostileValues: 0, scriptTraps: 0, commandRuns: 0, injectionAttempts: 0, serverChecks: 0, refusedAddresses: 0, secretProbes: 0, closedPipeRuns: 0, storeSettings: 0 };
afterAll(() => recordFigures('security', figures));
/** Each command run over a repository tries every hostile value and trap it holds. */
const attempted = (values: number) => (figures.injectionAttempts += values);

/** Every file under a folder, with its bytes (the database, its WAL, logs, draft plans, worktrees). */
function filesUnder(folder: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) found.push(...filesUnder(path));
    else if (stat?.isFile()) found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

describe('browser mode on a real server', () => {
  const home = temporaryDirectory();
  let server: ServeProcess;
  const securityHeaders = (response: { headers: Record<string, string | string[] | undefined> }) => ({
    csp: typeof response.headers['content-security-policy'] === 'string' && response.headers['content-security-policy'].includes("script-src 'self'"),
    nosniff: response.headers['x-content-type-options'],
    frame: response.headers['x-frame-options'],
  });
  const secured = { csp: true, nosniff: 'nosniff', frame: 'DENY' };

  beforeAll(async () => {
    server = await startServeProcess(home);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const host = () => `127.0.0.1:${server.port}`;
  const api = (headers: Record<string, string>) => rawRequest(server.port, { method: 'POST', path: '/api/repositories.list', headers: { 'Content-Type': 'application/json', Host: host(), ...headers }, body: '{}' });

  it('listens on 127.0.0.1 only: every other address of the machine refuses the connection', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    const outcomes = await Promise.all(
      [...others, '::1'].map(
        (address) =>
          new Promise<[string, string]>((resolve) => {
            const socket = connect({ host: address, port: server.port });
            socket.once('connect', () => {
              socket.destroy();
              resolve([address, 'connected']);
            });
            socket.once('error', (error: NodeJS.ErrnoException) => resolve([address, error.code ?? 'error']));
          }),
      ),
    );
    figures.refusedAddresses = outcomes.length;
    expect(outcomes.filter(([, outcome]) => outcome === 'connected')).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(0);
  });

  it('the API and the index page refuse a missing or wrong token', async () => {
    const wrongTokens = ['', 'x', server.token.slice(1), `${server.token}x`, server.token.toUpperCase(), `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`];
    for (const token of wrongTokens) {
      for (const authorization of [`Bearer ${token}`, token, `Basic ${token}`]) {
        const response = await api({ Authorization: authorization });
        expect([authorization, response.status, securityHeaders(response)]).toEqual([authorization, 401, secured]);
        expect(response.body).not.toContain('"ok":true');
      }
      for (const path of [`/?token=${encodeURIComponent(token)}`, `/index.html?token=${encodeURIComponent(token)}`, '/', '/index.html', '/%69ndex.html', '/./index.html', '/assets/../index.html']) {
        const response = await rawRequest(server.port, { path, headers: { Host: host() } });
        expect([path, response.status]).toEqual([path, 401]);
        expect(response.body).not.toContain('<script');
      }
    }
    const events = await rawRequest(server.port, { path: '/api/events', headers: { Host: host() } });
    expect(events.status).toBe(401);
    expect((await api({ Authorization: `Bearer ${server.token}` })).status).toBe(200);
    figures.serverChecks += wrongTokens.length * 10 + 2;
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding), even with the right token, and says so with the security headers', async () => {
    const token = `Bearer ${server.token}`;
    const origins = ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `http://127.0.0.1.evil.example:${server.port}`];
    for (const origin of origins) {
      const response = await api({ Authorization: token, Origin: origin });
      expect([origin, response.status, securityHeaders(response)]).toEqual([origin, 403, secured]);
    }
    const hosts = [`evil.example:${server.port}`, 'evil.example', `127.0.0.1.evil.example:${server.port}`, '127.0.0.1.evil.example', `127.0.0.1:${server.port}.evil.example`, `localhost.evil.example:${server.port}`, '127.0.0.1', `[::1]:${server.port}`, `0.0.0.0:${server.port}`];
    // A Host that names no valid port cannot be made into a URL: the HTTP layer answers 400 before the app sees it.
    const refusal = (name: string) => (/:\d+\.[a-z]/.test(name) ? [400, expect.anything()] : [403, secured]);
    for (const name of hosts) {
      const response = await api({ Authorization: token, Host: name });
      expect([name, response.status, securityHeaders(response)]).toEqual([name, ...refusal(name)]);
      const page = await rawRequest(server.port, { path: `/?token=${server.token}`, headers: { Host: name } });
      expect([name, page.status, securityHeaders(page)]).toEqual([name, ...refusal(name)]);
      expect(page.body).not.toContain('<script');
    }
    // The addresses the page itself is served under still work.
    for (const name of [host(), `localhost:${server.port}`]) expect((await api({ Authorization: token, Host: name, Origin: `http://${name}` })).status).toBe(200);
    figures.serverChecks += origins.length + hosts.length * 2 + 2;
  });

  it('static files cannot be read from outside the renderer folder, however the path is written', async () => {
    const paths = [
      '/../../../../../../etc/passwd',
      '/assets/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
      '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5c..%5c..%5cetc%5cpasswd',
      '/%252e%252e/%252e%252e/%252e%252e/etc/passwd',
      '/....//....//....//etc/passwd',
      '/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/etc/passwd%00.js',
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/../main/index.js',
      '/%2e%2e/main/index.js',
      '/..%2fmain%2findex.js',
    ];
    for (const path of paths) {
      const response = await rawRequest(server.port, { path, headers: { Host: host() } });
      expect([path, response.status, securityHeaders(response)]).toEqual([path, 404, secured]);
      expect(response.body).not.toMatch(/root:|"name": "steward"|createWindow/);
    }
    figures.serverChecks += paths.length;
  });

  it('every response carries the security headers: the page, an asset, an API answer, an error, a refusal', async () => {
    const page = await rawRequest(server.port, { path: `/?token=${server.token}`, headers: { Host: host() } });
    expect(page.status).toBe(200);
    const asset = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const responses = [
      page,
      await rawRequest(server.port, { path: asset!, headers: { Host: host() } }),
      await api({ Authorization: `Bearer ${server.token}` }),
      await rawRequest(server.port, { method: 'POST', path: '/api/no.such.route', headers: { Host: host(), Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{}' }),
      await rawRequest(server.port, { method: 'POST', path: '/api/repositories.list', headers: { Host: host(), Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: 'not json' }),
      await rawRequest(server.port, { path: '/no-such-file.js', headers: { Host: host() } }),
      await api({}),
      await api({ Authorization: `Bearer ${server.token}`, Origin: 'http://evil.example' }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 404, 400, 404, 401, 403]);
    for (const response of responses) expect(securityHeaders(response)).toEqual(secured);
    figures.serverChecks += responses.length;
  });

  it('the token appears nowhere but in the one address printed, not in logs nor in any file of its data folder', async () => {
    // Requests with the token, right and wrong, and failures that are logged if anything is.
    await api({ Authorization: `Bearer ${server.token}` });
    await rawRequest(server.port, { method: 'POST', path: `/api/no.such.route?token=${server.token}`, headers: { Host: host(), Authorization: `Bearer ${server.token}` }, body: '{' });
    await rawRequest(server.port, { path: `/?token=${server.token}x`, headers: { Host: host() } });
    const { token } = server;
    expect(await server.stop()).toBe(0);
    const { stdout, stderr } = server.output();
    expect(stdout.split(token).length - 1).toBe(1);
    expect(stderr).not.toContain(token);
    for (const file of filesUnder(home)) expect([file.path, file.bytes.includes(token)]).toEqual([file.path, false]);
    figures.serverChecks += 3;
  });
});

/** Runs the built CLI from a folder (a user inside their repository), with its own data folder and environment. */
function runIn(cwd: string, home: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ args: string[]; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [stewardBin, ...args], { cwd, env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ args, status, stdout, stderr }));
  });
}

/** What every command must look like, whatever the repository holds: a documented exit code, no stack trace, no internal error. */
function expectContractKept(result: { args: string[]; status: number | null; stderr: string }): void {
  expect([result.args.join(' '), result.status === 0 || result.status === 1 || result.status === 2, result.stderr]).toEqual([result.args.join(' '), true, expect.not.stringMatching(/\n\s+at .+:\d+:\d+|internal error/)]);
  if (result.status === 2) expect(result.stderr.trim().split('\n'), result.args.join(' ')).toHaveLength(1);
}

describe('a hostile repository: nothing it names runs, no secret of .npmrc leaks, none of its code runs', () => {
  const markers = markerFolder();
  const secrets = npmSecrets();
  const home = temporaryDirectory();
  const outputs = temporaryDirectory('steward-security-out-');
  const results: { args: string[]; status: number | null; stdout: string; stderr: string }[] = [];
  let registry: FixtureRegistry;
  let repository: string;
  let installable: string;
  let env: NodeJS.ProcessEnv;
  let before: ReturnType<typeof state>;
  // The test's own git must not run what the repositories name either (their fsmonitor and hooks).
  const safeGit = (folder: string, args: string[]) => git(folder, ['-c', 'core.fsmonitor=false', '-c', `core.hooksPath=${devNull}`, ...args]);
  const state = () =>
    [repository, installable].map((folder) => ({ head: safeGit(folder, ['rev-parse', 'HEAD']), status: safeGit(folder, ['status', '--porcelain', '--untracked-files=all']), refs: safeGit(folder, ['for-each-ref']).split('\n').filter((line) => !line.includes('refs/heads/steward/')) }));

  beforeAll(async () => {
    registry = await startFixtureRegistry({ packages: draftPackages(markers.folder), token: secrets.repositoryToken });
    const planted = createInjectionRepository(temporaryDirectory('steward-injection-'), markers, registry.url, secrets);
    repository = planted.repository;
    const other = createInstallableRepository(temporaryDirectory('steward-installable-'), markers, registry.url, secrets);
    installable = other.repository;
    figures.hostileValues = planted.planted;
    figures.scriptTraps = other.planted;
    const userConfig = join(outputs, 'user.npmrc');
    writeFileSync(userConfig, userNpmrc(registry.url, secrets));
    env = {
      // Relative folders first on the search path, as some users have it: a program the repository holds must still not be found.
      PATH: `.:bin:node_modules/.bin::${process.env['PATH']}`,
      STEWARD_TEST_SECRET: secrets.environmentToken,
      NPM_CONFIG_USERCONFIG: userConfig,
      npm_config_cache: join(outputs, 'npm-cache'),
      // The suite's setup points npm at a quiet registry of its own; here it is the repository's, with its token.
      npm_config_registry: registry.url,
    };
    before = state();
  }, 120_000);
  afterAll(async () => {
    await registry?.close();
  });

  const run = async (...args: string[]) => runFrom(repository, ...args);
  const runFrom = async (folder: string, ...args: string[]) => {
    const result = await runIn(folder, home, args, env);
    results.push(result);
    figures.commandRuns++;
    attempted(folder === repository ? figures.hostileValues : figures.scriptTraps);
    expectContractKept(result);
    return result;
  };

  it('scan, every analysis, the inventory, score, history, backfill, report, export and SARIF keep their contract', async () => {
    const scan = await run('scan', '.', '--json', '-q');
    expect(scan.status).toBe(0);
    // The registry asks for its token, and the scan had it: the dependency check reached it through the repository's .npmrc.
    expect(registry.requests.get('/left-pad-lite')).toBeGreaterThan(0);
    await run('deps', '.', '--registry', `http://cli-user:${secrets.urlPassword}@${new URL(registry.url).host}/`, '--json', '-q');
    await run('deadcode', '.', '--sarif', '-q');
    await run('inventory', '.', '--json');
    await run('report', '.', '--format', 'html', '--out', join(outputs, 'report.html'));
    await run('export', '.', '--out', join(outputs, 'export.xlsx'));
    await run('export', '.', '--format', 'csv');
    if (full) {
      await run('deps', '.', '--offline', '--json', '-q');
      await run('deps', '.', '--offline', '-q');
      await run('deps', '.', '--offline', '--sarif', '-q');
      for (const analysis of ['complexity', 'deadcode', 'hotspots', 'markers']) {
        await run(analysis, '.', '--json', '-q');
        await run(analysis, '.', '-q');
      }
      await run('inventory', '.', '--csv');
      await run('inventory', '.');
      await run('score', '.', '--explain');
      await run('history', '.');
      await run('backfill', '.', '--count', '2', '--offline', '--json', '-q');
      await run('forecast', '.');
      for (const format of ['md', 'json']) await run('report', '.', '--format', format);
      await run('export', '.', '--format', 'json');
      await run('repos', '--json');
      await run('portfolio');
    }
    expect(markers.markers()).toEqual([]);
  }, 600_000);

  it('drafts without consent run nothing of the repository: no script, no configured gate, no hook, no committed program', async () => {
    // The hostile repository's own gates (steward.config.json) need consent: its draft stops before its install.
    const refused = await run('draft', 'deadcode', '.', '--json', '-q');
    expect(JSON.parse(refused.stdout)).toMatchObject({ state: 'failed', error: expect.stringMatching(/not run \(consent\)/) });
    // The installable one gets through npm's install (scripts off) to the gates that follow it.
    for (const kind of scaled(['deps'], ['deps', 'deadcode'])) {
      const draft = await runFrom(installable, 'draft', kind, '.', '--json', '-q');
      const { id, plan } = JSON.parse(draft.stdout) as { id: string; plan: { consent: boolean; gates: { gate: string; status: string }[] } | null };
      expect([kind, plan?.consent, plan?.gates.find((gate) => gate.gate === 'install')?.status]).toEqual([kind, false, 'passed']);
      await runFrom(installable, 'draft', 'show', id, '--markdown');
    }
    expect(markers.markers()).toEqual([]);
  }, 600_000);

  it('the repositories are as they were: same HEAD, same status, same refs (besides the branches of drafts)', () => {
    expect(state()).toEqual(before);
  });

  it('no secret of either .npmrc appears in any output, export, report, draft plan or file of the data folder (database and WAL included)', () => {
    const forms = secretForms(secrets);
    // A draft's worktree is a checkout of the repository: its own .npmrc is there, as in the repository itself.
    const checkedOut = (path: string) => /\/worktrees\/[^/]+\/\.npmrc$/.test(path);
    const texts = [
      ...results.flatMap((result) => [{ where: `stdout of ${result.args.join(' ')}`, bytes: Buffer.from(result.stdout) }, { where: `stderr of ${result.args.join(' ')}`, bytes: Buffer.from(result.stderr) }]),
      ...[...filesUnder(home).filter((file) => !checkedOut(file.path)), ...filesUnder(outputs).filter((file) => !file.path.endsWith('user.npmrc') && !file.path.includes('npm-cache'))].map((file) => ({ where: file.path, bytes: file.bytes })),
    ];
    expect(texts.some((text) => text.where.endsWith('steward.db'))).toBe(true);
    for (const text of texts) for (const form of forms) expect([text.where, form, text.bytes.includes(form)]).toEqual([text.where, form, false]);
    figures.secretProbes = texts.length * forms.length;
  });

  it('closed pipes end every command with output quietly, in JSON and in text', async () => {
    const everyCommand = [
      ['--help'],
      ['--version'],
      ['inventory', '.'],
      ['inventory', '.', '--json'],
      ['inventory', '.', '--csv'],
      ['score', '.', '--explain'],
      ['score', '.', '--json'],
      ['history', '.'],
      ['history', '.', '--json'],
      ['forecast', '.'],
      ['forecast', '.', '--json'],
      ['report', '.'],
      ['report', '.', '--format', 'json'],
      ['export', '.', '--format', 'csv'],
      ['export', '.', '--format', 'json'],
      ['repos'],
      ['repos', '--json'],
      ['portfolio'],
      ['portfolio', '--json'],
      ['drafts'],
      ['drafts', '--json'],
      ['draft', 'consent', '.', '--json'],
      ['draft', 'consent', '.'],
      ...['complexity', 'deadcode', 'hotspots', 'markers'].flatMap((analysis) => [[analysis, '.', '-q'], [analysis, '.', '--json', '-q']]),
      ['deadcode', '.', '--sarif', '-q'],
      ['deps', '.', '--offline', '-q'],
      ['deps', '.', '--offline', '--json', '-q'],
      ['scan', '.', '--offline', '-q'],
      ['scan', '.', '--offline', '--json', '-q'],
    ];
    // The fast run takes one command of each kind of output (help, text, JSON, CSV, Markdown); the full run every command.
    const commands = scaled([['--help'], ['inventory', '.'], ['inventory', '.', '--json'], ['export', '.', '--format', 'csv'], ['report', '.'], ['drafts', '--json'], ['history', '.'], ['markers', '.', '--json', '-q']], everyCommand);
    const closedPipe = async (args: string[]) => {
      // The reader is gone before the command writes a byte: its first write meets a closed pipe.
      const child = spawn(process.execPath, [stewardBin, ...args], { cwd: repository, env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      attempted(figures.hostileValues);
      return { args: args.join(' '), code, stderr };
    };
    const outcomes: { args: string; code: number | null; stderr: string }[] = [];
    // Readers of the store two at a time (the machine has two cores); a command that analyses the
    // repository alone, as two would meet the scan lock and be refused (exit 2, as documented).
    const analyses = new Set(['scan', 'complexity', 'deadcode', 'hotspots', 'markers', 'deps']);
    const batches: string[][][] = [];
    for (const args of commands) {
      const last = batches.at(-1);
      if (!analyses.has(args[0]!) && last && last.length < 2 && !analyses.has(last[0]![0]!)) last.push(args);
      else batches.push([args]);
    }
    for (const batch of batches) outcomes.push(...(await Promise.all(batch.map(closedPipe))));
    figures.closedPipeRuns = outcomes.length;
    expect(outcomes.filter((outcome) => outcome.code !== 0 || outcome.stderr !== '')).toEqual([]);
  }, 600_000);
});

describe("a team store's settings, fuzzed: whatever URL, door or fallback is given, one line and never the password", () => {
  const secret = 'Zq7-store-secret';
  // Passwords with URL-special characters, raw or percent-encoded: the secret in them must never be printed, parsed or not.
  const password = fc.constantFrom(secret, `${secret}@:/`, `${secret}%40`, `${secret} x`, `${secret}"'\``, `${secret}\n`, `${secret}%zz`);
  // Hosts that refuse (retried), do not resolve, are malformed or empty (the default, localhost:5432).
  const host = fc.constantFrom('127.0.0.1:1', 'steward-no-such-host.invalid', '', '[::1]:1', '127.0.0.1:99999', '127.0.0.1:abc', '%', '@', '[::1');
  const setting = fc.record({
    url: fc
      .tuple(
        fc.constantFrom('postgres://', 'postgresql://', 'POSTGRES://', 'postgres:/', 'http://', ''),
        fc.constantFrom('ci', '', 'c i', 'ci:'),
        password,
        host,
        fc.constantFrom('/steward', '', '/', '/a%2Fb', `/${'x'.repeat(300)}`),
        fc.constantFrom('', '?sslmode=verify-full', '?sslmode=bogus', '?sslrootcert=/nonexistent/ca.pem&sslmode=verify-full', '?connect_timeout=-1', '?options=-c%20statement_timeout%3D1', '?application_name=%00'),
      )
      .map(([scheme, user, pass, where, database, query]) => `${scheme}${user}:${pass}@${where}${database}${query}`),
    door: fc.constantFrom('--store', 'STEWARD_STORE', 'store.json'),
    fallback: fc.constantFrom(undefined, 'fail', 'local', 'LOCAL', ' ', 'maybe'),
  });
  const cases = fc.sample(setting, { seed: seed + 7, numRuns: scaled(12, 200) });

  it(`${cases.length} settings: exit 0 or a one-line refusal (exit 2), no stack trace, and the password in no output nor file Steward wrote`, async () => {
    const run = async ({ url, door, fallback }: (typeof cases)[number]) => {
      const home = temporaryDirectory();
      const env: NodeJS.ProcessEnv = { ...(door === 'STEWARD_STORE' ? { STEWARD_STORE: url } : {}), ...(fallback === undefined ? {} : { STEWARD_STORE_FALLBACK: fallback }) };
      if (door === 'store.json') writeFileSync(join(home, 'store.json'), JSON.stringify({ store: url }));
      const result = await runIn(home, home, ['repos', '--json', ...(door === '--store' ? ['--store', url] : [])], env);
      const label = `${door} ${JSON.stringify(url)}, fallback ${JSON.stringify(fallback)}`;
      expectContractKept({ ...result, args: [label] });
      const written = filesUnder(home).filter((file) => !file.path.endsWith('store.json'));
      const leaks = [result.stdout, result.stderr, ...written.map((file) => file.bytes.toString('latin1'))].filter((text) => text.includes(secret));
      expect(leaks, label).toEqual([]);
      figures.storeSettings++;
    };
    // Two at a time (the machine has two cores): a refused connection is tried three times, over about 4 s.
    for (let index = 0; index < cases.length; index += 2) await Promise.all(cases.slice(index, index + 2).map(run));
  }, 1_800_000);
});
