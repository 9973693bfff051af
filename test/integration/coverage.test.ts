import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../core/api/coverage.js';
import type { InventoryPage } from '../../core/api/inventory.js';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { complexFunction, simpleFunction } from '../support/shop-fixture.js';

/** lcov of src/orders.ts with only the lines listed as run, and of a file the commit no longer has. */
function lcov(root: string, run: (line: number) => boolean): string {
  const lines = complexFunction('total').split('\n').length - 1;
  const orders = Array.from({ length: lines }, (_, index) => `DA:${index + 1},${run(index + 1) ? 3 : 0}`).join('\n');
  return `TN:\nSF:${root}/src/orders.ts\n${orders}\nend_of_record\nSF:src/legacy/old-orders.ts\nDA:1,1\nend_of_record\nSF:${root}/src/prices.ts\nDA:1,5\nDA:2,5\nend_of_record\n`;
}

describe('coverage', () => {
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T09:00:00Z',
      files: {
        '.gitignore': 'coverage/\n',
        'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
        'src/index.ts': "export { total } from './orders.js';\nexport { price } from './prices.js';\n",
        'src/orders.ts': complexFunction('total'),
        'src/prices.ts': simpleFunction('price'),
      },
    },
  ]);
  const home = temporaryDirectory();
  const uncovered = () => stewardJson<InventoryPage>(home, ['inventory', repository, '--kind', 'uncovered-complex-function']).items;

  it('says when there is none', () => {
    const report = stewardJson<CoverageReport & { warnings: string[] }>(home, ['coverage', repository]);
    expect(report.status).toBe('none');
    expect(steward(home, ['coverage', repository]).stdout).toMatch(/No coverage found/);
  });

  it('reads lcov written after the commit: coverage per file, the complex function it leaves unrun as an item, files that no longer exist ignored with a warning', () => {
    mkdirSync(join(repository, 'coverage'), { recursive: true });
    writeFileSync(join(repository, 'coverage', 'lcov.info'), lcov(repository, (line) => line <= 3));
    const scan = stewardJson<SnapshotReport>(home, ['scan', repository, '--offline']);
    expect(scan.snapshot.warnings.join('\n')).toMatch(/Coverage of 1 file the commit does not have ignored \(deleted or renamed since the tests ran\): src\/legacy\/old-orders\.ts/);
    expect(scan.snapshot.environment?.coverage).toEqual([expect.objectContaining({ file: 'coverage/lcov.info', matchesCommit: 'yes' })]);
    const report = stewardJson<CoverageReport>(home, ['coverage', repository]);
    expect(report.files.map((file) => [file.path, file.percent])).toEqual([
      ['src/orders.ts', expect.any(Number)],
      ['src/prices.ts', 100],
    ]);
    expect(report.complexFunctions).toEqual([expect.objectContaining({ name: 'total', percent: expect.any(Number) })]);
    expect(report.complexFunctions[0]!.percent!).toBeLessThan(20);
    const items = uncovered();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: 'src/orders.ts', confidence: 'high' });
    const score = stewardJson<{ categories: { category: string; items: unknown[] }[] }>(home, ['score', repository]);
    expect(score.categories.find((part) => part.category === 'coverage')!.items).toHaveLength(1);
  });

  it('trusts coverage written before the commit was checked out less, and a corrupt file resolves nothing', () => {
    const file = join(repository, 'coverage', 'lcov.info');
    utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    stewardJson(home, ['scan', repository, '--offline']);
    expect(uncovered()[0]).toMatchObject({ confidence: 'low' });

    writeFileSync(file, 'SF:src/orders.ts\nDA:one,two\n');
    const scan = stewardJson<SnapshotReport>(home, ['scan', repository, '--offline']);
    expect(scan.snapshot.warnings.join('\n')).toMatch(/coverage\/lcov\.info cannot be read \(line 2 is not a line count/);
    // What could not be read says nothing: the item is neither found again nor resolved.
    expect(uncovered()).toHaveLength(1);
  });
});
