import { describe, expect, it, vi } from 'vitest';
import { electronHost } from './electron-host.ts';

const file = { fileName: '楚雄高新区-2022-工作简报.docx', mime: 'application/x-test', bytes: Buffer.from('PK-bytes') };

function setup(choice: { canceled: boolean; filePath?: string }) {
  const written: [string, Uint8Array][] = [];
  const deps = {
    dialog: { showSaveDialog: vi.fn(async () => choice) },
    shell: { openPath: vi.fn(async () => '') },
    window: () => null,
    documentsDir: () => '/home/u/Documents',
    write: (p: string, b: Uint8Array) => void written.push([p, b]),
  };
  return { host: electronHost(deps as never), deps, written };
}

describe('Electron host', () => {
  it('asks where to save with the suggested name and a Word filter, then writes there', async () => {
    const { host, deps, written } = setup({ canceled: false, filePath: '/tmp/out.docx' });
    expect(await host.deliver(file)).toEqual({ status: 'saved', path: '/tmp/out.docx', fileName: file.fileName });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/u/Documents/楚雄高新区-2022-工作简报.docx',
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
    expect(written).toEqual([['/tmp/out.docx', file.bytes]]);
  });

  it('writes nothing when the user cancels', async () => {
    const { host, written } = setup({ canceled: true });
    expect(await host.deliver(file)).toEqual({ status: 'cancelled' });
    expect(written).toEqual([]);
  });

  it('opens only a file it saved itself', async () => {
    const { host, deps } = setup({ canceled: false, filePath: '/tmp/out.docx' });
    expect(await host.openFile('/tmp/out.docx')).toBe(false);
    await host.deliver(file);
    expect(await host.openFile('/bin/sh')).toBe(false);
    expect(await host.openFile('/tmp/out.docx')).toBe(true);
    expect(deps.shell.openPath).toHaveBeenCalledTimes(1);
  });

  it('prints the window to a PDF on A4 as its print styles set it, and saves a PDF with a PDF filter', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF'));
    const deps = {
      dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/tmp/p.pdf' })) },
      shell: { openPath: vi.fn(async () => '') },
      window: () => ({ webContents: { printToPDF } }),
      documentsDir: () => '/home/u/Documents',
      write: vi.fn(),
    };
    const host = electronHost(deps as never);
    expect(await host.printToPdf!()).toEqual(Buffer.from('%PDF'));
    expect(printToPDF).toHaveBeenCalledWith({ printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    await host.deliver({ fileName: 'a.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF') });
    expect((deps.dialog.showSaveDialog.mock.calls[0] as unknown[])[1]).toEqual({ defaultPath: '/home/u/Documents/a.pdf', filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] });
  });
});
