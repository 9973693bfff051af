/** "1 file", "2,345 files". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}

/** The first few items of a long list, and how many more there are. */
export function preview(items: readonly string[], shown = 5): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}

/**
 * Text from a repository (a file or author name, git's complaint) made safe to print: control
 * characters, which a terminal would act on (escape sequences, carriage returns, bells), are shown as
 * `\xNN` escapes instead.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A change with its sign (+1.2, −0.4); one that rounds to nothing has none (±0.0). */
export function signedChange(value: number, digits = 1): string {
  const shown = Math.abs(value).toFixed(digits);
  return Number(shown) === 0 ? `±${shown}` : `${value > 0 ? '+' : '−'}${shown}`;
}
