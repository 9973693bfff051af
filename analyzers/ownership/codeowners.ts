import { GlobError, type GlobMatcher, compileGlob } from '../patterns/glob.js';

/** Where GitHub and GitLab look for the file, in their order. */
export const codeownersPaths = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

export interface Codeowners {
  ownersOf(path: string): string[] | null;
  wholeRepository: string[] | null;
  problems: string[];
}

interface Rule {
  matches: GlobMatcher;
  owners: string[];
}

/**
 * Owners by CODEOWNERS, as GitHub reads it: gitignore-style patterns (anchored with a leading `/` or
 * a `/` inside, any depth otherwise; a folder owns everything below it), the last matching line
 * wins, and a line without owners leaves its files unowned. GitLab's `[Section]` headers are skipped.
 * Returns who owns a path (null: nobody), who owns the whole repository (the last line for every
 * path, `*`; null without one), and the lines it could not read.
 */
export function readCodeowners(text: string): Codeowners {
  const rules: Rule[] = [];
  const problems: string[] = [];
  let wholeRepository: string[] | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || /^\^?\[.*\]/.test(line)) return;
    const [pattern, ...owners] = line.split(/\s+/);
    try {
      const globs = globsOf(pattern!);
      rules.push({ matches: compileGlob(globs, { dot: true }), owners });
      if (globs.length === 1 && globs[0] === '**') wholeRepository = owners.length > 0 ? owners : null;
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      problems.push(`line ${index + 1}: ${error.message}`);
    }
  });
  return {
    ownersOf(path) {
      for (let index = rules.length - 1; index >= 0; index--) {
        const rule = rules[index]!;
        if (rule.matches(path)) return rule.owners.length > 0 ? rule.owners : null;
      }
      return null;
    },
    wholeRepository,
    problems,
  };
}

/** A CODEOWNERS pattern as globs of repository paths. */
function globsOf(pattern: string): string[] {
  const folder = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '' || body === '*') return ['**'];
  const rooted = anchored ? body : `**/${body}`;
  return folder ? [`${rooted}/**`] : [rooted, `${rooted}/**`];
}
