import semver from 'semver';
import { isObject } from '../discover/package-json.js';

/** One published version, reduced to what the dependency metrics read. */
export interface PublishedVersion {
  version: string;
  /** Publish time as the registry states it (ISO), if it states one. */
  time?: string;
  deprecated?: string;
  /** engines.node of this version. */
  node?: string;
  peerDependencies?: Record<string, string>;
  /** Runs preinstall, install or postinstall scripts when installed. */
  installScripts: boolean;
}

/**
 * A packument reduced to what Steward reads (a few kilobytes where the registry sends megabytes),
 * as it is cached and analysed.
 */
export interface PackageMetadata {
  name: string;
  distTags: Record<string, string>;
  /** `time.created` and `time.modified`; missing when the registry leaves them out. */
  created?: string;
  modified?: string;
  /** In the order the registry lists them. */
  versions: PublishedVersion[];
}

const installScriptNames = ['preinstall', 'install', 'postinstall'];

/** Reduces a packument (the registry's full JSON document for a package); throws with a plain reason when it is not one. */
export function toPackageMetadata(name: string, document: unknown): PackageMetadata {
  if (!isObject(document)) throw new Error('the registry answered with something other than a package document');
  if (!isObject(document['versions'])) throw new Error('the package document has no versions');
  const time = isObject(document['time']) ? document['time'] : {};
  const versions: PublishedVersion[] = [];
  for (const [version, manifest] of Object.entries(document['versions'])) {
    if (!isObject(manifest)) continue;
    const published: PublishedVersion = { version, installScripts: hasInstallScript(manifest) };
    const at = isoTime(time[version]);
    if (at) published.time = at;
    if (typeof manifest['deprecated'] === 'string' && manifest['deprecated'] !== '') published.deprecated = manifest['deprecated'];
    const engines = manifest['engines'];
    if (isObject(engines) && typeof engines['node'] === 'string') published.node = engines['node'];
    const peers = stringRecord(manifest['peerDependencies']);
    if (peers) published.peerDependencies = peers;
    versions.push(published);
  }
  const metadata: PackageMetadata = { name, distTags: stringRecord(document['dist-tags']) ?? {}, versions };
  const [created, modified] = [isoTime(time['created']), isoTime(time['modified'])];
  if (created) metadata.created = created;
  if (modified) metadata.modified = modified;
  return metadata;
}

/** A registry time in ISO form; undefined when it is missing or not a date. */
function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function hasInstallScript(manifest: Record<string, unknown>): boolean {
  // A package with a binding.gyp and no install script gets `node-gyp rebuild` as one.
  if (manifest['hasInstallScript'] === true || manifest['gypfile'] === true) return true;
  const scripts = manifest['scripts'];
  return isObject(scripts) && installScriptNames.some((script) => typeof scripts[script] === 'string');
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The metadata as the registry had it at an instant (for a past commit's analysis): the versions
 * published by then, `latest` the highest stable one of them (the tag then pointed at a version of
 * that time; which one exactly the registry does not keep), other tags kept only where their version
 * was out. Meaningful only with publish times the registry did not rewrite.
 */
export function metadataAsOf(metadata: PackageMetadata, asOf: Date): PackageMetadata {
  const until = asOf.getTime();
  const versions = metadata.versions.filter((published) => published.time !== undefined && Date.parse(published.time) <= until);
  const out = new Set(versions.map((published) => published.version));
  const stable = versions.filter((published) => semver.valid(published.version) && !semver.prerelease(published.version)).map((published) => published.version);
  const latest = stable.sort(semver.rcompare)[0];
  const distTags = Object.fromEntries(Object.entries(metadata.distTags).filter(([tag, version]) => tag !== 'latest' && out.has(version)));
  const result: PackageMetadata = { name: metadata.name, distTags: latest ? { ...distTags, latest } : distTags, versions };
  if (metadata.created && Date.parse(metadata.created) <= until) result.created = metadata.created;
  const lastPublished = versions.map((published) => published.time!).sort().at(-1);
  if (lastPublished) result.modified = lastPublished;
  return result;
}
