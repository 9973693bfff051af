import { writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DebtItem, InventoryPage } from '../../core/api/inventory.js';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { complexFunction, orderShopFiles, simpleFunction, util } from '../support/shop-fixture.js';

function commit(repository: string, message: string): void {
  git(repository, ['add', '--all']);
  git(repository, ['commit', '--quiet', '--message', message], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' });
}

function inventory(home: string, repository: string, ...args: string[]): InventoryPage {
  return stewardJson<InventoryPage>(home, ['inventory', repository, ...args]);
}

function scan(home: string, repository: string): SnapshotReport {
  return stewardJson<SnapshotReport>(home, ['scan', repository, '--offline']);
}

const byKind = (page: InventoryPage, kind: DebtItem['kind'], symbol: string): DebtItem | undefined => page.items.find((item) => item.kind === kind && item.symbol === symbol);

describe('the inventory keeps each item’s identity, and people’s decisions, from scan to scan', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: orderShopFiles('shop'),
    },
  ]);

  let complex: DebtItem;
  let unused: DebtItem;

  it('a first scan lists each finding as an item with a fingerprint, confidence, cost, owner and fix', () => {
    scan(home, repository);
    const page = inventory(home, repository);
    complex = byKind(page, 'complex-function', 'processOrder')!;
    unused = byKind(page, 'unused-export', 'legacyTotal')!;
    expect(complex).toMatchObject({ path: 'src/orders.ts', status: 'open', confidence: 'high', owner: { name: 'Ada', source: 'history' }, fix: { draft: null } });
    expect(complex.fingerprint).toMatch(/^[bcdfghjkmnpqrstv]{16}$/);
    expect(complex.cost.effortMinutes).toBe(5 + (Number(complex.evidence['cognitive']) - 15));
    expect(unused).toMatchObject({ path: 'src/util.ts', status: 'open', confidence: 'high', fix: { draft: 'deadcode' } });
    expect(page.totals.effortMinutes).toBeCloseTo(page.items.reduce((sum, item) => sum + item.cost.effortMinutes, 0), 5);
    expect(page.previousSnapshotId).toBeNull();
  });

  it('an unused export dismissed as false stays dismissed, out of the totals', () => {
    const before = inventory(home, repository).totals.effortMinutes;
    const result = steward(home, ['item', 'dismiss', unused.fingerprint, '--reason', 'Called by the billing plugin through require()', '--json']);
    expect(result.status).toBe(0);
    const dismissed = JSON.parse(result.stdout) as DebtItem;
    expect(dismissed).toMatchObject({ status: 'dismissed', decision: { reason: 'Called by the billing plugin through require()' } });
    expect(inventory(home, repository).totals.effortMinutes).toBeCloseTo(before - unused.cost.effortMinutes, 5);
  });

  it('the complex function moved down its file, and its file renamed: the same item, still open; the dismissal holds', () => {
    git(repository, ['mv', 'src/orders.ts', 'src/order-processing.ts']);
    writeFileSync(join(repository, 'src/order-processing.ts'), `export const currency = 'EUR';\n\nexport function vat(amount: number): number {\n  return amount * 0.2;\n}\n\n${complexFunction('processOrder')}`);
    writeFileSync(join(repository, 'src/index.ts'), 'import { processOrder, vat, currency } from "./order-processing";\nimport { format } from "./util";\nexport const run = () => format(vat(processOrder([]))) + currency;\n');
    commit(repository, 'move processOrder into order-processing.ts');
    scan(home, repository);
    const page = inventory(home, repository);
    const moved = page.items.find((item) => item.fingerprint === complex.fingerprint);
    expect(moved).toMatchObject({ path: 'src/order-processing.ts', status: 'open', isNew: false });
    expect(moved!.line).toBeGreaterThan(complex.line!);
    expect(page.items.filter((item) => item.kind === 'complex-function')).toHaveLength(1);
    expect(page.items.find((item) => item.fingerprint === unused.fingerprint)?.status).toBe('dismissed');
  });

  it('simplified, the function is resolved', () => {
    writeFileSync(join(repository, 'src/order-processing.ts'), `export const currency = 'EUR';\n\nexport function vat(amount: number): number {\n  return amount * 0.2;\n}\n\n${simpleFunction('processOrder')}`);
    commit(repository, 'simplify processOrder');
    scan(home, repository);
    const page = inventory(home, repository);
    expect(page.items.find((item) => item.fingerprint === complex.fingerprint)).toBeUndefined();
    expect(page.changes.resolved).toBe(1);
    const resolved = inventory(home, repository, '--status', 'resolved');
    expect(resolved.items.map((item) => [item.fingerprint, item.status])).toEqual([[complex.fingerprint, 'resolved']]);
  });

  it('the dismissed export reopens when its file changes materially', () => {
    writeFileSync(join(repository, 'src/util.ts'), `${util}\nexport const precision = 2;\n`);
    writeFileSync(join(repository, 'src/index.ts'), 'import { processOrder, vat, currency } from "./order-processing";\nimport { format, precision } from "./util";\nexport const run = () => format(vat(processOrder([]))) + currency + precision;\n');
    commit(repository, 'precision');
    scan(home, repository);
    const reopened = inventory(home, repository).items.find((item) => item.fingerprint === unused.fingerprint);
    expect(reopened?.status).toBe('open');
  });

  it('the CSV has one row per item under a header, quoted so that any spreadsheet reads it, and marked as UTF-8 for Excel', () => {
    const result = steward(home, ['inventory', repository, '--csv']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('\ufeff')).toBe(true);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^repository,fingerprint,kind,title,path,line,symbol,severity,confidence/);
    expect(lines).toHaveLength(inventory(home, repository).total + 1);
  });

  it('bad input: one line, exit 2, nothing written', () => {
    const before = inventory(home, repository);
    const cases: [string[], RegExp][] = [
      [['item', 'dismiss', 'bcdfghjkmnpqrstv', '--reason', 'no such item'], /No item with fingerprint bcdfghjkmnpqrstv/],
      [['item', 'dismiss', unused.fingerprint], /required option '--reason <text>' not specified/],
      [['item', 'dismiss', unused.fingerprint, '--reason', '  '], /a reason is required/],
      [['item', 'dismiss', 'not-a-fingerprint', '--reason', 'x'], /fingerprint is 16 letters/],
      [['inventory', repository, '--kind', 'spaghetti'], /expected some of/],
      [['inventory', join(temporaryDirectory(), 'nowhere')], /No such folder/],
    ];
    for (const [args, message] of cases) {
      const result = steward(home, args);
      expect([args.join(' '), result.status, result.stderr.trim().split('\n').length]).toEqual([args.join(' '), 2, 1]);
      expect(result.stderr).toMatch(message);
    }
    expect(inventory(home, repository)).toEqual(before);
  });

  it('a malformed cost section in steward.config.json: a warning, and the default costs', () => {
    writeFileSync(join(repository, 'steward.config.json'), JSON.stringify({ cost: { kinds: { 'complex-function': { base: 'lots' } } } }));
    commit(repository, 'cost settings');
    const report = scan(home, repository);
    expect(report.snapshot.warnings).toContainEqual(expect.stringMatching(/^steward\.config\.json cost is invalid \(kinds\.complex-function\.base: .*\); the default costs are used$/));
  });
});

