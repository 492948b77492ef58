import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { FONTCONFIG_FILE, SKIP_LIBREOFFICE, convertWithLibreOffice, pdfPageCount, pdfText, pdfToPngs } from './libreoffice.ts';

/** A one-paragraph RTF: plain ASCII on disk, any text in the document, and both Writer filters read it. */
function rtf(text: string): string {
  const body = [...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\u${ch.charCodeAt(0) - (ch.charCodeAt(0) > 32767 ? 65536 : 0)}?`)).join('');
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Noto Serif CJK SC;}}\\f0\\fs24 ${body}\\par}`;
}

const dir = mkdtempSync(join(tmpdir(), 'parkbrief-lo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('convertWithLibreOffice without LibreOffice', () => {
  it('names the Debian packages when soffice is missing', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'x');
    await expect(convertWithLibreOffice(file, 'pdf', dir, { soffice: 'soffice-not-installed-here' })).rejects.toThrow(
      /libreoffice-writer-nogui.*poppler-utils/,
    );
  });

  it('fails loudly when soffice exits 0 without writing the file', async () => {
    // What a second soffice sharing a profile does: nothing, successfully.
    const fake = join(dir, 'fake-soffice');
    writeFileSync(fake, '#!/bin/sh\necho "profile in use" >&2\nexit 0\n');
    chmodSync(fake, 0o755);
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'x');
    await expect(convertWithLibreOffice(file, 'pdf', dir, { soffice: fake })).rejects.toThrow(/no output[\s\S]*profile in use/);
  });
});

describe.skipIf(SKIP_LIBREOFFICE)('convertWithLibreOffice', () => {
  it('converts two files at once, each with its own profile, and reads the PDF back', { timeout: 120_000 }, async () => {
    const files = ['one', 'two'].map((name) => {
      const file = join(dir, `${name}.rtf`);
      writeFileSync(file, rtf(`园区简报 ${name} 333.52亿元`));
      return file;
    });
    const pdfs = await Promise.all(files.map((f) => convertWithLibreOffice(f, 'pdf', dir)));
    for (const [i, pdf] of pdfs.entries()) {
      expect(existsSync(pdf)).toBe(true);
      expect(await pdfPageCount(pdf)).toBe(1);
      expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain(`园区简报${i === 0 ? 'one' : 'two'}333.52亿元`);
    }
    const pngs = await pdfToPngs(pdfs[0]!, join(dir, 'page'));
    expect(pngs).toEqual([join(dir, 'page-1.png')]);
    expect(readFileSync(pngs[0]!).subarray(1, 4).toString()).toBe('PNG');

    const txt = await convertWithLibreOffice(files[1]!, 'txt', dir);
    expect(readFileSync(txt, 'utf8')).toContain('333.52亿元');
  });
});

describe.skipIf(SKIP_LIBREOFFICE)('the renders\' fonts (fonts/fonts.conf)', () => {
  const face = (name: string) => execFileSync('fc-match', ['-f', '%{family[0]}', name], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE } });

  it('binds each GB/T 9704 face name to an installed face of its role, so headings and body differ on the page', () => {
    const faces = Object.fromEntries(['黑体', '仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '宋体', 'Times New Roman', 'Calibri', 'Cambria'].map((n) => [n, face(n)]));
    expect(faces).toEqual({
      黑体: 'Noto Sans CJK SC',
      仿宋_GB2312: 'Noto Serif CJK SC',
      楷体_GB2312: 'AR PL UKai CN',
      方正小标宋简体: 'Noto Serif CJK SC',
      宋体: 'Noto Serif CJK SC',
      'Times New Roman': 'Liberation Serif',
      // A workbook's default font, by which its columns are measured: its metric twin, not a wider face.
      Calibri: 'Carlito',
      Cambria: 'Caladea',
    });
  });
});
