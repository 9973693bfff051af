import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthScoreReport } from '../../core/api/health.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';

/** Cognitive complexity well over 15: nested branches in loops. */
const complexFunction = `export function total(orders: { lines: { qty: number; price: number }[]; vip: boolean }[]): number {
  let sum = 0;
  for (const order of orders) {
    for (const line of order.lines) {
      if (line.qty > 0) {
        if (order.vip) {
          if (line.price > 100) {
            sum += line.qty * line.price * 0.8;
          } else if (line.price > 50) {
            sum += line.qty * line.price * 0.9;
          } else {
            sum += line.qty * line.price;
          }
        } else if (line.price > 100 && line.qty > 10) {
          sum += line.qty * line.price * 0.95;
        } else {
          sum += line.qty * line.price;
        }
      }
    }
  }
  return sum;
}
`;

type ScoreJson = HealthScoreReport & { repository: { name: string } };

const itemsOf = (report: HealthScoreReport) => report.categories.flatMap((category) => category.items);

describe('steward score', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T09:00:00Z',
      files: {
        'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
        'src/index.ts': "import { total } from './orders.js';\nimport { format } from './format.js';\nexport const answer = format(total([]));\n",
        'src/orders.ts': complexFunction,
        'src/format.ts': 'export function format(value: number): string {\n  return value.toFixed(2);\n}\n\nexport function legacyTotal(values: number[]): number {\n  return values.reduce((a, b) => a + b, 0);\n}\n',
      },
    },
  ]);

  it('refuses a repository scanned never, in one line (exit 2)', () => {
    const result = steward(home, ['score', repository]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('scores the open items against the lines of code, lists the items behind every lost point, and gives an item’s points back exactly when it is dismissed', () => {
    stewardJson(home, ['scan', repository, '--offline']);
    const before = stewardJson<ScoreJson>(home, ['score', repository, '--json']);
    expect(before.formula).toBe('health-1');
    expect(before.score).not.toBeNull();
    expect(before.score!).toBeLessThan(100);
    const lost = itemsOf(before).reduce((sum, item) => sum + item.points, 0);
    expect(lost).toBeCloseTo(100 - before.score!, 9);
    expect(before.categories.find((category) => category.category === 'complexity')!.items.map((item) => item.kind)).toEqual(['complex-function']);
    const unused = itemsOf(before).find((item) => item.kind === 'unused-export')!;
    expect(unused.title).toContain('legacyTotal');

    expect(steward(home, ['item', 'dismiss', unused.fingerprint, '--reason', 'kept for the billing plugin']).status).toBe(0);
    const after = stewardJson<ScoreJson>(home, ['score', repository, '--json']);
    expect(after.score! - before.score!).toBeCloseTo(unused.points, 9);
    expect(itemsOf(after).map((item) => item.fingerprint)).not.toContain(unused.fingerprint);

    const text = steward(home, ['score', repository, '--explain']).stdout;
    expect(text).toContain(`health ${after.score!.toFixed(1)} of 100`);
    expect(text).toContain('Complexity: ');
  });
});
