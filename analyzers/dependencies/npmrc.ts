import { parse } from 'ini';

const defaultRegistry = 'https://registry.npmjs.org/';

/** Where a package's metadata comes from, and how to authenticate there. */
export interface RegistryTarget {
  /** The registry's URL, always ending in a slash, never with credentials in it. */
  url: string;
  /** The Authorization header value, when an .npmrc has credentials for this registry. Never print or store it. */
  authorization?: string;
}

export interface NpmConfig {
  /** The registry for packages without a scope of their own. */
  defaultRegistry: string;
  /** The same, with its credentials. */
  defaultTarget: RegistryTarget;
  /** Where the default registry came from. */
  source: 'npm default' | 'user .npmrc' | "repository's .npmrc" | 'environment' | RegistryOverride['source'];
  /** The registry for a package, by its scope. */
  registryFor(name: string): RegistryTarget;
  /** Settings that could not be used (a registry that is not an http(s) URL), one sentence each. */
  warnings: string[];
}

interface NpmConfigInput {
  /** The repository's .npmrc text, if it has one. */
  repository?: string | undefined;
  /** The user's .npmrc text, if there is one. */
  user?: string | undefined;
  /** For `${VAR}` in .npmrc values and `npm_config_registry`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Overrides the default registry (scoped registries stay as configured). */
  override?: RegistryOverride | undefined;
}

/** A registry named for Steward: `--registry` for one run, or the user's Steward settings. */
export interface RegistryOverride {
  url: string;
  source: '--registry' | 'Steward settings';
}

/**
 * npm's registry settings, as npm reads them: the repository's .npmrc over the user's, environment
 * variables expanded in the user's only (a scanned repository could otherwise send them anywhere), `@scope:registry` per scope, and credentials by "nerf-darted" registry URL
 * (`//host/path/:_authToken`, `:_auth`, `:username` + `:_password`), the longest match winning.
 */
export function readNpmConfig({ repository, user, env, override }: NpmConfigInput): NpmConfig {
  const settings = new Map<string, string>();
  const layers: [NpmConfig['source'], string | undefined][] = [
    ['user .npmrc', user],
    ["repository's .npmrc", repository],
  ];
  let source: NpmConfig['source'] = 'npm default';
  for (const [layer, text] of layers) {
    if (text === undefined) continue;
    for (const [key, value] of Object.entries(parse(text))) {
      if (typeof value !== 'string') continue;
      // A repository Steward scans may be anyone's: its .npmrc never gets the environment's secrets.
      settings.set(key, layer === 'user .npmrc' ? expand(value, env) : value);
      if (key === 'registry') source = layer;
    }
  }
  let registry = settings.get('registry') ?? defaultRegistry;
  const fromEnv = env['npm_config_registry'] ?? env['NPM_CONFIG_REGISTRY'];
  if (fromEnv) [registry, source] = [fromEnv, 'environment'];
  if (override) [registry, source] = [override.url, override.source];
  const warnings: string[] = [];
  const target = (url: string): RegistryTarget | undefined => {
    const normal = normalise(url);
    if (!normal) return undefined;
    const authorization = credentials(settings, normal);
    return authorization ? { url: normal, authorization } : { url: normal };
  };
  const scoped = new Map<string, RegistryTarget>();
  let base = target(registry);
  if (!base) {
    warnings.push(`The registry "${withoutCredentials(registry)}" (${source}) is not an http(s) URL; ${defaultRegistry} is used instead.`);
    [base, source] = [target(defaultRegistry)!, 'npm default'];
  }
  const fallback = base;
  return {
    defaultRegistry: base.url,
    defaultTarget: base,
    source,
    warnings,
    registryFor(name) {
      const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
      const url = scope ? settings.get(`${scope}:registry`) : undefined;
      if (!url) return fallback;
      let found = scoped.get(url);
      if (!found) {
        found = target(url);
        if (!found) warnings.push(`The registry "${withoutCredentials(url)}" for ${scope} is not an http(s) URL; ${fallback.url} is used for ${scope} packages instead.`);
        scoped.set(url, (found ??= fallback));
      }
      return found;
    },
  };
}

/** `${NAME}` and `${NAME?}` from the environment, as npm expands them. */
function expand(value: string, env: NpmConfigInput['env']): string {
  return value.replace(/(\\*)\$\{([^}?]+)(\?)?\}/g, (whole, escapes: string, name: string, optional?: string) => {
    if (escapes.length % 2 === 1) return whole.slice(1);
    const found = env[name];
    return escapes + (found ?? (optional ? '' : whole));
  });
}

/** A registry URL with a trailing slash and no user info; undefined when it is not an http(s) URL. */
function normalise(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/**
 * A registry setting as it may be shown (warnings are printed and kept): everything up to its last `@`
 * left out, so that no `user:password@` shows, whatever the scheme and however malformed the URL.
 */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/is, '$1');
}

/** The Authorization header for a registry, from the longest nerf-darted key prefix that has credentials. */
function credentials(settings: ReadonlyMap<string, string>, url: string): string | undefined {
  const parsed = new URL(url);
  let path = `//${parsed.host}${parsed.pathname}`;
  for (;;) {
    const token = settings.get(`${path}:_authToken`);
    if (token) return `Bearer ${token}`;
    const auth = settings.get(`${path}:_auth`);
    if (auth) return `Basic ${auth}`;
    const username = settings.get(`${path}:username`);
    const password = settings.get(`${path}:_password`);
    const decoded = password ? fromBase64(password) : undefined;
    if (username && decoded !== undefined) return `Basic ${toBase64(`${username}:${decoded}`)}`;
    if (path === `//${parsed.host}/`) return undefined;
    path = path.replace(/[^/]*\/$/, '');
  }
}

function toBase64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** undefined when it is not base64 (npm would send garbage; the registry then answers 401, which says more). */
function fromBase64(base64: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
