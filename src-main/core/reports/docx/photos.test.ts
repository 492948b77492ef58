import { describe, expect, it } from 'vitest';
import { captionLineCount } from '../../../shared/print-layout/caption.ts';
import { captionAfter, type PhotoLayout } from './photos.ts';

const LAYOUT: PhotoLayout = {
  width: 4640,
  maxHeight: 6000,
  captionStyle: 'MagCaption',
  caption: { role: 'kaiti', size: 18 },
  lines: { body: 320, caption: 260, captionAfter: 160 },
};

describe('a photo block on the body\'s lines', () => {
  it('counts the caption\'s lines, the credit on its own line when the line end would cut it', () => {
    expect(captionLineCount('楚雄高新区全景。', '高新区管委会供图', 25)).toBe(1);
    expect(captionLineCount('本届南博会上，昆明高新区及园区企业展会受到市民青睐。', '记者王俊星摄', 25)).toBe(2);
    expect(captionLineCount('', '', 25)).toBe(1);
  });

  it('stretches the caption\'s space after so picture, spacing and caption take whole 16 pt lines', () => {
    for (const picture of [3090, 3165, 2000, 320 * 7 - 60 - 260 - 160]) {
      for (const lines of [1, 2, 3]) {
        const after = captionAfter(LAYOUT, picture, lines)!;
        expect(after).toBeGreaterThanOrEqual(160);
        expect(after).toBeLessThan(160 + 320);
        // No space above the picture, 3 pt below it.
        expect((picture + 60 + lines * 260 + after) % 320, `${picture} ${lines}`).toBe(0);
      }
    }
  });

  it('leaves a layout without body lines (the bulletin, on its grid) as it is', () => {
    expect(captionAfter({ ...LAYOUT, lines: undefined }, 3090, 1)).toBeUndefined();
  });
});
