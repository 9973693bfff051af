import type { DependencyReport, DependencyReportItem, DependencyTrendPoint, VulnerabilityReport } from '../../api/dependencies.js';
import type { Database } from '../../store/database.js';

/** Saves a snapshot's dependency check: one row for the check, one per dependency and per vulnerability. */
export function insertDependencyReport(db: Database, snapshotId: number, report: DependencyReport): void {
  db.prepare(
    `INSERT INTO snapshot_dependencies (snapshot_id, checked_at, registries, metadata, advisories, summary, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    snapshotId,
    report.checkedAt,
    JSON.stringify({ lockfile: report.lockfile, registries: report.registries, targets: report.targets }),
    JSON.stringify(report.metadata),
    JSON.stringify(report.advisories),
    JSON.stringify(report.summary),
    JSON.stringify(report.warnings),
  );
  const item = db.prepare(`INSERT INTO snapshot_dependency_items (snapshot_id, workspace, name, field, item, risk, drift_days) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const dependency of report.dependencies) item.run(snapshotId, dependency.workspace, dependency.name, dependency.field, JSON.stringify(dependency), dependency.risk, dependency.driftDays);
  const vulnerability = db.prepare(`INSERT INTO snapshot_vulnerabilities (snapshot_id, package, installed, advisory, severity, detail) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const found of report.vulnerabilities) vulnerability.run(snapshotId, found.package, found.installed, found.id, found.severity, JSON.stringify(found));
}

interface DependencyRow {
  commit_sha: string;
  checked_at: string;
  registries: string;
  metadata: string;
  advisories: string;
  summary: string;
  warnings: string;
}

/** The dependency check saved with a snapshot, or undefined when the snapshot has none. */
export function getDependencyReport(db: Database, snapshotId: number): DependencyReport | undefined {
  const row = db
    .prepare<[number], DependencyRow>(
      `SELECT s.commit_sha, d.checked_at, d.registries, d.metadata, d.advisories, d.summary, d.warnings
       FROM snapshot_dependencies d JOIN snapshots s ON s.id = d.snapshot_id WHERE d.snapshot_id = ?`,
    )
    .get(snapshotId);
  if (!row) return undefined;
  const { lockfile, registries, targets } = JSON.parse(row.registries) as Pick<DependencyReport, 'lockfile' | 'registries' | 'targets'>;
  const dependencies = db
    .prepare<[number], { item: string }>(`SELECT item FROM snapshot_dependency_items WHERE snapshot_id = ? ORDER BY risk DESC, name, workspace, field`)
    .all(snapshotId)
    .map((entry) => JSON.parse(entry.item) as DependencyReportItem);
  const vulnerabilities = db
    .prepare<[number], { detail: string }>(`SELECT detail FROM snapshot_vulnerabilities WHERE snapshot_id = ?
       ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END, package, advisory, installed`)
    .all(snapshotId)
    .map((entry) => JSON.parse(entry.detail) as VulnerabilityReport);
  return {
    commit: row.commit_sha,
    checkedAt: row.checked_at,
    lockfile,
    registries,
    metadata: JSON.parse(row.metadata) as DependencyReport['metadata'],
    advisories: JSON.parse(row.advisories) as DependencyReport['advisories'],
    targets,
    summary: JSON.parse(row.summary) as DependencyReport['summary'],
    dependencies,
    vulnerabilities,
    warnings: JSON.parse(row.warnings) as string[],
  };
}

/** The dependency summary of each of a repository's snapshots, oldest first. */
export function getDependencyTrend(db: Database, repositoryId: number): DependencyTrendPoint[] {
  return db
    .prepare<[number], { snapshotId: number; commit: string; checkedAt: string; summary: string }>(
      `SELECT s.id AS "snapshotId", s.commit_sha AS "commit", d.checked_at AS "checkedAt", d.summary
       FROM snapshot_dependencies d JOIN snapshots s ON s.id = d.snapshot_id WHERE s.repository_id = ? ORDER BY coalesce(s.commit_date, s.finished_at), s.id`,
    )
    .all(repositoryId)
    .map(({ summary, ...point }) => {
      const { dependencies, outdated, libyears, deprecated, vulnerabilities } = JSON.parse(summary) as DependencyReport['summary'];
      return { ...point, dependencies, outdated, libyears, deprecated, vulnerabilities };
    });
}
