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
});
