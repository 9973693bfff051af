import type { AuthorIdentity } from './mailmap.js';

/**
 * Accounts that commit on their own: GitHub Apps sign as `name[bot]` with
 * `<id>+name[bot]@users.noreply.github.com`; the best-known dependency and CI bots are also named
 * here by the names and emails they commit under outside GitHub Apps (self-hosted Renovate, older
 * Dependabot, GitHub Actions' own identity).
 */
const botName = /\[bot\]$|^(dependabot(-preview)?|renovate|renovate-bot|github-actions|greenkeeper(io)?|snyk-bot|semantic-release-bot|allcontributors|imgbot(app)?|pre-commit-ci|mergify|codecov|transifex-integration)$/i;
const botEmail = /\[bot\]@users\.noreply\.github\.com$|^(bot@renovateapp\.com|renovate@whitesourcesoftware\.com|support@dependabot\.com|41898282\+github-actions\[bot\]@users\.noreply\.github\.com|semantic-release-bot@martynus\.net|action@github\.com)$/i;

/** Whether an author is a well-known bot by its name or email (a person's own mark overrides this). */
export function looksLikeBot(author: AuthorIdentity): boolean {
  return botName.test(author.name.trim()) || botEmail.test(author.email.trim());
}
