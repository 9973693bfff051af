import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../core/api/routes.js';
import { printToPdfChannel } from '../../electron/ipc-channels.js';
import { type PrintingSender, registerPrintToPdf } from '../../electron/main/print-to-pdf.js';

const appEntry = 'file:///opt/steward/out/renderer/index.html';
const pdf = new TextEncoder().encode('%PDF-1.7 report');

/** The print handler on a fake ipcMain, with a save dialog that answers `chosen` and files written to a map. */
function setUp(chosen: string | null) {
  let listener: ((event: { senderFrame: { url: string } | null; sender: PrintingSender }, payload: unknown) => Promise<Envelope>) | undefined;
  const written = new Map<string, Uint8Array>();
  const proposed: string[] = [];
  let printed = 0;
  registerPrintToPdf(
    {
      handle(channel, handler) {
        expect(channel).toBe(printToPdfChannel);
        listener = handler;
      },
    },
    {
      appEntry,
      chooseFile: async (fileName) => {
        proposed.push(fileName);
        return chosen;
      },
      writeFile: async (file, data) => void written.set(file, data),
    },
  );
  const sender: PrintingSender = {
    printToPDF: async () => {
      printed++;
      return pdf;
    },
  };
  const invoke = (url: string | null, payload: unknown) => listener!({ senderFrame: url === null ? null : { url }, sender }, payload);
  return { invoke, written, proposed, printed: () => printed };
}

describe('Save as PDF over IPC', () => {
  it('prints the asking window to the file the user picks, proposing the report’s name', async () => {
    const { invoke, written, proposed } = setUp('/home/lead/koa.pdf');
    expect(await invoke(`${appEntry}#/report`, { fileName: 'koa-weekly-report.pdf' })).toEqual({ ok: true, value: { saved: '/home/lead/koa.pdf' } });
    expect(proposed).toEqual(['koa-weekly-report.pdf']);
    expect(written.get('/home/lead/koa.pdf')).toEqual(pdf);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { invoke, written, printed } = setUp(null);
    expect(await invoke(appEntry, { fileName: 'report.pdf' })).toEqual({ ok: true, value: { saved: null } });
    expect(written.size).toBe(0);
    expect(printed()).toBe(0);
  });

  it('refuses a sender that is not the app’s page, and a request outside its schema, before any dialog', async () => {
    const { invoke, proposed, printed } = setUp('/tmp/x.pdf');
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null]) {
      expect((await invoke(url, { fileName: 'report.pdf' })).ok, String(url)).toBe(false);
    }
    for (const payload of [{ fileName: '../../etc/passwd.pdf' }, { fileName: 'report.exe' }, {}, 'report.pdf']) {
      const envelope = await invoke(appEntry, payload);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(proposed).toEqual([]);
    expect(printed()).toBe(0);
  });
});
