/**
 * ESLint's package naming (its `normalizePackageName`), which Babel shares: with the prefix
 * eslint-plugin, `react` → eslint-plugin-react, `@scope` → @scope/eslint-plugin, `@scope/x` →
 * @scope/eslint-plugin-x; names already prefixed stay as they are.
 */
export function prefixedPackageName(name: string, prefix: string): string {
  if (!name.startsWith('@')) return name.startsWith(`${prefix}-`) || name === prefix ? name : `${prefix}-${name}`;
  const [scope, rest] = name.split('/');
  if (rest === undefined || rest === '' || rest === prefix) return `${scope}/${prefix}`;
  return rest.startsWith(`${prefix}-`) ? name : `${scope}/${prefix}-${rest}`;
}
