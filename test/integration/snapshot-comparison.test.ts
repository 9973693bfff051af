import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import { type Steward, openSteward } from '../../core/steward.js';
import { stewardJson } from '../support/cli.js';
import { createKnownRepository, createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';
import { complexFunction, orderShopFiles } from '../support/shop-fixture.js';

const scan = (home: string, repository: string): SnapshotReport => stewardJson<SnapshotReport>(home, ['scan', repository, '--offline']);

describe('two snapshots of a repository compared, and a file read at a snapshot’s commit', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: {
        ...orderShopFiles('shop'),
        'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      },
    },
  ]);
  let first: SnapshotReport;
  let second: SnapshotReport;
  let app: Steward;

  beforeAll(() => {
    first = scan(home, repository);
    // The unused export goes (an item resolved); a second complex function comes (an item new).
    writeFileSync(join(repository, 'src/util.ts'), 'export function format(value: number): string {\n  return value.toFixed(2);\n}\n');
    writeFileSync(join(repository, 'src/refunds.ts'), complexFunction('refundOrder'));
    writeFileSync(join(repository, 'src/index.ts'), 'import { processOrder } from "./orders";\nimport { refundOrder } from "./refunds";\nimport { format } from "./util";\nexport const run = () => format(processOrder([]) - refundOrder([]));\n');
    git(repository, ['add', '--all']);
    git(repository, ['commit', '--quiet', '--message', 'refunds; no legacy total'], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' });
    second = scan(home, repository);
    app = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
  });
  afterAll(() => app?.close());

  it('tells the item that appeared and the one resolved, by kind, the function new among the most complex, and both summaries', async () => {
    const comparison = await call(app.handlers, 'snapshots.compare', { from: first.snapshot.id, to: second.snapshot.id });
    expect(comparison.from.snapshot.id).toBe(first.snapshot.id);
    expect(comparison.to.files - comparison.from.files).toBe(1);
    expect(comparison.to.commits).toBe(2);
    if (comparison.items.state !== 'compared') throw new Error(comparison.items.reason);
    const byKind = Object.fromEntries(comparison.items.changes.byKind.map((entry) => [entry.kind, entry]));
    expect(byKind['complex-function']).toEqual({ kind: 'complex-function', new: 1, resolved: 0, stillOpen: 1 });
    expect(byKind['unused-export']).toMatchObject({ new: 0, resolved: 1, stillOpen: 0 });
    expect(comparison.items.changes.new).toContainEqual(expect.objectContaining({ kind: 'complex-function', path: 'src/refunds.ts' }));
    expect(comparison.items.changes.resolved).toContainEqual(expect.objectContaining({ kind: 'unused-export', path: 'src/util.ts', title: expect.stringContaining('legacyTotal') }));

    if (comparison.complexity.state !== 'compared') throw new Error(comparison.complexity.reason);
    expect(comparison.complexity.changes.appeared.map((entry) => entry.name)).toEqual(['refundOrder']);
    // The list holds the top few whatever their complexity: the deleted function left it.
    expect(comparison.complexity.changes.left.map((entry) => entry.name)).toContain('legacyTotal');
    expect(comparison.complexity.changes.left.map((entry) => entry.name)).not.toContain('processOrder');

    if (comparison.health.state !== 'compared' || !comparison.health.changes.comparable) throw new Error('the two scores should compare');
    const complexity = comparison.health.changes.parts.find((part) => part.category === 'complexity')!;
    expect(complexity.lostAfter!).toBeGreaterThan(complexity.lostBefore!);
    expect(comparison.hotspots.state).toBe('compared');
  });

  it('refuses two snapshots of different repositories, and one snapshot with itself, in words', async () => {
    const other = scan(home, createKnownRepository(join(temporaryDirectory(), 'other')));
    await expect(call(app.handlers, 'snapshots.compare', { from: first.snapshot.id, to: other.snapshot.id })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('two different repositories') });
    await expect(call(app.handlers, 'snapshots.compare', { from: first.snapshot.id, to: first.snapshot.id })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('two different snapshots') });
  });

  it('reads a file as the snapshot’s commit had it (not the work tree), refuses a binary file, and a path outside the repository', async () => {
    const old = await call(app.handlers, 'snapshots.file', { id: first.snapshot.id, path: 'src/util.ts' });
    expect(old.content.state === 'text' && old.content.lines[4]).toBe('export function legacyTotal(values: number[]): number {');
    const now = await call(app.handlers, 'snapshots.file', { id: second.snapshot.id, path: 'src/util.ts' });
    expect(now.content.state === 'text' && now.content.lines).toHaveLength(3);
    expect(await call(app.handlers, 'snapshots.file', { id: first.snapshot.id, path: 'logo.png' })).toMatchObject({ content: { state: 'refused', reason: 'logo.png is a binary file; the code view shows text only.' } });
    await expect(call(app.handlers, 'snapshots.file', { id: first.snapshot.id, path: 'src/refunds.ts' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call(app.handlers, 'snapshots.file', { id: first.snapshot.id, path: '../outside.txt' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
