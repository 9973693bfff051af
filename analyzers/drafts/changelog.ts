import semver from 'semver';

/** One version's section of a changelog. */
interface ChangelogEntry {
  version: string;
  /** Lines that announce a breaking change. */
  breaking: string[];
  /** The section as written (trimmed to a readable length). */
  text: string;
}

/** The file names a package's changelog goes by, in the order looked for. */
export const changelogNames = ['CHANGELOG.md', 'CHANGES.md', 'HISTORY.md', 'History.md', 'RELEASES.md', 'NEWS.md', 'CHANGELOG', 'CHANGES'];

const heading = /^(#{1,4})\s+(.*)$/;
const versionIn = /(?:^|[\s[(v@])v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?=$|[\s\])/:,]|\s*-)/;
const breakingHeading = /breaking|⚠|💥/i;
const breakingLine = /^\s*[-*+]\s.*(BREAKING|⚠️?|💥)|^\s*BREAKING CHANGES?:/;
const maxSectionChars = 4_000;

/**
 * The sections of a changelog for the versions after `from` up to `to`, newest first, with the
 * breaking changes pulled out: what a "Breaking" heading lists, and lines marked BREAKING.
 * Headings are Markdown (`## [2.0.0](…) (2024-01-02)`, `# v2.0.0`, `### 2.0.0 - date`).
 */
export function changelogBetween(text: string, from: string, to: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let current: { version: string; level: number; lines: string[] } | null = null;
  const close = (): void => {
    if (!current) return;
    const { version, lines } = current;
    if (semver.valid(version) && semver.gt(version, from) && semver.lte(version, to)) entries.push({ version, breaking: breakingOf(lines), text: trimmed(lines.join('\n').trim()) });
    current = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const match = heading.exec(line);
    const version = match ? versionIn.exec(match[2]!)?.[1] : undefined;
    if (match && version && (!current || match[1]!.length <= current.level)) {
      close();
      current = { version, level: match[1]!.length, lines: [] };
      continue;
    }
    current?.lines.push(line);
  }
  close();
  return entries.sort((a, b) => semver.rcompare(a.version, b.version));
}

function breakingOf(lines: readonly string[]): string[] {
  const found: string[] = [];
  let underBreaking: number | null = null;
  for (const line of lines) {
    const match = heading.exec(line) ?? /^\*\*(.*)\*\*:?\s*$/.exec(line);
    if (match) {
      const level = line.startsWith('#') ? match[1]!.length : 6;
      const title = line.startsWith('#') ? match[2]! : match[1]!;
      underBreaking = breakingHeading.test(title) ? level : underBreaking !== null && level <= underBreaking ? null : underBreaking;
      continue;
    }
    const item = line.replace(/^\s*[-*+]\s+/, '').trim();
    if (!item) continue;
    if ((underBreaking !== null && /^\s*[-*+]\s/.test(line)) || breakingLine.test(line)) found.push(item.replace(/^BREAKING CHANGES?:\s*/, ''));
  }
  return [...new Set(found)];
}

function trimmed(text: string): string {
  return text.length > maxSectionChars ? `${text.slice(0, maxSectionChars)}\n…` : text;
}
