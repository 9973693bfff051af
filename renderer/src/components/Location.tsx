import { useContext } from 'react';
import { type Editor, editorUrl } from '../../../core/api/editor-links';
import { CodeViewSnapshot, codeViewHref } from '../code-view';
import { useSettings } from '../settings';

export const editorNames: Record<Editor['open'], string> = {
  vscode: 'VS Code',
  cursor: 'Cursor',
  jetbrains: 'JetBrains IDE (IntelliJ IDEA, WebStorm…)',
  custom: 'your editor',
  steward: 'Steward’s code view',
};

const defaultEditor: Editor = { open: 'vscode', template: null };

/** Where a link to a file (at a line) goes with the editor the settings choose; null when the code view is chosen and no snapshot is in view. */
function useFileLink(root: string, path: string, line?: number): { href: string; title: string } | null {
  const editor = useSettings().settings?.editor ?? defaultEditor;
  const snapshotId = useContext(CodeViewSnapshot);
  const title = `Open in ${editorNames[editor.open]}`;
  if (editor.open === 'steward') return snapshotId === null ? null : { href: codeViewHref(snapshotId, path, line), title };
  return { href: editorUrl(editor, root, path, line)!, title };
}

function FileAnchor({ root, path, line, text }: { root: string; path: string; line?: number; text: string }) {
  const link = useFileLink(root, path, line);
  return link ? (
    <a className="path" href={link.href} title={link.title}>
      {text}
    </a>
  ) : (
    <span className="path">{text}</span>
  );
}

/** A file:line that opens in the user's editor (or the code view), with the location as its text. */
export function Location({ root, path, line }: { root: string; path: string; line: number }) {
  return <FileAnchor root={root} path={path} line={line} text={`${path}:${line}`} />;
}

/** A file that opens in the user's editor (or the code view), with its path as its text. */
export function FileLink({ root, path }: { root: string; path: string }) {
  return <FileAnchor root={root} path={path} text={path} />;
}
