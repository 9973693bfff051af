import type { CommitRecord } from './commit-record.js';
import { authorKey } from './history-window.js';

export interface AuthorActivity {
  author: string;
  name: string;
  commits: number;
  added: number;
  deleted: number;
  firstCommit: string;
  lastCommit: string;
}

export interface WeekActivity {
  /** Monday (UTC) of the ISO week, YYYY-MM-DD. */
  week: string;
  commits: number;
  /** Distinct authors who are people. */
  authors: number;
  added: number;
  deleted: number;
}

/** Commits and lines per author, most commits first. */
export function activityByAuthor(commits: readonly CommitRecord[]): AuthorActivity[] {
  const authors = new Map<string, AuthorActivity>();
  for (const commit of commits) {
    const key = authorKey(commit);
    let entry = authors.get(key);
    if (!entry) {
      entry = { author: key, name: commit.authorName, commits: 0, added: 0, deleted: 0, firstCommit: commit.authorDate, lastCommit: commit.authorDate };
      authors.set(key, entry);
    }
    entry.commits++;
    for (const change of commit.files) {
      entry.added += change.added;
      entry.deleted += change.deleted;
    }
    if (Date.parse(commit.authorDate) < Date.parse(entry.firstCommit)) entry.firstCommit = commit.authorDate;
    if (Date.parse(commit.authorDate) > Date.parse(entry.lastCommit)) entry.lastCommit = commit.authorDate;
  }
  return [...authors.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

/** Commits, distinct authors and lines per ISO week, oldest first; weeks without commits are left out. */
export function activityByWeek(commits: readonly CommitRecord[]): WeekActivity[] {
  const weeks = new Map<string, WeekActivity & { authorKeys: Set<string> }>();
  for (const commit of commits) {
    const week = weekOf(commit.authorDate);
    let entry = weeks.get(week);
    if (!entry) weeks.set(week, (entry = { week, commits: 0, authors: 0, added: 0, deleted: 0, authorKeys: new Set() }));
    entry.commits++;
    if (!commit.bot) entry.authorKeys.add(authorKey(commit));
    for (const change of commit.files) {
      entry.added += change.added;
      entry.deleted += change.deleted;
    }
  }
  return [...weeks.values()].map(({ authorKeys, ...entry }) => ({ ...entry, authors: authorKeys.size })).sort((a, b) => a.week.localeCompare(b.week));
}

/** The Monday (UTC) starting the ISO week of a date. */
export function weekOf(isoDate: string): string {
  const date = new Date(isoDate);
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}
