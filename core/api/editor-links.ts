import { z } from 'zod';

/** A URL's scheme, lower-cased ("zed" of "zed://file…"); undefined when it starts with none. */
const schemeOf = (url: string): string | undefined => /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();

/** Schemes a link may not use: they would run code in the app's page instead of opening an editor. */
const forbiddenSchemes = ['javascript', 'data', 'vbscript', 'blob'];

/**
 * A custom editor's URL: a scheme the operating system hands to the editor, with `{path}` (the
 * file's absolute path) and optionally `{line}`: `subl://open?url=file://{path}&line={line}`.
 */
const EditorTemplateSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((template) => template.includes('{path}'), { message: 'The template needs {path} where the file goes' })
  .refine(
    (template) => {
      const scheme = schemeOf(template);
      return scheme !== undefined && !forbiddenSchemes.includes(scheme);
    },
    { message: 'The template must start with the editor’s URL scheme, such as subl:// or zed://' },
  );

export const editorChoices = ['vscode', 'cursor', 'jetbrains', 'custom', 'steward'] as const;

/** Where a link to a file:line opens: an editor (by its URL scheme), or Steward's read-only code view of the snapshot. */
export const EditorSchema = z
  .object({
    open: z.enum(editorChoices).default('vscode'),
    /** The custom editor's URL; kept when another editor is chosen, so that choosing it again brings it back. */
    template: EditorTemplateSchema.nullable().default(null),
  })
  .refine((editor) => editor.open !== 'custom' || editor.template !== null, { message: 'Give the custom editor’s URL template', path: ['template'] });
export type Editor = z.infer<typeof EditorSchema>;

export function isEditorTemplate(template: string): boolean {
  return EditorTemplateSchema.safeParse(template).success;
}

/**
 * The URL that opens a repository's file at a line in the chosen editor; null for the code view,
 * which is a page of the app (its link needs a snapshot).
 */
export function editorUrl(editor: Editor, root: string, path: string, line?: number): string | null {
  const file = `${root.replace(/\\/g, '/').replace(/\/+$/, '')}/${path}`;
  // A Windows path (C:/…) needs the slash a URL's path starts with.
  const absolute = file.startsWith('/') ? file : `/${file}`;
  switch (editor.open) {
    case 'vscode':
    case 'cursor':
      return `${editor.open}://file${encodeURI(absolute)}${line === undefined ? '' : `:${line}`}`;
    case 'jetbrains':
      return `idea://open?file=${encodeURIComponent(file)}${line === undefined ? '' : `&line=${line}`}`;
    case 'custom':
      return (editor.template ?? '').replaceAll('{path}', encodeURI(file)).replaceAll('{line}', String(line ?? 1));
    case 'steward':
      return null;
  }
}

/** The URL scheme of the chosen editor's links (`vscode:`), null for the code view (a page of the app). */
function editorScheme(editor: Editor): string | null {
  switch (editor.open) {
    case 'vscode':
    case 'cursor':
      return `${editor.open}:`;
    case 'jetbrains':
      return 'idea:';
    case 'custom':
      return editor.template === null ? null : `${schemeOf(editor.template)}:`;
    case 'steward':
      return null;
  }
}

/** Whether a link the page followed opens the chosen editor: the desktop app hands these, and nothing else, to the operating system. */
export function opensEditor(url: string, editor: Editor): boolean {
  try {
    return new URL(url).protocol === editorScheme(editor);
  } catch {
    return false;
  }
}
