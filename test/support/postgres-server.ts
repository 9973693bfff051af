import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server for the tests: Debian's `postgresql` package (`.ci/run` installs it),
 * initialised in a temporary folder and listening on 127.0.0.1 only. PostgreSQL refuses to run as
 * root, so under root it runs as the package's `postgres` user.
 */
export interface PostgresServer {
  /** A URL to a new, empty database on it, for one test's store (`superuser`: as the server's owner). */
  createDatabase(name: string): string;
  /** Runs SQL as the owner (to make roles, drop databases). */
  admin(sql: string, database?: string): string;
  readonly port: number;
  /** With `tls`: the file of the certificate authority that signed the server's certificate (for 127.0.0.1). */
  readonly certificateAuthority: string | null;
  stop(): Promise<void>;
}

const owner = 'steward_owner';
const password = 'owner-secret';

export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((name) => existsSync(join(base, name, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(base, versions[0]!, 'bin');
}

/** `tls`: the server also takes TLS connections, with a certificate for 127.0.0.1 from a certificate authority of its own. */
export async function startPostgres({ tls = false } = {}): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (bin === null) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does)');
  const folder = mkdtempSync(join(tmpdir(), 'steward-postgres-'));
  const asRoot = process.getuid?.() === 0;
  const postgresUser = asRoot ? Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()) : null;
  if (postgresUser !== null) chownSync(folder, postgresUser, postgresUser);
  const run = (command: string, args: string[]) => spawnSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { encoding: 'utf8' });
  const passwordFile = join(folder, 'password');
  writeFileSync(passwordFile, password);
  if (postgresUser !== null) chownSync(passwordFile, postgresUser, postgresUser);
  const initialised = run(join(bin, 'initdb'), ['-D', join(folder, 'data'), '-U', owner, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale']);
  if (initialised.status !== 0) throw new Error(`initdb failed: ${String(initialised.stderr)}`);
  const port = await freePort();
  const args = ['-D', join(folder, 'data'), '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'];
  const certificateAuthority = tls ? makeServerCertificate(folder, postgresUser) : null;
  if (certificateAuthority) args.push('-c', 'ssl=on', '-c', `ssl_cert_file=${join(folder, 'server.pem')}`, '-c', `ssl_key_file=${join(folder, 'server.key')}`);
  const server = asRoot ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], { stdio: 'pipe' }) : spawn(join(bin, 'postgres'), args, { stdio: 'pipe' });
  let log = '';
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (log.includes('database system is ready to accept connections')) resolve();
    };
    server.stderr!.on('data', check);
    server.once('exit', (code) => reject(new Error(`postgres exited ${code}: ${log}`)));
  });
  const psql = (sql: string, database = 'postgres'): string => {
    const result = spawnSync(join(bin, 'psql'), ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', owner, '-d', database, '-c', sql], {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: password },
    });
    if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
    return result.stdout.trim();
  };
  return {
    port,
    certificateAuthority,
    createDatabase(name) {
      psql(`CREATE DATABASE "${name}"`);
      return `postgres://${owner}:${password}@127.0.0.1:${port}/${name}`;
    },
    admin: psql,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // Fast shutdown: open connections are ended, not waited for.
      run(join(bin, 'pg_ctl'), ['stop', '-m', 'fast', '-D', join(folder, 'data')]);
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A certificate authority (in `folder`/ca.pem) and the server's key and certificate for 127.0.0.1, signed by it. */
function makeServerCertificate(folder: string, postgresUser: number | null): string {
  const openssl = (args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: folder, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed (apt-get install openssl): ${result.stderr || result.error?.message}`);
  };
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Steward test authority']);
  openssl(['req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(folder, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext']);
  // PostgreSQL takes a key only its own user may read.
  chmodSync(join(folder, 'server.key'), 0o600);
  if (postgresUser !== null) for (const file of ['server.key', 'server.pem']) chownSync(join(folder, file), postgresUser, postgresUser);
  return join(folder, 'ca.pem');
}

/** Another certificate authority, which signed nothing the server has: a client that trusts only it must refuse the server. */
export function strangerAuthority(folder: string): string {
  const result = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'stranger.key', '-out', 'stranger.pem', '-days', '2', '-subj', '/CN=Stranger'], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl req failed: ${result.stderr}`);
  return join(folder, 'stranger.pem');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
