import { stewardJson } from './cli.js';
import { ownedShop, smallShop } from './shop-fixture.js';

/** The owned shop (ten weeks of history, a team in CODEOWNERS), and two small ones, `tools` and `moved`. */
interface PortfolioRepositories {
  shop: string;
  tools: string;
  moved: string;
}

export function portfolioRepositories(): PortfolioRepositories {
  return { shop: ownedShop().repository, tools: smallShop('tools'), moved: smallShop('moved') };
}

/**
 * The three repositories scanned into `home` (or the team `store` it names): the shop three weeks
 * backfilled, then scanned (a trend of four weekly scores), the small ones scanned once.
 */
export function scannedPortfolio(home: string, { repositories = portfolioRepositories(), store }: { repositories?: PortfolioRepositories; store?: string } = {}): PortfolioRepositories {
  const steward = (args: string[]) => stewardJson(home, [...(store === undefined ? [] : ['--store', store]), ...args, '--offline', '--quiet']);
  const { shop, tools, moved } = repositories;
  steward(['backfill', shop, '--every', '1w', '--count', '3']);
  for (const path of [shop, tools, moved]) steward(['scan', path]);
  return repositories;
}
