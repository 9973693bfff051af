const identifier = String.raw`[A-Za-z_$][\w$]*`;

/** How deprecation messages name what to use instead, most explicit first. */
const patterns = [
  new RegExp(String.raw`\{@link(?:code|plain)?\s+(${identifier})\s*(?:\|[^}]*)?\}`),
  new RegExp(String.raw`\brenamed\s+(?:to\s+)?\`?(${identifier})\`?`, 'i'),
  new RegExp(String.raw`\b(?:replaced|superseded)\s+by\s+\`?(${identifier})\`?(?:\(\))?(?![.\w$])`, 'i'),
  new RegExp(String.raw`\buse\s+\`?(${identifier})\`?(?:\(\))?(?!\.[A-Za-z_$])\s*(?:instead\b|$|[.,;)])`, 'i'),
  new RegExp(String.raw`\bprefer\s+\`?(${identifier})\`?(?:\(\))?(?!\.[A-Za-z_$])\s*(?:$|[.,;)]|instead\b)`, 'i'),
];

/**
 * The name a deprecation message says to use instead ("Use `parseUrl` instead.", "Renamed to
 * parseUrl", "{@link parseUrl}"), or null when it names none plainly: a member of something else
 * (`use Foo.bar`), a phrase, or nothing. Whether the two have the same signature is the caller's check.
 */
export function replacementName(message: string): string | null {
  for (const pattern of patterns) {
    const name = pattern.exec(message)?.[1];
    if (name && !/^(the|a|an|it|this|that|instead|of|with|new)$/i.test(name)) return name;
  }
  return null;
}
