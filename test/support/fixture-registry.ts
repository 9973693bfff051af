import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import semver from 'semver';
import { create as createTar } from 'tar';

/** One published version of a fixture package. */
interface FixtureVersion {
  version: string;
  /** Publish time (ISO). */
  time: string;
  deprecated?: string;
  engines?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  /** The files of its tarball besides package.json (`index.js`, `CHANGELOG.md`); given, the registry serves a real .tgz npm can install. */
  files?: Record<string, string>;
  /** Who published it (`_npmUser`). */
  publisher?: string;
}

export interface FixturePackage {
  name: string;
  versions: FixtureVersion[];
  /** dist-tags; `latest` defaults to the highest version listed last. */
  distTags?: Record<string, string>;
  /** Leave out `time.created` and `time.modified`, as some mirrors do. */
  withoutCreatedModified?: boolean;
}

/**
 * How one package's requests go wrong: 'timeout' never answers; 'drip' answers and then sends a byte
 * every 200 ms, never finishing; 'endless' streams a document that never ends, as fast as it can.
 */
type FixtureFailure = 'not-found' | 'server-error' | 'invalid-json' | 'timeout' | 'fail-once' | 'drip' | 'endless';

/** One advisory the audit endpoint knows, in the bulk endpoint's shape. */
export interface FixtureAdvisory {
  id: number;
  name: string;
  title: string;
  severity: 'low' | 'moderate' | 'high' | 'critical';
  /** The affected range. */
  vulnerable_versions: string;
  url: string;
  /** As npm gives it; npm's "none" (score 0, no vector) when absent. */
  cvss?: { score: number; vectorString: string | null };
}

export interface FixtureRegistryOptions {
  packages: FixturePackage[];
  /** Delay before every answer. */
  latencyMs?: number;
  failures?: Record<string, FixtureFailure>;
  advisories?: FixtureAdvisory[];
  /** Answer the audit endpoint with this status instead (405, as the mirror on these machines does). */
  auditStatus?: number;
  /** Require `Authorization: Bearer <token>` on every request. */
  token?: string;
  /** Send ETag and Last-Modified and answer conditional requests with 304 (default true). */
  validators?: boolean;
  /** Accept every connection and answer nothing at all (a registry that hangs). */
  silent?: boolean;
  /** OSV records served by OSV's API on the same server (`/v1/querybatch`, `/v1/vulns/{id}`). */
  osv?: { id: string; affected: { package: { name: string; ecosystem: string } }[] }[];
}

export interface FixtureRegistry {
  url: string;
  /** Requests so far by path ('/-/npm/v1/security/advisories/bulk' for the audit). */
  requests: Map<string, number>;
  /** Answers that were 304 Not Modified. */
  notModified: number;
  /** Replaces a package (a new release), which changes its ETag. */
  publish(pkg: FixturePackage): void;
  /** Keeps every request waiting from now until `release()`: a registry slow for as long as a test needs. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A local npm registry on 127.0.0.1 for tests and benchmarks: packuments in the registry's full
 * format (versions with engines, peers, scripts and deprecations; `time`; dist-tags), validators and
 * 304s, the audit bulk endpoint, and the ways real registries fail (404, 500, invalid JSON, silence).
 */
export async function startFixtureRegistry(options: FixtureRegistryOptions): Promise<FixtureRegistry> {
  const documents = new Map<string, { body: string; etag: string; modified: string }>();
  const tarballs = new Map<string, Buffer>();
  const publish = (pkg: FixturePackage): void => {
    for (const version of pkg.versions) if (version.files) tarballs.set(tarballPath(pkg.name, version.version), packTarball(pkg.name, version));
    const body = JSON.stringify(packument(pkg, registry.url, tarballs));
    const times = pkg.versions.map((v) => v.time).sort();
    documents.set(pkg.name, { body, etag: `"${createHash('sha1').update(body).digest('hex')}"`, modified: new Date(times.at(-1) ?? 0).toUTCString() });
  };
  const requests = new Map<string, number>();
  const failedOnce = new Set<string>();
  let held: { gate: Promise<void>; open: () => void } | undefined;
  const hold = (): void => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    held ??= { gate, open };
  };
  const release = (): void => {
    held?.open();
    held = undefined;
  };
  const registry: FixtureRegistry = { url: '', requests, notModified: 0, publish, hold, release, close: async () => {} };
  const validators = options.validators ?? true;

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (options.silent) return;
    if (held) await held.gate;
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) return send(response, 401, { error: 'authentication required' });
    if (path === '/-/npm/v1/security/advisories/bulk' && request.method === 'POST') {
      if (options.auditStatus) return send(response, options.auditStatus, { error: 'not supported' });
      const asked = JSON.parse(await readBody(request)) as Record<string, string[]>;
      return send(response, 200, bulkAdvisories(asked, options.advisories ?? []));
    }
    if (path === '/v1/querybatch' && request.method === 'POST') {
      const { queries } = JSON.parse(await readBody(request)) as { queries: { package: { name: string } }[] };
      const vulns = (name: string) => (options.osv ?? []).filter((record) => record.affected.some((affected) => affected.package.name === name)).map(({ id }) => ({ id }));
      return send(response, 200, { results: queries.map((query) => ({ vulns: vulns(query.package.name) })) });
    }
    if (path.startsWith('/v1/vulns/')) {
      const record = options.osv?.find((candidate) => candidate.id === decodeURIComponent(path.slice('/v1/vulns/'.length)));
      return record ? send(response, 200, record) : send(response, 404, { message: 'Bug not found.' });
    }
    const tarball = tarballs.get(path);
    if (tarball) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
      return void response.end(tarball);
    }
    const name = decodeURIComponent(path.slice(1));
    const failure = options.failures?.[name];
    if (failure === 'timeout') return; // never answers
    if (failure === 'drip' || failure === 'endless') return stream(response, failure);
    if (failure === 'server-error' || (failure === 'fail-once' && !failedOnce.has(name))) {
      failedOnce.add(name);
      return send(response, 500, { error: 'internal server error' });
    }
    const document = documents.get(name);
    if (!document || failure === 'not-found') return send(response, 404, { error: 'Not found' });
    if (failure === 'invalid-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(document.body.slice(0, document.body.length / 2));
    }
    if (validators && (request.headers['if-none-match'] === document.etag || request.headers['if-modified-since'] === document.modified)) {
      registry.notModified++;
      response.writeHead(304, { etag: document.etag });
      return void response.end();
    }
    response.writeHead(200, { 'content-type': 'application/json', ...(validators ? { etag: document.etag, 'last-modified': document.modified } : {}) });
    response.end(document.body);
  };

  const server: Server = createServer((request, response) => void answer(request, response).catch((error: Error) => send(response, 500, { error: error.message })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (const pkg of options.packages) publish(pkg);
  registry.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return registry;
}

/** A 200 answer whose body never ends, until the client goes away. */
function stream(response: ServerResponse, how: 'drip' | 'endless'): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"name":"endless","versions":{"1.0.0":{"description":"');
  if (how === 'drip') {
    const timer = setInterval(() => response.write('a'), 200);
    response.on('close', () => clearInterval(timer));
    return;
  }
  const chunk = 'a'.repeat(64 * 1024);
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk));
  };
  response.on('drain', pump);
  pump();
}

