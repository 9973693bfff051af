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
