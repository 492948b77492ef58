// The magazine's page furniture. Facing pages mirror each other: the running header and the folio
// ("40 2023.08" / "2023.08 41") sit on the outside edge, left on even pages, right on odd ones.
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { MagazineLayout } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { twipsFromMm, type PageFrame } from './page.ts';
import { runOptions, runsOf } from './runs.ts';

export const MAGAZINE_FRAME: PageFrame = {
  margin: {
    top: twipsFromMm(24),
    bottom: twipsFromMm(22),
    // Facing pages (w:mirrorMargins): left is the inside, with 5 mm of gutter for the binding.
    left: twipsFromMm(17),
    right: twipsFromMm(17),
    gutter: twipsFromMm(5),
    header: twipsFromMm(11),
    footer: twipsFromMm(10),
  },
};

/** The column's colour: the running header, its rule and the folio. */
export const ACCENT = '1F5C99';

type Side = 'even' | 'odd';
const align = (side: Side) => (side === 'even' ? AlignmentType.LEFT : AlignmentType.RIGHT);

function runningHeader(layout: MagazineLayout, fonts: FontMap, side: Side): Header {
  const zh = runsOf(layout.columnZh, fonts, { role: 'heiti', size: 24, bold: true, color: ACCENT });
  const en = runsOf(layout.columnEn, fonts, { role: 'latin', size: 16, color: ACCENT });
  const gap = runsOf('  ', fonts, { role: 'latin', size: 16 });
  return new Header({
    children: [
      new Paragraph({
        alignment: align(side),
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: ACCENT, space: 2 } },
        children: side === 'even' ? [...zh, ...gap, ...en] : [...en, ...gap, ...zh],
      }),
    ],
  });
}

function folio(layout: MagazineLayout, fonts: FontMap, side: Side): Footer {
  const page = new TextRun({ ...runOptions(fonts, { role: 'latin', size: 24, bold: true, color: ACCENT }), children: [PageNumber.CURRENT] });
  const issue = runsOf(layout.issue, fonts, { role: 'latin', size: 18 });
  const gap = runsOf('  ', fonts, { role: 'latin', size: 18 });
  return new Footer({
    children: [new Paragraph({ alignment: align(side), children: side === 'even' ? [page, ...gap, ...issue] : [...issue, ...gap, page] })],
  });
}

/** Header and footer parts of a feature, named by its first section and inherited by the rest. */
export function magazineFurniture(layout: MagazineLayout, fonts: FontMap) {
  return {
    headers: { default: runningHeader(layout, fonts, 'odd'), even: runningHeader(layout, fonts, 'even') },
    footers: { default: folio(layout, fonts, 'odd'), even: folio(layout, fonts, 'even') },
  };
}
