import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyses } from '../../core/analyses/registry.js';
import type { Repository } from '../../core/api/repositories.js';
import type { SnapshotReport, SnapshotSummary } from '../../core/api/snapshots.js';
import { steward, stewardJson } from '../support/cli.js';
import { createKnownRepository, git, temporaryDirectory } from '../support/git-fixture.js';

describe('steward scan, history and repos', () => {
  let home: string;
  let repository: string;
  let report: SnapshotReport;

  beforeAll(() => {
    home = temporaryDirectory();
    repository = createKnownRepository(join(temporaryDirectory(), 'known'));
    report = stewardJson<SnapshotReport>(home, ['scan', repository]);
  });

  it('prints the snapshot with the counts git and a line counter give', () => {
    const head = git(repository, ['rev-parse', 'HEAD']).trim();
    expect(report.snapshot).toMatchObject({ id: 1, commit: head, branch: 'main', status: 'complete', warnings: [] });
    // Every registered analysis ran, and the snapshot records the version of each.
    expect(report.snapshot.analyzerVersions).toEqual(Object.fromEntries(Object.values(analyses).map((analysis) => [analysis.descriptor.id, analysis.version])));
    expect(report.summary).toMatchObject({
      files: 5,
      linesOfCode: 9,
      commentLines: 4,
      blankLines: 3,
      commits: 3,
      contributors: 2,
      firstCommitAt: '2023-03-01T09:00:00+01:00',
      lastCommitAt: '2024-02-29T18:45:00+00:00',
    });
    expect(report.summary.languages).toEqual({
      TypeScript: { files: 2, linesOfCode: 5, commentLines: 3, blankLines: 1 },
      JavaScript: { files: 1, linesOfCode: 2, commentLines: 1, blankLines: 1 },
      Markdown: { files: 1, linesOfCode: 2, commentLines: 0, blankLines: 1 },
    });
    expect(report.summary.folders).toEqual({
      src: { files: 2, linesOfCode: 5, commentLines: 3, blankLines: 1 },
      '(root)': { files: 1, linesOfCode: 2, commentLines: 0, blankLines: 1 },
      scripts: { files: 1, linesOfCode: 2, commentLines: 1, blankLines: 1 },
      assets: { files: 1, linesOfCode: 0, commentLines: 0, blankLines: 0 },
    });
    expect(report.summary.topContributors).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com', commits: 2 },
      { name: 'Grace Hopper', email: 'grace@example.com', commits: 1 },
    ]);
  });

  it('lists the snapshot in history and the repository in repos', () => {
    const history = stewardJson<{ repository: Repository; snapshots: SnapshotSummary[] }>(home, ['history', join(repository, 'src')]);
    expect(history.repository.path).toBe(repository);
    expect(history.snapshots.map((summary) => summary.snapshot.id)).toEqual([1]);
    expect(history.snapshots[0]).toMatchObject({ files: 5, linesOfCode: 9, commits: 3, contributors: 2 });

    const repositories = stewardJson<Repository[]>(home, ['repos']);
    expect(repositories).toHaveLength(1);
    expect(repositories[0]).toMatchObject({ name: 'known', path: repository, latestSnapshot: { linesOfCode: 9 } });
  });

  it('takes a folder relative to where it is run, as a shell user types it', () => {
    const history = steward(home, ['history', 'src', '--json'], repository);
    expect(history.status, history.stderr).toBe(0);
    expect((JSON.parse(history.stdout) as { repository: Repository }).repository.path).toBe(repository);
    const inventory = steward(home, ['inventory', '.', '--json'], join(repository, 'scripts'));
    expect(inventory.status, inventory.stderr).toBe(0);
  });

  it('scans the commit, not uncommitted edits, and says so', () => {
    writeFileSync(join(repository, 'src', 'helper.ts'), 'export const helper = 1;\n'.repeat(50));
    const second = stewardJson<SnapshotReport>(home, ['scan', repository]);
    git(repository, ['checkout', '--', 'src/helper.ts']);
    expect(second.summary.linesOfCode).toBe(9);
    expect(second.snapshot.warnings.join('\n')).toMatch(/uncommitted changes/);
    const history = stewardJson<{ snapshots: SnapshotSummary[] }>(home, ['history', repository]);
    expect(history.snapshots.map((summary) => summary.snapshot.id)).toEqual([2, 1]);
  });

  it('prints a readable summary without --json', () => {
    const result = steward(home, ['scan', repository]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('5 files, 9 lines of code, 3 commits by 2 contributors from 2023-03-01 to 2024-02-29');
    expect(result.stdout).toMatch(/TypeScript\s*│\s*2\s*│\s*5/);
  });
});
