import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepository, git, temporaryDirectory } from './git-fixture.js';

/** The code of a small shop repository that the inventory and health tests scan: a complex function, a simple one, and a utility file with an unused export. */

/** A function whose cognitive complexity is well over 15: nested branches in loops. */
export const complexFunction = (name: string): string => `export function ${name}(orders: { lines: { qty: number; price: number }[]; vip: boolean }[]): number {
  let total = 0;
  for (const order of orders) {
    for (const line of order.lines) {
      if (line.qty > 0) {
        if (order.vip) {
          if (line.price > 100) {
            total += line.qty * line.price * 0.8;
          } else if (line.price > 50) {
            total += line.qty * line.price * 0.9;
          } else {
            total += line.qty * line.price;
          }
        } else if (line.price > 100 && line.qty > 10) {
          total += line.qty * line.price * 0.95;
        } else {
          total += line.qty * line.price;
        }
      }
    }
  }
  return total;
}
`;
export const simpleFunction = (name: string): string => `export function ${name}(orders: { lines: { qty: number; price: number }[] }[]): number {
  return orders.flatMap((order) => order.lines).reduce((sum, line) => sum + line.qty * line.price, 0);
}
`;
export const util = 'export function format(value: number): string {\n  return value.toFixed(2);\n}\n\nexport function legacyTotal(values: number[]): number {\n  return values.reduce((a, b) => a + b, 0);\n}\n';

const week = 7 * 86_400_000;
const monday = Date.parse('2024-03-04T09:00:00Z');
/** Monday 9:00 of week `index` of the growing shop's history (ISO, whole seconds). */
export const at = (index: number) => new Date(monday + index * week).toISOString().replace('.000Z', 'Z');

/** Ten weeks of a shop whose orders module grows one complex function a week; nobody commits in week 6. */
export function growingShop(): { repository: string; weeks: number[] } {
  const weeks = [0, 1, 2, 3, 4, 5, 7, 8, 9];
  const commits = weeks.map((index, order) => ({
    author: 'Ada',
    email: 'ada@example.com',
    date: at(index),
    message: `week ${index}`,
    files: {
      'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
      'src/index.ts': `${weeks.slice(0, order + 1).map((_, n) => `export { total${n} } from './orders-${n}.js';`).join('\n')}\nexport * from './catalog.js';\n`,
      [`src/orders-${order}.ts`]: complexFunction(`total${order}`),
      'src/catalog.ts': Array.from({ length: 60 }, (_, n) => `export function price${n}(quantity: number): number {\n  return quantity * ${n + 1};\n}\n`).join('\n'),
    },
  }));
  return { repository: createRepository(join(temporaryDirectory(), 'shop'), commits), weeks };
}


/** An order-processing shop: an entry using a complex function and one of a utility's two exports (`legacyTotal` unused). */
export function orderShopFiles(name: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name, main: 'src/index.ts' }),
    'src/index.ts': 'import { processOrder } from "./orders";\nimport { format } from "./util";\nexport const run = () => format(processOrder([]));\n',
    'src/orders.ts': complexFunction('processOrder'),
    'src/util.ts': util,
  };
}

/** The growing shop, then 300 more modules committed in week 10: enough for a scan of HEAD to parse and save that kills fall inside it. */
export function bulkyShop(): string {
  const { repository } = growingShop();
  const body = Array.from({ length: 40 }, (_, line) => `export const value${line} = ${line};`).join('\n');
  mkdirSync(join(repository, 'src/bulk'), { recursive: true });
  for (let index = 0; index < 300; index++) writeFileSync(join(repository, `src/bulk/module-${index}.ts`), `${body}\nexport function run${index}(n: number): number {\n  return n > ${index} ? n : ${index};\n}\n`);
  git(repository, ['add', '--all']);
  commitAsAda(repository, 'bulk', at(10));
  return repository;
}

/** The growing shop, then a CODEOWNERS giving it to a team (its "*" line) and a folder to another, committed in week 10. */
export function ownedShop(): { repository: string; weeks: number[] } {
  const shop = growingShop();
  writeFileSync(join(shop.repository, 'CODEOWNERS'), '*       @acme/shop-team\nsrc/    @acme/orders\n');
  git(shop.repository, ['add', 'CODEOWNERS']);
  commitAsAda(shop.repository, 'owners', at(10));
  return shop;
}

/** One commit of a small package: a complex function and a utility with an unused export. */
export function smallShop(name: string): string {
  const files = { 'package.json': JSON.stringify({ name, private: true, type: 'module', main: 'src/index.ts' }), 'src/index.ts': complexFunction('total'), 'src/util.ts': util };
  return createRepository(join(temporaryDirectory(), name), [{ author: 'Ada', email: 'ada@example.com', date: '2024-05-01T09:00:00Z', files }]);
}

/** Commits what is staged, by Ada, on the given date. */
export function commitAsAda(repository: string, message: string, date: string): void {
  git(repository, ['commit', '--quiet', '--message', message], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

/**
 * A small shop committed in week 0, and `worsen()`: a commit eight days later adding three complex
 * functions, which lowers its health score by more than a point over the week.
 */
export function shopThatWorsens(): { repository: string; worsen(): void } {
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: at(0),
      files: {
        'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
        'src/index.ts': "export * from './catalog.js';\n",
        'src/catalog.ts': Array.from({ length: 40 }, (_, n) => `export function price${n}(quantity: number): number {\n  return quantity * ${n + 1};\n}\n`).join('\n'),
      },
    },
  ]);
  const worsen = (): void => {
    const orders = [0, 1, 2];
    for (const index of orders) writeFileSync(join(repository, `src/orders-${index}.ts`), complexFunction(`total${index}`));
    writeFileSync(join(repository, 'src/index.ts'), ["export * from './catalog.js';", ...orders.map((index) => `export * from './orders-${index}.js';`), ''].join('\n'));
    const date = new Date(Date.parse(at(0)) + 8 * 86_400_000).toISOString();
    git(repository, ['add', '--all']);
    commitAsAda(repository, 'orders', date);
  };
  return { repository, worsen };
}
