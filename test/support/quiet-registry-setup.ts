import { startFixtureRegistry } from './fixture-registry.js';

/**
 * Global setup for every test run: dependency checks (a step of every scan) ask a local registry
 * that knows no package instead of the live one, never read the user's .npmrc, and never ask OSV.
 * Tests about dependencies start registries of their own and pass them explicitly.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const registry = await startFixtureRegistry({ packages: [] });
  process.env['npm_config_registry'] = registry.url;
  process.env['NPM_CONFIG_USERCONFIG'] = '/nonexistent/.npmrc';
  process.env['STEWARD_OSV_URL'] = 'off';
  return () => registry.close();
}
