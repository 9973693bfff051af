/**
 * Debt the authors wrote down themselves: TODO/FIXME/HACK/XXX comments, and the directives that turn
 * a checker off for a line or a file (`@ts-ignore`, `@ts-expect-error`, `@ts-nocheck`,
 * `eslint-disable`). A marker counts only in a comment (`//`, or a block comment's line), so a string
 * that mentions TODO is not one. Linear in the text.
 */
type MarkerKind = 'TODO' | 'FIXME' | 'HACK' | 'XXX' | '@ts-ignore' | '@ts-expect-error' | '@ts-nocheck' | 'eslint-disable';

interface FoundMarker {
  line: number;
  kind: MarkerKind;
  /** What follows the marker on its line, trimmed, at most 200 characters. */
  text: string;
}

const markerPattern = /(?:^|[^\w@-])(TODO|FIXME|HACK|XXX|@ts-ignore|@ts-expect-error|@ts-nocheck|eslint-disable(?:-next-line|-line)?)(?![\w-])[:\s]*(.*)$/;

export function findMarkers(text: string): FoundMarker[] {
  const found: FoundMarker[] = [];
  let inBlock = false;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const comment = commentOf(line, inBlock);
    inBlock = comment.stillInBlock;
    if (comment.text === null) continue;
    const match = markerPattern.exec(comment.text);
    if (!match) continue;
    const kind = (match[1]!.startsWith('eslint-disable') ? 'eslint-disable' : match[1]) as MarkerKind;
    found.push({ line: index + 1, kind, text: match[2]!.replace(/\*\/.*$/, '').trim().slice(0, 200) });
  }
  return found;
}

/**
 * The comment text on a line (the part after `//`, or inside `/* … *\/`), and whether a block comment
 * is still open at its end. Strings are skipped so that `"// not a comment"` is not one; template
 * literals spanning lines are rare enough in comments-to-be that they are read as code.
 */
function commentOf(line: string, inBlock: boolean): { text: string | null; stillInBlock: boolean } {
  let text: string | null = null;
  let block = inBlock;
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    if (block) {
      const close = line.indexOf('*/', index);
      text = (text ?? '') + line.slice(index, close < 0 ? line.length : close);
      if (close < 0) return { text, stillInBlock: true };
      block = false;
      index = close + 1;
      continue;
    }
    const character = line[index];
    if (character === '"' || character === "'" || character === '`') {
      const close = line.indexOf(character, index + 1);
      if (close < 0) break;
      index = close;
    } else if (character === '/' && line[index + 1] === '/') {
      return { text: (text ?? '') + line.slice(index + 2), stillInBlock: false };
    } else if (character === '/' && line[index + 1] === '*') {
      block = true;
      start = index + 2;
      index = start - 1;
    }
  }
  return { text, stillInBlock: block };
}

interface MarkerTotals {
  path: string;
  linesOfCode: number;
  markers: number;
  byKind: Partial<Record<MarkerKind, number>>;
  /** Markers per 1,000 lines of code; null without code. */
  density: number | null;
}

/** Totals per file (those with markers, most first) and per folder (every folder with code, the repository '' first). */
export function markerTotals(files: readonly { path: string; linesOfCode: number; markers: readonly FoundMarker[] }[]): { files: MarkerTotals[]; folders: MarkerTotals[] } {
  const folders = new Map<string, { linesOfCode: number; markers: FoundMarker[] }>();
  for (const file of files) {
    const parts = file.path.split('/').slice(0, -1);
    for (let depth = 0; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const entry = folders.get(folder) ?? { linesOfCode: 0, markers: [] };
      entry.linesOfCode += file.linesOfCode;
      entry.markers.push(...file.markers);
      folders.set(folder, entry);
    }
  }
  const totals = (path: string, linesOfCode: number, markers: readonly FoundMarker[]): MarkerTotals => {
    const byKind: Partial<Record<MarkerKind, number>> = {};
    for (const marker of markers) byKind[marker.kind] = (byKind[marker.kind] ?? 0) + 1;
    return { path, linesOfCode, markers: markers.length, byKind, density: linesOfCode > 0 ? Math.round((markers.length / linesOfCode) * 1000 * 100) / 100 : null };
  };
  return {
    files: files
      .filter((file) => file.markers.length > 0)
      .map((file) => totals(file.path, file.linesOfCode, file.markers))
      .sort((a, b) => b.markers - a.markers || a.path.localeCompare(b.path)),
    folders: [...folders].map(([path, entry]) => totals(path, entry.linesOfCode, entry.markers)).sort((a, b) => a.path.localeCompare(b.path)),
  };
}
