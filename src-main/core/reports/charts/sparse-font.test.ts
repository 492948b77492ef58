import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { openSparse } from './sparse-font.ts';

const FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 'NotoSansCJKsc-Regular';
// A chart's words: a title, units, figures, a legend.
const TEXT = '楚雄高新区地区生产总值（亿元）近300 333.52 目标 2018—2022年 增速%';

describe.runIf(existsSync(FILE))('a CJK face opened without its outlines', () => {
  const whole = fontkit.openSync(FILE, FACE) as fontkit.Font;
  const sparse = openSparse(FILE, FACE)!;

  it('draws each glyph as fontkit does from the whole file once its outline is read in', () => {
    for (const ch of new Set(TEXT)) {
      const cp = ch.codePointAt(0)!;
      const g = sparse.font.glyphForCodePoint(cp);
      sparse.load(g.id);
      const w = whole.glyphForCodePoint(cp);
      expect(g.id, ch).toBe(w.id);
      expect(g.advanceWidth, ch).toBe(w.advanceWidth);
      expect(g.path.toSVG(), ch).toBe(w.path.toSVG());
    }
  });

  it('has not read an outline it was not asked for', () => {
    const g = sparse.font.glyphForCodePoint('鉴'.codePointAt(0)!);
    // Zeros where the outline would be: fontkit draws nothing or refuses the charstring.
    const drawn = () => {
      try {
        return g.path.toSVG();
      } catch {
        return null;
      }
    };
    expect(drawn()).not.toBe(whole.glyphForCodePoint('鉴'.codePointAt(0)!).path.toSVG());
  });

  it('gives null for a face the file does not hold', () => {
    expect(openSparse(FILE, 'NoSuchFace-Regular')).toBeNull();
  });
});
