/**
 * Security review as tests (issue 21, part 5). What the Electron checklist asks of the main process is
 * asserted in test/unit/electron-security.test.ts; this file proves the rest against the built CLI:
 * browser mode on a real server, command and option injection through everything a repository can
 * name, secrets from .npmrc, scripts and configs of a scanned repository, and closed pipes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../support/git-fixture.js';
import { recordFigures } from './scale.js';
import { type ServeProcess, rawRequest, startServeProcess } from './support/serve-process.js';

/** The counts RELIABILITY.md reports, written once every test has run. */
const figures = { injectionAttempts: 0, commandRuns: 0, serverChecks: 0, refusedAddresses: 0, secretProbes: 0, scriptTraps: 0, closedPipeRuns: 0 };
afterAll(() => recordFigures('security', figures));

/** Every file under a folder, with its bytes (the database, its WAL, logs, draft plans, worktrees). */
export function filesUnder(folder: string): { path: string; bytes: Buffer }[] {
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
      await rawRequest(server.port, { method: 'POST', path: '/api/no.such.route', headers: { Host: host(), Authorization: `Bearer ${server.token}` }, body: '{}' }),
      await rawRequest(server.port, { method: 'POST', path: '/api/repositories.list', headers: { Host: host(), Authorization: `Bearer ${server.token}` }, body: 'not json' }),
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
