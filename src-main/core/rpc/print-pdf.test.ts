import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import type { Host } from '../host.ts';
import { dispatch } from './dispatch.ts';

let s: TempStore | undefined;
afterEach(() => s?.dispose());

describe('documents.printPdf', () => {
  it('hands the window\'s printed pages to the host as a PDF under the name asked for', async () => {
    s = tempStore({ demo: false });
    const deliver = vi.fn<Host['deliver']>(async (f) => ({ status: 'saved', path: `/saved/${f.fileName}`, fileName: f.fileName }));
    const host: Host = { deliver, openFile: async () => false, printToPdf: async () => Buffer.from('%PDF-1.7') };
    const r = await dispatch({ ...s.ctx, host }, 'documents.printPdf', { fileName: '楚雄高新区-2022年-工作简报.pdf' });
    expect(r).toEqual({ ok: true, value: { status: 'saved', path: '/saved/楚雄高新区-2022年-工作简报.pdf', fileName: '楚雄高新区-2022年-工作简报.pdf' } });
    expect(deliver).toHaveBeenCalledWith({ fileName: '楚雄高新区-2022年-工作简报.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.7') });
  });

  it('is refused with PRINT_UNAVAILABLE by a host that cannot print (browser mode prints from its own dialog), and a name with a path is refused', async () => {
    s = tempStore({ demo: false });
    const host: Host = { deliver: vi.fn(), openFile: async () => false };
    const r = await dispatch({ ...s.ctx, host }, 'documents.printPdf', { fileName: 'a.pdf' });
    expect(r.ok ? null : r.error.code).toBe('PRINT_UNAVAILABLE');
    expect(r.ok ? '' : r.error.message).toContain('另存为 PDF');
    const bad = await dispatch({ ...s.ctx, host }, 'documents.printPdf', { fileName: '../a.pdf' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });
});
