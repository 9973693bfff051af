/** The VS Code URL that opens a file of the repository, at a line when given. */
const editorUrl = (root: string, path: string, line?: number): string => `vscode://file${encodeURI(`${root}/${path}`)}${line === undefined ? '' : `:${line}`}`;

/** A file:line that opens in the editor (VS Code's URL scheme), with the location as its text. */
export function Location({ root, path, line }: { root: string; path: string; line: number }) {
  return (
    <a className="path" href={editorUrl(root, path, line)} title="Open in VS Code">
      {path}:{line}
    </a>
  );
}

/** A file that opens in the editor, with its path as its text. */
export function FileLink({ root, path }: { root: string; path: string }) {
  return (
    <a className="path" href={editorUrl(root, path)} title="Open in VS Code">
      {path}
    </a>
  );
}
