import type { DocTags } from './file-facts.js';

const tagPattern = /@(deprecated|public|internal)\b([^@]*)/g;

/**
 * The tags of the JSDoc block right before a declaration, read from the comment text. The parser
 * runs without JSDoc parsing (it is a large share of parse time), and these three tags are all the
 * analyses need.
 */
export function docTagsBefore(text: string, leadingComments: readonly { pos: number; end: number }[] | undefined): DocTags {
  const last = leadingComments?.at(-1);
  if (!last) return {};
  const comment = text.slice(last.pos, last.end);
  if (!comment.startsWith('/**')) return {};
  const tags: DocTags = {};
  for (const [, tag, rest] of comment.matchAll(tagPattern)) {
    if (tag === 'deprecated') tags.deprecated = cleanMessage(rest ?? '');
    else if (tag === 'public') tags.public = true;
    else tags.internal = true;
  }
  return tags;
}

/** Joins the tag's lines without the comment's `*` gutters and closing `*\/`. */
function cleanMessage(raw: string): string {
  return raw
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter((line) => line.length > 0)
    .join(' ');
}
