// The bulletin's fixed blocks: the red masthead (版头) above the title and the distribution block
// (版记: 报/送/发 and the print run) after the body.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, Tab, TextRun, WidthType, type IBorderOptions } from 'docx';
import type { BulletinLayout } from '../../../shared/document.ts';
import { INTERNAL_MARK, issueLine } from '../../../shared/bulletin-issue.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { BODY_SIZE, BULLETIN_FRAME } from './bulletin-page.ts';
import { L, RED, S } from './bulletin-styles.ts';
import { textWidth } from './page.ts';
import { endBlockPlace, endBlockRows, type EndBlockPlace } from '../../../shared/print-layout/bulletin-fit.ts';
import { bulletinEndLines, copiesLine } from '../../../shared/print-layout/bulletin.ts';
import { runOptions, runsOf, type Look } from './runs.ts';

/** One character of 3号: the issuer and the date stand one character in from the edges. */
const ONE_CHAR = BODY_SIZE * 10;


export function masthead(layout: BulletinLayout, fonts: FontMap, nameLook: Look): Paragraph[] {
  const width = textWidth(BULLETIN_FRAME);
  const redRule: IBorderOptions = { style: BorderStyle.SINGLE, size: 16, color: RED, space: 6 };
  return [
    ...(layout.internal ? [new Paragraph({ style: S.internal, children: runsOf(INTERNAL_MARK, fonts, L.internal) })] : []),
    new Paragraph({ style: S.mastName, children: runsOf(layout.name, fonts, nameLook) }),
    new Paragraph({ style: S.mastNumber, children: runsOf(issueLine(layout.number, layout.totalNumber), fonts, L.mastNumber) }),
    new Paragraph({
      style: S.mastLine,
      // No indents: a paragraph's border runs between its indents, and the red rule spans the
      // full 156 mm (GB/T 9704 §7.2.4). The issuer and the date stand one character in by tabs.
      tabStops: [
        { type: TabStopType.LEFT, position: ONE_CHAR },
        { type: TabStopType.RIGHT, position: width - ONE_CHAR },
      ],
      border: { bottom: redRule },
      children: [new TextRun({ ...runOptions(fonts, L.mastLine), children: [new Tab()] }), ...runsOf(layout.issuer, fonts, L.mastLine), new TextRun({ ...runOptions(fonts, L.mastLine), children: [new Tab()] }), ...runsOf(layout.date, fonts, L.mastLine)],
    }),
  ];
}

const END_CHAR = L.end.size * 10;

/**
 * 报/送/发 lines (an empty one left out) and the print run, as a one-column table: its top and
 * bottom borders are the full-width rules (GB/T 9704 §8: 0.35 mm outside, 0.25 mm between lines)
 * whatever the lines' own indents, which paragraph borders would follow.
 */
export function endBlock(layout: BulletinLayout, fonts: FontMap, bodyEnd: { page: number; used: number }): { blankPage: number; children: (Paragraph | Table)[] } {
  const lines = bulletinEndLines(layout);
  const copies = copiesLine(layout.copies);
  // keepNext on every line but the last keeps the block on one page (Word and LibreOffice both
  // honour it across table rows): a print run alone at the top of a page reads as a stray line.
  const count = lines.length + (copies ? 1 : 0);
  const rows: Paragraph[] = lines.map(
    (line, i) =>
      new Paragraph({
        style: S.end,
        keepNext: i < count - 1,
        // One character in from each edge; a wrapped line aligns under the first character after the colon.
        indent: { left: 3 * END_CHAR, hanging: 2 * END_CHAR, right: END_CHAR },
        children: runsOf(line, fonts, L.end),
      }),
  );
  if (copies) rows.push(new Paragraph({ style: S.end, alignment: AlignmentType.RIGHT, indent: { right: END_CHAR }, children: runsOf(copies, fonts, L.end) }));
  if (rows.length === 0) return { blankPage: 0, children: [] };
  const width = textWidth(BULLETIN_FRAME);
  const outer: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const place = endBlockPlace(endBlockRows(layout), bodyEnd);
  const table = new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: { top: outer, bottom: outer, insideHorizontal: { ...outer, size: 6 }, left: none, right: none, insideVertical: none },
    // A row of 4号 holds 31 characters; one in from the left, a wrapped line three.
    rows: rows.map((p) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [p] })] })),
  });
  return { blankPage: place.blankPage, children: [...endBlockSpace(place), table] };
}

const spacer = (twips: number, pageBreakBefore: boolean) =>
  new Paragraph({ style: S.spacer, pageBreakBefore, spacing: { line: Math.max(20, Math.floor(twips)), lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });

/**
 * Blank paragraphs off the grid, exactly as tall as the room above the end block
 * (shared/print-layout/bulletin-fit.ts endBlockPlace); with a blank page before the block, first the
 * one line of that page, which opens a section of its own (bulletin.ts).
 */
export function endBlockSpace(place: EndBlockPlace): Paragraph[] {
  return [...(place.blankPage ? [spacer(20, false)] : []), ...place.spacers.map(({ twips, pageBreakBefore }) => spacer(twips, pageBreakBefore))];
}
