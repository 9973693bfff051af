import { describe, expect, it } from 'vitest';
import { commitsByPerson } from '../../analyzers/history/commits-by-person.js';
import { activityByAuthor } from '../../analyzers/history/activity.js';
import { ownershipByFile, tallyAuthors } from '../../analyzers/history/ownership.js';
import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { looksLikeBot } from '../../analyzers/identities/bots.js';
import { emptyMailmap, parseMailmap } from '../../analyzers/identities/mailmap.js';
import { groupPeople, suggestMerges } from '../../analyzers/identities/people.js';
import { type IdentityMap, emptyIdentityMap, identityResolver } from '../../analyzers/identities/resolve-identities.js';

const commit = (sha: string, authorName: string, authorEmail: string, path: string, added: number, authorDate = '2024-06-01T00:00:00Z'): CommitRecord => ({
  sha,
  authorName,
  authorEmail,
  authorDate,
  files: [{ path, added, deleted: 0, binary: false }],
});

/** Newest first: Ada under two emails, a Renovate bot, and Grace. */
const log = [
  commit('a4', 'renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com', 'src/app.ts', 50),
  commit('a3', 'Ada L', 'ada@home.example', 'src/app.ts', 30),
  commit('a2', 'Grace Hopper', 'grace@example.com', 'src/app.ts', 10),
  commit('a1', 'Ada Lovelace', 'ada@work.example', 'src/app.ts', 60),
];

const map = (merges: Record<string, string>, marks: Record<string, 'bot' | 'person'> = {}): IdentityMap => ({ merges: new Map(Object.entries(merges)), marks: new Map(Object.entries(marks)) });
const people = (commits: CommitRecord[]) => activityByAuthor(commits.filter((entry) => !entry.bot)).map((author) => `${author.name} ${author.commits}`);

describe('who an author is', () => {
  it('knows GitHub Apps and the usual dependency and CI bots by name or email, and nobody else', () => {
    expect(looksLikeBot({ name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' })).toBe(true);
    expect(looksLikeBot({ name: 'Renovate Bot', email: 'bot@renovateapp.com' })).toBe(true);
    expect(looksLikeBot({ name: 'github-actions', email: 'noreply@github.com' })).toBe(true);
    expect(looksLikeBot({ name: 'Some App', email: '1+some-app[bot]@users.noreply.github.com' })).toBe(true);
    expect(looksLikeBot({ name: 'Abbot Robotson', email: 'abbot@example.com' })).toBe(false);
    expect(looksLikeBot({ name: 'Ada', email: '1234+ada@users.noreply.github.com' })).toBe(false);
  });

  it('counts a person twice under two emails until .mailmap or a merge joins them', () => {
    expect(people(commitsByPerson(log, identityResolver(emptyMailmap, emptyIdentityMap)))).toEqual(['Ada L 1', 'Ada Lovelace 1', 'Grace Hopper 1']);
    const mailmap = parseMailmap('Ada Lovelace <ada@work.example> <ada@home.example>\n');
    expect(people(commitsByPerson(log, identityResolver(mailmap, emptyIdentityMap)))).toEqual(['Ada Lovelace 2', 'Grace Hopper 1']);
    // Merged by the user: the person keeps the name of the identity the other was merged into.
    expect(people(commitsByPerson(log, identityResolver(emptyMailmap, map({ 'ada@home.example': 'ada@work.example' }))))).toEqual(['Ada Lovelace 2', 'Grace Hopper 1']);
  });

  it('applies the user map to identities after .mailmap', () => {
    const mailmap = parseMailmap('<ada@new.example> <ada@home.example>\n');
    const resolve = identityResolver(mailmap, map({ 'ada@new.example': 'ada@work.example' }));
    expect(resolve({ name: 'Ada L', email: 'ADA@home.example' })).toMatchObject({ key: 'ada@new.example', person: 'ada@work.example', bot: false });
  });

  it('sets bots apart from ownership: the bot wrote most lines, yet the owner is a person', () => {
    const commits = commitsByPerson(log, identityResolver(emptyMailmap, map({ 'ada@home.example': 'ada@work.example' })));
    const [file] = ownershipByFile(tallyAuthors(commits, new Date('2024-07-01T00:00:00Z')));
    expect(file).toMatchObject({ path: 'src/app.ts', authors: 2, mainDeveloper: { name: 'Ada Lovelace', added: 90 } });
    expect(activityByAuthor(commits.filter((entry) => entry.bot)).map((bot) => `${bot.name} ${bot.commits}`)).toEqual(['renovate[bot] 1']);
  });

  it("follows the user's marks over the patterns, on the person or on one of its identities", () => {
    const resolve = identityResolver(emptyMailmap, map({ 'ci@example.com': 'deploy@example.com' }, { 'deploy@example.com': 'bot', 'renovate-fan@example.com': 'person' }));
    expect(resolve({ name: 'CI', email: 'ci@example.com' })).toMatchObject({ person: 'deploy@example.com', bot: true, kindFrom: 'mark' });
    expect(resolve({ name: 'renovate', email: 'renovate-fan@example.com' })).toMatchObject({ bot: false, kindFrom: 'mark' });
    expect(resolve({ name: 'renovate', email: 'other@example.com' })).toMatchObject({ bot: true, kindFrom: 'pattern' });
  });
});

describe('suggested merges', () => {
  const authors = [
    { name: 'Ada Lovelace', email: 'ada@work.example', commits: 40 },
    { name: 'ada lovelace', email: 'ada.l@home.example', commits: 3 },
    { name: 'Grace Hopper', email: 'grace@example.com', commits: 12 },
    { name: 'grace', email: '5678+grace@users.noreply.github.com', commits: 2 },
    { name: 'Info Desk', email: 'info@a.example', commits: 1 },
    { name: 'Other Info', email: 'info@b.example', commits: 1 },
    { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', commits: 30 },
    { name: 'dependabot[bot]', email: 'support@dependabot.com', commits: 5 },
  ];

  it('suggests the same name under different emails, and one mailbox at two domains; never shared mailboxes or bots', () => {
    const grouped = groupPeople(authors, identityResolver(emptyMailmap, emptyIdentityMap));
    expect(suggestMerges(grouped)).toEqual([
      { into: 'ada@work.example', merge: ['ada.l@home.example'], reasons: ['same name (ada lovelace)'] },
      { into: 'grace@example.com', merge: ['5678+grace@users.noreply.github.com'], reasons: ['same email user name (grace)'] },
    ]);
  });

  it('groups merged identities into one person with their commits, and stops suggesting what was merged', () => {
    const grouped = groupPeople(authors, identityResolver(emptyMailmap, map({ 'ada.l@home.example': 'ada@work.example' })));
    const ada = grouped.find((person) => person.key === 'ada@work.example')!;
    expect(ada).toMatchObject({ name: 'Ada Lovelace', commits: 43, bot: false });
    expect(ada.identities.map((identity) => identity.email)).toEqual(['ada@work.example', 'ada.l@home.example']);
    expect(suggestMerges(grouped).map((suggestion) => suggestion.into)).toEqual(['grace@example.com']);
    expect(grouped.filter((person) => person.bot).map((bot) => `${bot.name} ${bot.commits}`)).toEqual(['dependabot[bot] 30', 'dependabot[bot] 5']);
  });
});
