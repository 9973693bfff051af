import semver from 'semver';
import { Parser, type ReadEntry } from 'tar';
import { changelogBetween, changelogNames } from '../../analyzers/drafts/changelog.js';
import type { RegistryTarget } from '../../analyzers/dependencies/npmrc.js';
import { isObject } from '../../analyzers/discover/package-json.js';
import type { ReleaseNotes } from '../api/drafts.js';
import { requestBytes, requestJson } from '../analyses/dependencies/request-json.js';

/** What a draft's risk and plan read of an upgrade from the registry. */
interface ReleaseFacts {
  notes: ReleaseNotes;
  /** Who published the target, when nobody who published the version in use did (a new maintainer). */
  newPublisher: string | null;
}

interface VersionDocuments {
  tarball: string | null;
  publisherOfTarget: string | null;
  /** Everyone who published a version up to the one in use. */
  earlierPublishers: Set<string>;
}

/** A package tarball is read only up to this size. */
const maxTarballBytes = 64 * 1024 * 1024;

/**
 * The release notes between two versions of a package, from the CHANGELOG (or HISTORY, CHANGES…)
 * packed in the target version's tarball on its registry, with breaking changes pulled out; and
 * whether the target was published by someone new. A failure is said in `note`, never thrown.
 */
export async function readReleaseFacts(name: string, from: string, to: string, registry: RegistryTarget, signal: AbortSignal): Promise<ReleaseFacts> {
  const empty = (note: string): ReleaseFacts => ({ notes: { name, from, to, source: null, versions: [], note }, newPublisher: null });
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'steward', ...(registry.authorization ? { authorization: registry.authorization } : {}) };
  const documents = await requestJson(`${registry.url}${name.replace('/', '%2f')}`, { headers, reduce: (document) => versionDocuments(document, from, to) }, { signal });
  if (documents.kind !== 'document') return empty(`The package document could not be read: ${documents.kind === 'failed' ? documents.reason : 'not modified'}`);
  const { tarball, publisherOfTarget, earlierPublishers } = documents.document;
  const newPublisher = publisherOfTarget && earlierPublishers.size > 0 && !earlierPublishers.has(publisherOfTarget) ? publisherOfTarget : null;
  if (!tarball) return { ...empty(`The registry lists no tarball for ${name}@${to}`), newPublisher };
  // Credentials go only to the registry they are for.
  const sameOrigin = new URL(tarball, registry.url).origin === new URL(registry.url).origin;
  const bytes = await requestBytes(new URL(tarball, registry.url).href, { headers: sameOrigin && registry.authorization ? { authorization: registry.authorization } : {}, server: 'the tarball server' }, { signal, maxBytes: maxTarballBytes });
  if (bytes.kind !== 'document') return { ...empty(`The tarball of ${name}@${to} could not be read: ${bytes.kind === 'failed' ? bytes.reason : 'not modified'}`), newPublisher };
  const changelog = await changelogOf(bytes.document).catch(() => null);
  if (!changelog) return { ...empty(`${name}@${to} ships no changelog (${changelogNames.slice(0, 3).join(', ')}…); read its release notes where it publishes them`), newPublisher };
  const versions = changelogBetween(changelog.text, from, to);
  return {
    notes: { name, from, to, source: `${changelog.file} in ${name}@${to}`, versions, note: versions.length === 0 ? `${changelog.file} has no section for the versions after ${from} up to ${to}` : null },
    newPublisher,
  };
}

function versionDocuments(document: unknown, from: string, to: string): VersionDocuments {
  if (!isObject(document) || !isObject(document['versions'])) throw new Error('the registry answered with something other than a package document');
  const versions = document['versions'];
  const target = versions[to];
  const dist = isObject(target) && isObject(target['dist']) ? target['dist'] : {};
  const publisher = (manifest: unknown): string | null => (isObject(manifest) && isObject(manifest['_npmUser']) && typeof manifest['_npmUser']['name'] === 'string' ? manifest['_npmUser']['name'] : null);
  const earlier = new Set<string>();
  for (const [version, manifest] of Object.entries(versions)) {
    const who = publisher(manifest);
    if (who && semver.valid(version) && semver.valid(from) && semver.lte(version, from)) earlier.add(who);
  }
  return { tarball: typeof dist['tarball'] === 'string' ? dist['tarball'] : null, publisherOfTarget: publisher(target), earlierPublishers: earlier };
}

/** The first changelog file at the package's top level in a .tgz, by the names changelogs go by. */
function changelogOf(tgz: Buffer): Promise<{ file: string; text: string } | null> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, string>();
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        // Tarballs hold `package/…` (or another single top folder).
        const file = entry.path.split('/').slice(1).join('/');
        if (!changelogNames.includes(file) || entry.size > 4 * 1024 * 1024) return void entry.resume();
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => found.set(file, Buffer.concat(chunks).toString('utf8')));
      },
    });
    parser.on('error', reject);
    parser.on('end', () => {
      const file = changelogNames.find((name) => found.has(name));
      resolve(file ? { file, text: found.get(file)! } : null);
    });
    parser.end(tgz);
  });
}
