import { PrintToPdfRequestSchema } from '../../core/api/print.js';
import type { Envelope } from '../../core/api/routes.js';
import { toApiError } from '../../core/api/errors.js';
import { printToPdfChannel } from '../ipc-channels.js';
import { isAppUrl } from './security.js';

/** The page that asked: where it is, and how to print it (Electron's WebContents.printToPDF). */
export interface PrintingSender {
  printToPDF(options: { printBackground: boolean; pageSize: 'A4'; margins: { marginType: 'default' } }): Promise<Uint8Array>;
}

interface IpcPrintLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null; sender: PrintingSender }, payload: unknown) => Promise<Envelope>): void;
}

interface PrintDependencies {
  appEntry: string;
  /** The file to write, from a save dialog proposing `fileName`; null when the user cancels. */
  chooseFile(fileName: string): Promise<string | null>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

/**
 * Save as PDF in the desktop app: the sender must be the app's own page, the request must pass its
 * schema; then the user picks the file and the page is printed to it with its print stylesheet.
 */
export function registerPrintToPdf(ipc: IpcPrintLike, { appEntry, chooseFile, writeFile }: PrintDependencies): void {
  ipc.handle(printToPdfChannel, async (event, payload) => {
    if (!isAppUrl(event.senderFrame?.url, appEntry)) return { ok: false, error: { code: 'invalid-input', message: 'Refused: the request did not come from the Steward window' } };
    const request = PrintToPdfRequestSchema.safeParse(payload);
    if (!request.success) return { ok: false, error: toApiError(request.error) };
    try {
      const file = await chooseFile(request.data.fileName);
      if (file === null) return { ok: true, value: { saved: null } };
      await writeFile(file, await event.sender.printToPDF({ printBackground: false, pageSize: 'A4', margins: { marginType: 'default' } }));
      return { ok: true, value: { saved: file } };
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `The PDF could not be saved: ${(error as Error).message}` } };
    }
  });
}
