import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import { openSteward } from '../../core/steward.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { buildPeopleRepository as buildRepository, dependabot, grace } from '../support/people-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

describe('people counted once, bots apart', () => {
  const home = temporaryDirectory();
  const steward = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
  const path = buildRepository(join(temporaryDirectory(), 'people'));
  let repositoryId: number;
  afterAll(() => steward.close());

  /** Scans HEAD and returns what a user reads after it: the history report, the snapshot's totals and the inventory. */
  const scan = async () => {
    const job = await call(steward.handlers, 'scans.start', { repositoryId, analyses: ['code', 'history'] });
    const settled = await steward.scans.settled(job.id);
    expect(settled.state).toBe('succeeded');
    const [summary] = await call(steward.handlers, 'snapshots.list', { repositoryId });
    const snapshot = await call(steward.handlers, 'snapshots.get', { id: summary!.snapshot.id });
    const history = await call(steward.handlers, 'snapshots.history', { id: summary!.snapshot.id });
    const inventory = await call(steward.handlers, 'inventory.list', { repositoryId, limit: 500 });
    const file = (filePath: string) => history.files.find((entry) => entry.path === filePath)!;
    return {
      summary: summary!,
      snapshot,
      history,
      file,
      people: history.authors.map((author) => `${author.name} ${author.commits}`),
      bots: history.bots.map((bot) => `${bot.name} ${bot.commits}`),
      islands: inventory.items.filter((item) => item.kind === 'knowledge-island').map((item) => item.title),
    };
  };

  beforeAll(async () => {
    repositoryId = (await call(steward.handlers, 'repositories.add', { path })).id;
  });

  it('without a .mailmap or a merge: Ada counts twice, and the bot is listed apart and owns nothing', async () => {
    const first = await scan();
    expect(first.people).toEqual(['Ada Lovelace 2', 'Ada L 1', 'Grace Hopper 1', 'Old Timer 1']);
    expect(first.bots).toEqual(['dependabot[bot] 1']);
    expect(first.summary).toMatchObject({ commits: 6, contributors: 4, bots: { count: 1, commits: 1 } });
    expect(first.snapshot.summary.topContributors.map((person) => person.name)).not.toContain('dependabot[bot]');
    // The bot added 40 of legacy/old.ts's 50 lines, yet Old Timer owns it, and Old Timer left.
    expect(first.file('legacy/old.ts')).toMatchObject({ mainDeveloper: 'Old Timer', mainDeveloperShare: 1, authors: 1, ownersInactive: true });
    expect(first.file('src/core.ts')).toMatchObject({ mainDeveloper: 'Ada Lovelace', authors: 2, knowledgeIsland: false });
    expect(first.islands).toEqual(['Only Grace Hopper knows src/util.ts (100 % of its lines)']);
  });

  it('suggests merging Ada, and once a person accepts, the People list shows her once at once, and the analyses from the next scan', async () => {
    const before = await call(steward.handlers, 'identities.list', { repositoryId });
    expect(before.bots.map((bot) => bot.name)).toEqual(['dependabot[bot]']);
    expect(before.people.map((person) => person.name)).toEqual(['Ada Lovelace', 'Ada L', 'Grace Hopper', 'Old Timer']);
    expect(before.suggestions).toEqual([{ into: 'ada@work.example', merge: ['ada@home.example'], reasons: ['same email user name (ada)'] }]);
    expect(before.usedByScan?.digest).toBe(before.current.digest);

    const [suggestion] = before.suggestions;
    await call(steward.handlers, 'identities.merge', { into: suggestion!.into, merge: suggestion!.merge });
    const after = await call(steward.handlers, 'identities.list', { repositoryId });
    expect(after.people.map((person) => `${person.name} ${person.commits} (${person.identities.map((identity) => identity.email).join(', ')})`)).toEqual([
      'Ada Lovelace 3 (ada@work.example, ada@home.example)',
      'Grace Hopper 1 (grace@example.com)',
      'Old Timer 1 (old@example.com)',
    ]);
    expect(after.suggestions).toEqual([]);
    // The stored snapshot still says what it counted: the map changed since.
    expect(after.usedByScan?.digest).not.toBe(after.current.digest);

    const second = await scan();
    expect(second.people).toEqual(['Ada Lovelace 3', 'Grace Hopper 1', 'Old Timer 1']);
    expect(second.summary).toMatchObject({ contributors: 3, bots: { count: 1, commits: 1 } });
    expect(second.summary.snapshot.environment?.identities).toMatchObject({ mailmap: 'absent', merges: 1, marks: 0 });
    // All of src/core.ts is Ada's now: one person, one knowledge island.
    expect(second.file('src/core.ts')).toMatchObject({ mainDeveloper: 'Ada Lovelace', mainDeveloperShare: 1, authors: 1, knowledgeIsland: true });
    expect(second.islands).toEqual(['Only Ada Lovelace knows src/core.ts (100 % of its lines)', 'Only Grace Hopper knows src/util.ts (100 % of its lines)']);
  });

  it("marks a person a bot, or a bot a person, in the People list; a mark that is forgotten gives the patterns the word again", async () => {
    await call(steward.handlers, 'identities.mark', { key: 'old@example.com', as: 'bot' });
    await call(steward.handlers, 'identities.mark', { key: dependabot.email, as: 'person' });
    const marked = await call(steward.handlers, 'identities.list', { repositoryId });
    expect(marked.bots.map((bot) => `${bot.name} ${bot.kindFrom}`)).toEqual(['Old Timer mark']);
    expect(marked.people.map((person) => person.name)).toContain('dependabot[bot]');
    await call(steward.handlers, 'identities.mark', { key: 'old@example.com', as: null });
    await call(steward.handlers, 'identities.mark', { key: dependabot.email, as: null });
    expect((await call(steward.handlers, 'identities.list', { repositoryId })).bots.map((bot) => `${bot.name} ${bot.kindFrom}`)).toEqual(['dependabot[bot] pattern']);
  });

  it("honours the scanned commit's .mailmap, and neither the work tree's copy nor one the repository's git config names", async () => {
    await call(steward.handlers, 'identities.unmerge', { key: 'ada@home.example' });
    await expect(call(steward.handlers, 'identities.unmerge', { key: 'ada@home.example' })).rejects.toThrow(/not merged/);
    writeFileSync(join(path, '.mailmap'), 'Ada Lovelace <ada@work.example> <ada@home.example>\n');
    git(path, ['add', '.mailmap']);
    git(path, ['commit', '--quiet', '-m', 'mailmap'], {
      ...{ GIT_AUTHOR_NAME: grace.author, GIT_AUTHOR_EMAIL: grace.email, GIT_COMMITTER_NAME: grace.author, GIT_COMMITTER_EMAIL: grace.email },
      ...{ GIT_AUTHOR_DATE: '2024-07-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-07-01T10:00:00Z' },
    });
    // Uncommitted, and named by the repository's config: neither may rename anyone.
    writeFileSync(join(path, '.mailmap'), 'Ada Lovelace <ada@work.example> <ada@home.example>\nWork Tree <grace@example.com>\n');
    const configured = join(temporaryDirectory(), 'mailmap');
    writeFileSync(configured, 'Config File <grace@example.com>\n');
    git(path, ['config', 'mailmap.file', configured]);
    git(path, ['config', 'mailmap.blob', 'HEAD:.mailmap']);

    const third = await scan();
    expect(third.people).toEqual(['Ada Lovelace 3', 'Grace Hopper 2', 'Old Timer 1']);
    expect(third.summary).toMatchObject({ commits: 7, contributors: 3 });
    expect(third.summary.snapshot.environment?.identities).toMatchObject({ mailmap: 'read', merges: 0 });
    expect(third.snapshot.summary.topContributors.map((person) => `${person.name} ${person.commits}`)).toEqual(['Ada Lovelace 3', 'Grace Hopper 2', 'Old Timer 1']);
    const listed = await call(steward.handlers, 'identities.list', { repositoryId });
    expect(listed.people.find((person) => person.name === 'Ada Lovelace')?.identities.map((identity) => identity.email)).toEqual(['ada@work.example']);
    expect(listed.suggestions).toEqual([]);
  });
});
