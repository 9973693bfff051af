import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthScoreReport } from '../../core/api/health.js';
import type { InventoryPage } from '../../core/api/inventory.js';
import type { Portfolio } from '../../core/api/portfolio.js';
import { steward, stewardJson } from '../support/cli.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { scannedPortfolio } from '../support/portfolio-fixture.js';
import { commitAsAda } from '../support/shop-fixture.js';

describe('steward portfolio', () => {
  it('shows every repository with its score, week, trend, forecast, open items, effort and team; a stale scan and a moved folder for what they are; and the practice’s measures', () => {
    const home = temporaryDirectory();
    // A shop with ten weeks of history, backfilled, owned by a team in CODEOWNERS (the "*" line, not a folder's); tools, then committed to: its scan is no longer of HEAD; one that then moves.
    const { shop, tools, moved } = scannedPortfolio(home);
    writeFileSync(join(tools, 'src/more.ts'), 'export const more = 1;\n');
    git(tools, ['add', '--all']);
    commitAsAda(tools, 'more', '2024-05-02T09:00:00Z');
    const inventories = Object.fromEntries([shop, tools, moved].map((path) => [path, stewardJson<InventoryPage>(home, ['inventory', path, '--json']).totals]));
    renameSync(moved, `${moved}-elsewhere`);

    const portfolio = stewardJson<Portfolio>(home, ['portfolio', '--json']);
    const byPath = new Map(portfolio.repositories.map((repository) => [repository.path, repository]));
    expect([...byPath.keys()].sort()).toEqual([shop, tools, moved].sort());

    const shopRow = byPath.get(shop)!;
    const score = stewardJson<HealthScoreReport>(home, ['score', shop, '--json']);
    expect(shopRow.team).toEqual(['@acme/shop-team']);
    expect(shopRow.missing).toBe(false);
    expect(shopRow.latestScan?.atHead).toBe(true);
    expect(shopRow.health?.score).toBeCloseTo(score.score!, 9);
    expect(shopRow.health?.changeSinceWeek).toBeCloseTo(score.changeSinceWeek!, 9);
    // One point a week: the three backfilled weeks and the scan, oldest first.
    expect(shopRow.health!.trend.length).toBe(4);
    expect(shopRow.health!.trend.map((point) => point.at)).toEqual([...shopRow.health!.trend.map((point) => point.at)].sort());
    expect(shopRow.health!.forecast.kind).not.toBe('too-few-points');
    expect(shopRow.items!.total).toBe(inventories[shop]!.items);
    expect(Object.values(shopRow.items!.bySeverity).reduce((sum, count) => sum + count, 0)).toBe(shopRow.items!.total);
    expect(Object.values(shopRow.items!.byKind).reduce((sum, count) => sum + count, 0)).toBe(shopRow.items!.total);
    expect(shopRow.items!.effortHours).toBeCloseTo(inventories[shop]!.effortMinutes / 60, 1);

    const toolsRow = byPath.get(tools)!;
    expect(toolsRow.latestScan?.atHead).toBe(false);
    expect(toolsRow.team).toBeNull();
    expect(toolsRow.health?.changeSinceWeek).toBeNull();

    const movedRow = byPath.get(moved)!;
    expect(movedRow.missing).toBe(true);
    expect(movedRow.latestScan?.atHead).toBeNull();
    // Its history is kept: the score and items of its last scan are still there.
    expect(movedRow.health?.score).not.toBeNull();
    expect(movedRow.items?.total).toBe(inventories[moved]!.items);

    // Only the shop's assessment is current (the tools have new commits; the moved one cannot be read).
    expect(portfolio.practice.freshness).toEqual({
      part: inventories[shop]!.linesOfCode,
      whole: inventories[shop]!.linesOfCode + inventories[tools]!.linesOfCode + inventories[moved]!.linesOfCode,
      share: inventories[shop]!.linesOfCode / (inventories[shop]!.linesOfCode + inventories[tools]!.linesOfCode + inventories[moved]!.linesOfCode),
    });
    expect(portfolio.practice.draftApproval).toEqual({ part: 0, whole: 0, share: null });
    // Offline scans with no cached metadata measure no drift: said so, never 0.
    expect(portfolio.practice.meanDriftDays).toBeNull();

    const text = steward(home, ['portfolio']).stdout;
    expect(text).toContain(`moved (folder missing: ${moved})`);
    expect(text).toContain('(new commits since)');
    expect(text).toContain('Inventory freshness: ');
    expect(text).toContain('Draft approval: no draft approved or rejected yet.');
  }, 300_000);
});
