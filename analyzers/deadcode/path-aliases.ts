/**
 * A matcher for tsconfig `paths` patterns (`@/*`, `~/*`, `#config`): a `*` there stands for any text,
 * slashes included, unlike a glob's.
 */
export function pathAliasMatcher(patterns: readonly string[]): (specifier: string) => boolean {
  const parts = patterns.map((pattern) => {
    const star = pattern.indexOf('*');
    return star < 0 ? { prefix: pattern, suffix: null } : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1) };
  });
  return (specifier) =>
    parts.some(({ prefix, suffix }) =>
      suffix === null ? specifier === prefix : specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix),
    );
}
