// Electron's Host: a save dialog, an atomic write, and opening only what was saved here.
import { join } from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { writeFileAtomic } from '../core/files/write-file-atomic.ts';
import type { Host } from '../core/host.ts';

export interface ElectronHostDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  window: () => BrowserWindow | null;
  documentsDir: () => string;
  write?: (path: string, bytes: Uint8Array) => void;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  pdf: { name: 'PDF 文档', extensions: ['pdf'] },
};

export function electronHost(deps: ElectronHostDeps): Host {
  const write = deps.write ?? writeFileAtomic;
  // The renderer may ask to open a path; only files this process wrote are opened, so a
  // compromised page cannot launch arbitrary programs through shell.openPath.
  const delivered = new Set<string>();
  return {
    async deliver(file) {
      const ext = file.fileName.split('.').pop() ?? '';
      const win = deps.window();
      const options = { defaultPath: join(deps.documentsDir(), file.fileName), filters: FILTERS[ext] ? [FILTERS[ext]] : [] };
      const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      write(choice.filePath, file.bytes);
      delivered.add(choice.filePath);
      return { status: 'saved', path: choice.filePath, fileName: file.fileName };
    },
    async printToPdf() {
      const win = deps.window();
      if (!win) throw new Error('no window to print');
      // The page's own @page rule (A4, no margin: each preview page carries the layout's margins) decides the sheet.
      return win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    },
    async openFile(path) {
      if (!delivered.has(path)) return false;
      return (await deps.shell.openPath(path)) === '';
    },
  };
}
