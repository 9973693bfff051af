import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PackageMetadata } from '../../../analyzers/dependencies/package-metadata.js';

interface MetadataServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves package metadata Steward already has as a registry on 127.0.0.1 (packuments with the
 * versions, dist-tags, publish times, deprecations and engines), for a tool that wants to ask a
 * registry itself. Unknown packages are 404s.
 */
export async function serveMetadata(packages: ReadonlyMap<string, PackageMetadata>): Promise<MetadataServer> {
  const server = createServer((request, response) => {
    let metadata: PackageMetadata | undefined;
    try {
      metadata = packages.get(decodeURIComponent((request.url ?? '/').split('?')[0]!.slice(1)));
    } catch {
      // Not a name (malformed escapes): not found.
    }
    response.writeHead(metadata ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(metadata ? packument(metadata) : { error: 'Not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function packument(metadata: PackageMetadata): unknown {
  const time: Record<string, string> = {};
  if (metadata.created) time['created'] = metadata.created;
  if (metadata.modified) time['modified'] = metadata.modified;
  const versions: Record<string, unknown> = {};
  for (const published of metadata.versions) {
    if (published.time) time[published.version] = published.time;
    versions[published.version] = {
      name: metadata.name,
      version: published.version,
      ...(published.deprecated ? { deprecated: published.deprecated } : {}),
      ...(published.node ? { engines: { node: published.node } } : {}),
      ...(published.peerDependencies ? { peerDependencies: published.peerDependencies } : {}),
    };
  }
  return { _id: metadata.name, name: metadata.name, 'dist-tags': metadata.distTags, versions, time };
}
