import type { ExportFile } from '../../core/api/exports';

/** The object URL of the last file saved, freed when the next is saved (the download may still be reading it until then). */
let previous: string | undefined;

/**
 * Saves a file the engine made as a download: in the browser, its download (to the downloads
 * folder, or where the user says); in the desktop app, a save dialog (electron/main/security.ts
 * lets downloads of the page's own blob: URLs through, and only those).
 */
export function saveFile(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.content), (character) => character.charCodeAt(0));
  if (previous) URL.revokeObjectURL(previous);
  previous = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = previous;
  link.download = file.fileName;
  link.click();
}
