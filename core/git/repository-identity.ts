import { GitError, readGit } from './git-runner.js';

/**
 * Who a repository is wherever it is cloned, so that scans of one repository from different folders
 * and machines (a laptop, CI runners) land on one history: `remote:<host>/<path>` from its remote
 * (origin first), or `root:<sha>` from its first commit when it has no remote that names it. Null when
 * neither can tell: no remote, and a shallow clone, whose oldest commit is only where the clone stopped.
 */
export async function readRepositoryIdentity(root: string, signal?: AbortSignal): Promise<string | null> {
  const remote = pickRemote(await readRemoteUrls(root, signal));
  const normalized = remote === undefined ? null : normalizeRemoteUrl(remote);
  if (normalized) return `remote:${normalized}`;
  if ((await readGit(root, ['rev-parse', '--is-shallow-repository'], { signal })).trim() === 'true') return null;
  let roots: string[];
  try {
    roots = (await readGit(root, ['rev-list', '--max-parents=0', 'HEAD'], { signal })).split('\n').filter(Boolean);
  } catch (error) {
    // A history with missing commits has no root git can reach: the folder alone names it.
    if (error instanceof GitError) return null;
    throw error;
  }
  // A history can have several roots (merged-in projects); the smallest names it the same way everywhere.
  const first = roots.sort()[0];
  return first ? `root:${first}` : null;
}

/** Each remote's URL, by remote name. */
async function readRemoteUrls(root: string, signal?: AbortSignal): Promise<Map<string, string>> {
  let listed: string;
  try {
    listed = await readGit(root, ['config', '--get-regexp', String.raw`^remote\..*\.url$`], { signal });
  } catch (error) {
    // Exit 1: no remote at all.
    if (error instanceof GitError && error.exitCode === 1) return new Map();
    throw error;
  }
  const urls = new Map<string, string>();
  for (const line of listed.split('\n')) {
    const match = /^remote\.(.+)\.url (.+)$/.exec(line.trim());
    if (match && !urls.has(match[1]!)) urls.set(match[1]!, match[2]!);
  }
  return urls;
}

/** origin, else upstream, else the first by name (a stable choice on every machine). */
function pickRemote(urls: ReadonlyMap<string, string>): string | undefined {
  return urls.get('origin') ?? urls.get('upstream') ?? [...urls].sort(([a], [b]) => a.localeCompare(b))[0]?.[1];
}

/**
 * `host/path` of a remote URL, the same for every way of writing it: https or ssh, scp-like
 * `git@host:path`, with or without credentials, port, `.git` or a trailing slash, in any case (the
 * hosts that matter compare names without case). Credentials never survive. Null for a remote on this
 * machine (a path, `file://`), which names a different repository on another machine.
 */
export function normalizeRemoteUrl(url: string): string | null {
  const trimmed = url.trim();
  let host: string;
  let path: string;
  const scpLike = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return null;
    }
    if (parsed.protocol === 'file:' || parsed.hostname === '') return null;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scpLike && !/^[a-z]$/i.test(scpLike[1]!)) {
    // user@host:path; a single letter before the colon is a Windows drive (C:\repo), not a host.
    host = scpLike[1]!;
    path = scpLike[2]!;
  } else {
    return null;
  }
  const cleanPath = path.replace(/\/+$/, '').replace(/\.git$/i, '').replace(/^\/+/, '');
  if (cleanPath === '') return null;
  return `${host}/${cleanPath}`.toLowerCase();
}