describe('snapshots saved before the inventory existed', () => {
  it('get their items from their stored reports when Steward next opens the store: nothing stored is lost', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'older'), [
      {
        author: 'Ada',
        email: 'ada@example.com',
        date: '2024-01-01T00:00:00Z',
        files: { 'package.json': JSON.stringify({ name: 'older', main: 'src/index.ts' }), 'src/index.ts': `${complexFunction('run')}// TODO: split run\n`, 'src/unused.ts': 'export const nobody = 1;\n' },
      },
    ]);
    scan(home, repository);
    const before = inventory(home, repository);
    // As a store written before migration 8 would be: the reports, and no items.
    const db = new BetterSqlite3(join(home, 'steward.db'));
    db.exec('DELETE FROM item_events; DELETE FROM snapshot_items; DELETE FROM snapshot_inventory; DELETE FROM debt_items;');
    db.close();
    const after = inventory(home, repository);
    expect(after.total).toBe(before.total);
    expect(after.items.map((item) => [item.kind, item.path, item.symbol, item.fingerprint])).toEqual(before.items.map((item) => [item.kind, item.path, item.symbol, item.fingerprint]));
    expect(after.items.map((item) => item.kind)).toEqual(expect.arrayContaining(['complex-function', 'unused-file', 'debt-marker']));
  });
});

describe('totals per folder', () => {
  it('a folder has the effort and interest of its own open items, against its own lines of code; the other filters do not change them', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'two-folders'), [
      {
        author: 'Ada',
        email: 'ada@example.com',
        date: '2024-01-01T00:00:00Z',
        files: {
          'package.json': JSON.stringify({ name: 'two', main: 'api/index.ts' }),
          'api/index.ts': 'import { processOrder } from "./orders";\nexport const run = () => processOrder([]);\n',
          'api/orders.ts': complexFunction('processOrder'),
          'web/page.ts': '// TODO: split this page\nexport const page = 1;\n',
        },
      },
    ]);
    const report = scan(home, repository);
    const whole = inventory(home, repository);
    const api = inventory(home, repository, '--folder', 'api');
    const apiItems = whole.items.filter((item) => item.path?.startsWith('api/'));
    expect(apiItems.length).toBeGreaterThan(0);
    const sum = (items: DebtItem[], cost: 'effortMinutes' | 'interestMinutesPerMonth'): number => Math.round(items.reduce((total, item) => total + item.cost[cost], 0) * 100) / 100;
    expect(api.totals).toMatchObject({
      items: apiItems.length,
      effortMinutes: sum(apiItems, 'effortMinutes'),
      interestMinutesPerMonth: sum(apiItems, 'interestMinutesPerMonth'),
      linesOfCode: report.summary.folders['api']!.linesOfCode,
    });
    expect(api.totals.debtRatio).toBeCloseTo(sum(apiItems, 'effortMinutes') / (30 * report.summary.folders['api']!.linesOfCode), 4);
    expect(whole.totals).toMatchObject({ items: whole.items.length, linesOfCode: report.summary.linesOfCode });
    expect(inventory(home, repository, '--folder', 'api', '--kind', 'complex-function').totals).toEqual(api.totals);
    expect(steward(home, ['inventory', repository, '--folder', 'api']).stdout.split('\n')[0]).toBe(
      `two-folders/api: ${apiItems.length} open item${apiItems.length === 1 ? '' : 's'}, ${Math.round((api.totals.effortMinutes / 60) * 10) / 10} h to fix, ${Math.round((api.totals.interestMinutesPerMonth / 60) * 10) / 10} h a month of interest; debt ratio ${(api.totals.debtRatio! * 100).toFixed(1)} % (${api.totals.rating}) of ${api.totals.linesOfCode} lines of code.`,
    );
  });
});
