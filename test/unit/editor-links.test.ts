import { describe, expect, it } from 'vitest';
import { EditorSchema, editorUrl } from '../../core/api/editor-links.js';

const root = '/home/ada/my shop';

describe('links to a file:line in the editor of choice', () => {
  it('opens VS Code, Cursor and JetBrains IDEs by their URL schemes', () => {
    expect(editorUrl({ open: 'vscode', template: null }, root, 'src/a b.ts', 12)).toBe('vscode://file/home/ada/my%20shop/src/a%20b.ts:12');
    expect(editorUrl({ open: 'cursor', template: null }, root, 'src/a.ts')).toBe('cursor://file/home/ada/my%20shop/src/a.ts');
    expect(editorUrl({ open: 'jetbrains', template: null }, root, 'src/a.ts', 3)).toBe('idea://open?file=%2Fhome%2Fada%2Fmy%20shop%2Fsrc%2Fa.ts&line=3');
    expect(editorUrl({ open: 'vscode', template: null }, 'C:\\work\\shop', 'src/a.ts', 1)).toBe('vscode://file/C:/work/shop/src/a.ts:1');
  });

  it('fills a custom template’s {path} and {line} (line 1 for a whole file); the code view has no editor URL', () => {
    expect(editorUrl({ open: 'custom', template: 'subl://open?url=file://{path}&line={line}' }, root, 'src/a.ts', 7)).toBe('subl://open?url=file:///home/ada/my%20shop/src/a.ts&line=7');
    expect(editorUrl({ open: 'custom', template: 'zed://file{path}:{line}' }, root, 'src/a.ts')).toBe('zed://file/home/ada/my%20shop/src/a.ts:1');
    expect(editorUrl({ open: 'steward', template: null }, root, 'src/a.ts', 7)).toBeNull();
  });

  it('refuses a template without {path}, without a scheme, or with one that would run code in the app', () => {
    expect(EditorSchema.safeParse({ open: 'custom', template: 'zed://file{path}' }).success).toBe(true);
    for (const template of ['zed://file', '/usr/bin/zed {path}', 'javascript:alert("{path}")', 'data:text/html,{path}']) {
      expect(EditorSchema.safeParse({ open: 'custom', template }).success, template).toBe(false);
    }
    expect(EditorSchema.safeParse({ open: 'custom', template: null }).success).toBe(false);
    expect(EditorSchema.parse({})).toEqual({ open: 'vscode', template: null });
  });
});
