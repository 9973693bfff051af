import { describe, expect, it } from 'vitest';
import { readNpmConfig } from '../../analyzers/dependencies/npmrc.js';

describe('.npmrc registry settings', () => {
  it('defaults to the public registry', () => {
    const config = readNpmConfig({ env: {} });
    expect([config.defaultRegistry, config.source, config.registryFor('react')]).toEqual(['https://registry.npmjs.org/', 'npm default', { url: 'https://registry.npmjs.org/' }]);
  });

  it("takes the repository's .npmrc over the user's, the environment over both and --registry over everything", () => {
    const user = 'registry=https://user.example/npm';
    const repository = 'registry=https://repo.example/npm/';
    expect(readNpmConfig({ env: {}, user }).defaultRegistry).toBe('https://user.example/npm/');
    expect(readNpmConfig({ env: {}, user, repository }).source).toBe("repository's .npmrc");
    expect(readNpmConfig({ env: { npm_config_registry: 'https://env.example/' }, user, repository }).source).toBe('environment');
    expect(readNpmConfig({ env: { npm_config_registry: 'https://env.example/' }, repository, override: { url: 'http://127.0.0.1:4873', source: '--registry' } }).defaultRegistry).toBe('http://127.0.0.1:4873/');
  });

  it('sends scoped packages to their registry, with the credentials of the longest matching path', () => {
    const config = readNpmConfig({
      env: { GH_TOKEN: 'gh-secret' },
      user: [
        '@acme:registry=https://npm.pkg.github.com/acme',
        '//npm.pkg.github.com/:_authToken=host-wide',
        '//npm.pkg.github.com/acme/:_authToken=${GH_TOKEN}',
        '//registry.npmjs.org/:_auth=dXNlcjpwYXNz',
      ].join('\n'),
    });
    expect(config.registryFor('@acme/ui')).toEqual({ url: 'https://npm.pkg.github.com/acme/', authorization: 'Bearer gh-secret' });
    expect(config.registryFor('@other/ui')).toEqual({ url: 'https://registry.npmjs.org/', authorization: 'Basic dXNlcjpwYXNz' });
  });

  it('builds basic auth from username and a base64 password, and never keeps credentials in the URL', () => {
    const config = readNpmConfig({ env: {}, user: '//nexus.example/repository/npm/:username=ada\n//nexus.example/repository/npm/:_password=c2VjcmV0', override: { url: 'https://x:y@nexus.example/repository/npm', source: '--registry' } });
    expect(config.registryFor('lodash')).toEqual({ url: 'https://nexus.example/repository/npm/', authorization: `Basic ${btoa('ada:secret')}` });
  });

  it('leaves an unset variable as written, and an optional one empty', () => {
    const config = readNpmConfig({ env: {}, user: '//r.example/:_authToken=${MISSING}\n//s.example/:_authToken=${MISSING?}', override: { url: 'https://r.example/', source: '--registry' } });
    expect(config.registryFor('a').authorization).toBe('Bearer ${MISSING}');
    expect(readNpmConfig({ env: {}, user: '//s.example/:_authToken=${MISSING?}', override: { url: 'https://s.example/', source: '--registry' } }).registryFor('a').authorization).toBeUndefined();
  });

  it('falls back to the default registry, with a warning, for a registry that is not an http(s) URL', () => {
    const config = readNpmConfig({ env: {}, repository: 'registry=not a url\n@acme:registry=file:///srv/npm' });
    expect([config.defaultRegistry, config.source]).toEqual(['https://registry.npmjs.org/', 'npm default']);
    expect(config.registryFor('@acme/ui').url).toBe('https://registry.npmjs.org/');
    expect(config.warnings).toEqual([
      'The registry "not a url" (repository\'s .npmrc) is not an http(s) URL; https://registry.npmjs.org/ is used instead.',
      'The registry "file:///srv/npm" for @acme is not an http(s) URL; https://registry.npmjs.org/ is used for @acme packages instead.',
    ]);
  });

  it('never shows the credentials of a registry it cannot use in its warning', () => {
    const config = readNpmConfig({ env: { SECRET: 'from-env' }, user: 'registry=ftp://user:top-secret@host/\n@a:registry=git+ssh://u:scoped-secret@host/x\n@b:registry=user:pa/ss@word@host\n@c:registry=ssh://${SECRET}@host/\n' });
    for (const scope of ['@a', '@b', '@c']) config.registryFor(`${scope}/x`);
    expect(config.warnings).toHaveLength(4);
    expect(config.warnings[0]).toContain('"ftp://host/"');
    expect(config.warnings.join('\n')).not.toMatch(/top-secret|scoped-secret|pa\/ss|word|from-env|user:/);
  });

  it("never puts the environment into a scanned repository's .npmrc: it could send it to any host", () => {
    const config = readNpmConfig({ env: { SECRET: 'aws-key' }, repository: 'registry=https://evil.example/\n//evil.example/:_authToken=${SECRET}' });
    expect(config.registryFor('left-pad')).toEqual({ url: 'https://evil.example/', authorization: 'Bearer ${SECRET}' });
  });

  it('ignores a password that is not base64 instead of failing', () => {
    const config = readNpmConfig({ env: {}, user: '//r.example/:username=bob\n//r.example/:_password=not base64!', override: { url: 'https://r.example/', source: '--registry' } });
    expect(config.registryFor('a')).toEqual({ url: 'https://r.example/' });
  });
});
