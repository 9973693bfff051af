/** A machine-written lockfile as nested maps of strings: what pnpm-lock.yaml and both yarn.lock formats are. */
export interface BlockMap {
  [key: string]: BlockValue;
}
type BlockValue = string | BlockMap;

/**
 * Parses the block mappings lockfiles are written in: one key per line, nesting by indentation,
 * `key: value` (YAML, as pnpm and yarn berry write it) or `key value` (yarn v1), keys and values
 * plain or quoted. Flow values (`{integrity: …}`, `[x64]`) stay strings; lockfiles keep what we
 * read in block form. Megabytes parse in tens of milliseconds, where a general YAML parser takes
 * most of a second.
 */
export function parseBlockMapping(text: string): BlockMap {
  const root: BlockMap = {};
  const stack: { indent: number; map: BlockMap }[] = [{ indent: -1, map: root }];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#') || content === '---') continue;
    const indent = line.length - content.length;
    while (stack[stack.length - 1]!.indent >= indent) stack.pop();
    const entry = splitEntry(content.trimEnd());
    if (!entry) continue;
    const parent = stack[stack.length - 1]!.map;
    if (entry.value === undefined) {
      const child: BlockMap = {};
      parent[entry.key] = child;
      stack.push({ indent, map: child });
    } else parent[entry.key] = entry.value;
  }
  return root;
}

/**
 * `key: value`, `key:`, `key value` (yarn v1), with the key or value in single or double quotes.
 * A yarn v1 entry may name several descriptors (`"a@^1", "a@^1.2":`): its key is the whole list.
 */
function splitEntry(content: string): { key: string; value: string | undefined } | undefined {
  let key: string;
  let rest: string;
  if (content[0] === '"' || content[0] === "'") {
    const close = closingQuote(content, 0);
    if (close < 0) return undefined;
    rest = content.slice(close + 1);
    if (rest.startsWith(',') && content.endsWith(':')) return { key: content.slice(0, -1), value: undefined };
    key = unquote(content.slice(0, close + 1));
  } else {
    const colon = content.indexOf(': ');
    if (colon < 0 && content.endsWith(':')) return { key: content.slice(0, -1), value: undefined };
    const at = colon >= 0 ? colon : content.indexOf(' ');
    if (at < 0) return { key: content, value: '' };
    key = content.slice(0, at);
    rest = content.slice(at);
  }
  if (rest.startsWith(':')) rest = rest.slice(1);
  const value = rest.trim();
  return { key, value: value === '' ? undefined : unquote(value) };
}

function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  for (let index = open + 1; index < text.length; index++) {
    if (quote === '"' && text[index] === '\\') index++;
    else if (text[index] === quote) {
      // YAML escapes a single quote by doubling it.
      if (quote === "'" && text[index + 1] === "'") index++;
      else return index;
    }
  }
  return -1;
}

function unquote(value: string): string {
  if (value.length >= 2 && value[0] === '"' && value.at(-1) === '"') return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.length >= 2 && value[0] === "'" && value.at(-1) === "'") return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/** The map under `key`, or an empty one when the key is missing or holds a scalar. */
export function mapAt(map: BlockMap | undefined, key: string): BlockMap {
  const value = map?.[key];
  return typeof value === 'object' ? value : {};
}
