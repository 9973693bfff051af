import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftDetail } from '../../core/api/drafts.js';
import { runSteward } from '../support/cli.js';
import { buildDraftRepository, draftPackages } from '../support/draft-fixture.js';
import { type FixtureRegistry, startFixtureRegistry } from '../support/fixture-registry.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';

let registry: FixtureRegistry;
let repo: string;
let home: string;
let markers: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  markers = temporaryDirectory('steward-draft-markers-');
  registry = await startFixtureRegistry({ packages: draftPackages(markers) });
  env = { npm_config_registry: registry.url, npm_config_cache: temporaryDirectory('steward-npm-cache-') };
  repo = await buildDraftRepository(temporaryDirectory('steward-draft-repo-'), registry.url, markers, env);
  home = temporaryDirectory('steward-draft-home-');
});

afterAll(async () => {
  await registry.close();
  for (const folder of [repo, home, markers, env['npm_config_cache']!]) rmSync(folder, { recursive: true, force: true });
});

async function draft(args: string[]): Promise<{ status: number | null; detail: DraftDetail; stderr: string }> {
  const result = await runSteward(home, ['draft', ...args, '--json'], env);
  if (!result.stdout.trim()) throw new Error(`steward draft ${args.join(' ')} printed nothing (${result.status}): ${result.stderr}`);
  return { status: result.status, detail: JSON.parse(result.stdout) as DraftDetail, stderr: result.stderr };
}

describe('dependency drafts', () => {
  it('upgrades the patch and minor group and each major apart, splits the group a package breaks, and names what breaks with its log', async () => {
    const scan = await runSteward(home, ['scan', repo, '--quiet'], env);
    expect(scan.status, scan.stderr).toBe(0);
    const { status, detail } = await draft(['deps', repo, '--consent']);
    (await import('node:fs')).writeFileSync('/tmp/dr/detail.json', JSON.stringify(detail, null, 2));
    expect(status).toBe(0);
  });
});
