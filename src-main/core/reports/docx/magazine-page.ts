// The magazine's page furniture. Facing pages mirror each other: the running header and the folio
// ("40 2023.08" / "2023.08 41") sit on the outside edge, left on even pages, right on odd ones.
import { ACCENT } from '../../../shared/print-layout/magazine.ts';
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { MagazineLayout } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { runOptions, runsOf } from './runs.ts';
import { FURNITURE_GAP, MAGAZINE_LOOKS as M, folioOrder, outsideAlign, runningHeadOrder } from '../../../shared/print-layout/magazine.ts';
import type { Side } from '../../../shared/print-layout/page.ts';

export { ACCENT, MAGAZINE_FRAME } from '../../../shared/print-layout/magazine.ts';

const align = (side: Side) => (outsideAlign(side) === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT);

function runningHeader(layout: MagazineLayout, fonts: FontMap, side: Side): Header {
  const parts = { zh: runsOf(layout.columnZh, fonts, M.headZh), en: runsOf(layout.columnEn, fonts, M.headEn) };
  const gap = runsOf(FURNITURE_GAP, fonts, { role: 'latin', size: M.headEn.size });
  return new Header({
    children: [
      new Paragraph({
        alignment: align(side),
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: ACCENT, space: 2 } },
        children: runningHeadOrder(side).flatMap((k, i) => [...(i ? gap : []), ...parts[k]]),
      }),
    ],
  });
}

function folio(layout: MagazineLayout, fonts: FontMap, side: Side): Footer {
  const parts = { page: [new TextRun({ ...runOptions(fonts, M.folioPage), children: [PageNumber.CURRENT] })], issue: runsOf(layout.issue, fonts, M.folioIssue) };
  const gap = runsOf(FURNITURE_GAP, fonts, M.folioIssue);
  return new Footer({
    children: [new Paragraph({ alignment: align(side), children: folioOrder(side).flatMap((k, i) => [...(i ? gap : []), ...parts[k]]) })],
  });
}

/** What the running header and folio print of the layout: features alike print the same parts. */
export const magazineFurnitureKey = (doc: { magazine: MagazineLayout }): string => JSON.stringify([doc.magazine.columnZh, doc.magazine.columnEn, doc.magazine.issue]);

/** Header and footer parts of a feature, named by its first section and inherited by the rest. */
export function magazineFurniture(layout: MagazineLayout, fonts: FontMap) {
  return {
    headers: { default: runningHeader(layout, fonts, 'odd'), even: runningHeader(layout, fonts, 'even') },
    footers: { default: folio(layout, fonts, 'odd'), even: folio(layout, fonts, 'even') },
  };
}
