import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DeflatedPart, ZipWriter } from './zip-writer.ts';

describe('ZipWriter', () => {
  it('writes parts whole, stored and piece by piece into a zip any reader opens', async () => {
    const zip = new ZipWriter();
    const body = new DeflatedPart();
    const pieces = Array.from({ length: 50 }, (_, i) => `<w:p><w:t>第${i}段 ${'园区'.repeat(200 + i)}</w:t></w:p>`);
    for (const p of pieces) await body.write(p);
    await body.end();
    zip.add('word/styles.xml', '<w:styles/>');
    zip.add('word/media/a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { store: true });
    zip.add('empty.xml', '');
    zip.addDeflated('word/document.xml', body);
    expect(zip.has('word/styles.xml')).toBe(true);
    expect(() => zip.add('word/styles.xml', 'again')).toThrow(/already has/);
    const read = await JSZip.loadAsync(zip.finish(), { checkCRC32: true });
    expect(await read.file('word/document.xml')!.async('string')).toBe(pieces.join(''));
    expect(await read.file('word/styles.xml')!.async('string')).toBe('<w:styles/>');
    expect([...(await read.file('word/media/a.png')!.async('uint8array'))]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(await read.file('empty.xml')!.async('string')).toBe('');
    // The body went in compressed: far smaller than its text.
    expect(body.chunks().reduce((n, c) => n + c.length, 0)).toBeLessThan(body.size / 10);
  });
});