/** Where a version's tarball is served, as the registry names it (`/@scope/name/-/name-1.0.0.tgz`). */
function tarballPath(name: string, version: string): string {
  return `/${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

/** A real npm tarball: `package/package.json` and the version's files, gzipped. */
function packTarball(name: string, version: FixtureVersion): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'steward-tarball-'));
  try {
    const manifest = { name, version: version.version, main: 'index.js', ...(version.dependencies ? { dependencies: version.dependencies } : {}), ...(version.peerDependencies ? { peerDependencies: version.peerDependencies } : {}), ...(version.scripts ? { scripts: version.scripts } : {}) };
    for (const [file, text] of Object.entries({ ...version.files, 'package.json': JSON.stringify(manifest, null, 2) })) {
      mkdirSync(dirname(join(folder, 'package', file)), { recursive: true });
      writeFileSync(join(folder, 'package', file), text);
    }
    createTar({ gzip: true, cwd: folder, sync: true, portable: true, file: join(folder, 'package.tgz') }, ['package']);
    return readFileSync(join(folder, 'package.tgz'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function packument(pkg: FixturePackage, url: string, tarballs: ReadonlyMap<string, Buffer>): unknown {
  const latest = pkg.versions.at(-1)?.version;
  const time: Record<string, string> = {};
  const versions: Record<string, unknown> = {};
  for (const { time: published, files: _files, publisher, ...manifest } of pkg.versions) {
    time[manifest.version] = published;
    const tarball = tarballs.get(tarballPath(pkg.name, manifest.version));
    const dist = tarball
      ? { tarball: new URL(tarballPath(pkg.name, manifest.version).slice(1), url).href, shasum: createHash('sha1').update(tarball).digest('hex'), integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}` }
      : { tarball: `https://example.invalid/${pkg.name}/-/${manifest.version}.tgz` };
    versions[manifest.version] = { name: pkg.name, ...manifest, ...(publisher ? { _npmUser: { name: publisher, email: `${publisher}@example.com` } } : {}), dist };
  }
  const times = Object.values(time).sort();
  const dates = pkg.withoutCreatedModified ? {} : { created: times[0], modified: times.at(-1) };
  return { _id: pkg.name, name: pkg.name, 'dist-tags': pkg.distTags ?? (latest ? { latest } : {}), versions, time: { ...dates, ...time } };
}

/** The bulk endpoint's answer: for each asked package, the advisories whose range one of the asked versions falls in. */
function bulkAdvisories(asked: Record<string, string[]>, advisories: FixtureAdvisory[]): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const name of Object.keys(asked)) {
    const matching = advisories.filter((advisory) => advisory.name === name && asked[name]!.some((version) => semver.satisfies(version, advisory.vulnerable_versions)));
    if (matching.length > 0) result[name] = matching.map(({ name: _name, ...advisory }) => ({ cwe: [], cvss: { score: 0, vectorString: null }, ...advisory }));
  }
  return result;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
