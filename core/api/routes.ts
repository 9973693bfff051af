import { type z } from 'zod';
import { reportRoutes } from './analyses.js';
import { appRoutes } from './app.js';
import { backfillRoutes } from './backfill.js';
import type { ApiError } from './errors.js';
import { dependencyRoutes } from './dependencies.js';
import { draftRoutes } from './drafts.js';
import { exportRoutes } from './exports.js';
import { healthRoutes } from './health.js';
import { identityRoutes } from './identities.js';
import { inventoryRoutes } from './inventory.js';
import { portfolioRoutes } from './portfolio.js';
import { repositoryRoutes } from './repositories.js';
import { weeklyReportRoutes } from './reports.js';
import { scanRoutes } from './scans.js';
import { settingsRoutes } from './settings.js';
import { snapshotComparisonRoutes } from './snapshot-comparison.js';
import { snapshotFileRoutes } from './snapshot-file.js';
import { snapshotRoutes } from './snapshots.js';
import { testRoutes } from './tests.js';

/** The whole API: every request and response any view (IPC, HTTP, CLI) can exchange with the core. */
export const routes = {
  ...appRoutes,
  ...repositoryRoutes,
  ...scanRoutes,
  ...snapshotRoutes,
  ...snapshotComparisonRoutes,
  ...snapshotFileRoutes,
  ...reportRoutes,
  ...dependencyRoutes,
  ...settingsRoutes,
  ...inventoryRoutes,
  ...healthRoutes,
  ...backfillRoutes,
  ...testRoutes,
  ...draftRoutes,
  ...portfolioRoutes,
  ...exportRoutes,
  ...identityRoutes,
  ...weeklyReportRoutes,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<R extends RouteName> = z.input<Routes[R]['input']>;
export type RouteOutput<R extends RouteName> = z.infer<Routes[R]['output']>;

export const routeNames = Object.keys(routes) as RouteName[];

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(routes, name);
}

/** The implementation of every route; each handler receives input already validated. */
export type Handlers = {
  [R in RouteName]: (input: z.infer<Routes[R]['input']>) => Promise<RouteOutput<R>>;
};

/** How a route's result crosses a process boundary: errors are values, never thrown across it. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiError };
