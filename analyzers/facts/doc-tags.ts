import type { DocTags } from './file-facts.js';

/** A block tag starts a line of the comment (after its `*` gutter); `{@link}` and backticked text do not count. */
const tagLine = /^@(deprecated|public|internal)\b\s*(.*)$/;
const otherTag = /^@\w/;

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
  const lines = comment
    .slice(3, -2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim());
  const tags: DocTags = {};
  let message: string[] | null = null;
  for (const line of lines) {
    const match = tagLine.exec(line);
    if (match) {
      message = null;
      if (match[1] === 'public') tags.public = true;
      else if (match[1] === 'internal') tags.internal = true;
      else message = match[2] ? [match[2]] : [];
    } else if (otherTag.test(line)) message = null;
    else if (message && line) message.push(line);
    if (message) tags.deprecated = message.join(' ');
  }
  return tags;
}
