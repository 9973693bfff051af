import { stewardJson } from './cli.js';
import { ownedShop, smallShop } from './shop-fixture.js';

/**
 * Three repositories scanned into `home`: the owned shop (three weeks backfilled, then scanned: a
 * trend of four weekly scores), and two small ones, `tools` and `moved`, scanned once.
 */
export function scannedPortfolio(home: string): { shop: string; tools: string; moved: string } {
  const { repository: shop } = ownedShop();
  stewardJson(home, ['backfill', shop, '--every', '1w', '--count', '3', '--offline', '--quiet']);
  stewardJson(home, ['scan', shop, '--offline', '--quiet']);
  const tools = smallShop('tools');
  stewardJson(home, ['scan', tools, '--offline', '--quiet']);
  const moved = smallShop('moved');
  stewardJson(home, ['scan', moved, '--offline', '--quiet']);
  return { shop, tools, moved };
}
