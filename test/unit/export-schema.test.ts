import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemKinds } from '../../core/api/inventory.js';
import { ExportDocumentSchema, columnTypes, exportColumns } from '../../core/export/export-columns.js';

const docs = readFileSync(new URL('../../docs/exports.md', import.meta.url), 'utf8');

describe('the published shape of an export', () => {
  it('docs/export.schema.json is the JSON Schema of the exports as they are made (vitest -u writes it after a change)', async () => {
    await expect(`${JSON.stringify(z.toJSONSchema(ExportDocumentSchema), null, 2)}\n`).toMatchFileSnapshot('../../docs/export.schema.json');
  });

  it('docs/exports.md lists every column, in the order of the files, with its type', () => {
    const documented = [...docs.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map(([, name, type]) => [name, type!.trim()]);
    const words = { text: 'text', number: 'number', date: 'date', boolean: 'true/false' };
    expect(documented.map(([name]) => name)).toEqual(exportColumns);
    for (const [name, type] of documented) expect(type, name).toContain(name === 'line' ? 'whole number' : words[columnTypes[name as keyof typeof columnTypes]]);
  });

  it('docs/exports.md names every kind of item', () => {
    for (const kind of itemKinds) expect(docs).toContain(`\`${kind}\``);
  });
});
