// The bulletin's type: 3号 仿宋 body on the 28.95 pt grid, 2号 小标宋 title, headings by level in
// 黑体 · 楷体 · 仿宋 · 仿宋 (GB/T 9704 §7.3), a red masthead.
import { AlignmentType, LineRuleType } from 'docx';
import { BODY_SIZE, BULLETIN_LOOKS, LINE_PITCH, MAST_GAP_LINES, MAST_NAME_AFTER, TITLE_LINE } from '../../../shared/print-layout/bulletin.ts';
import type { Look } from './runs.ts';
import { twoCharIndent, type StyleSpec } from './styles.ts';

export { RED, TITLE_LINE, mastheadLook } from '../../../shared/print-layout/bulletin.ts';

export const S = {
  mastName: 'BulMastName',
  mastNumber: 'BulMastNumber',
  mastLine: 'BulMastLine',
  title: 'BulTitle',
  subtitle: 'BulSubtitle',
  body: 'BulBody',
  h1: 'BulHeading1',
  h2: 'BulHeading2',
  h3: 'BulHeading3',
  h4: 'BulHeading4',
  caption: 'BulCaption',
  end: 'BulEnd',
  spacer: 'BulSpacer',
  internal: 'BulInternal',
  note: 'BulNote',
} as const;

/** The type of each part: the shared description's (shared/print-layout/bulletin.ts). */
export const L = BULLETIN_LOOKS;

export const HEADING_STYLES = [S.h1, S.h2, S.h3, S.h4] as const;

/** Taller than a grid line: set on their own leading (see off-grid.ts). */
export const OFF_GRID = [S.mastName, S.title, S.spacer];

const GRID = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT_2 = twoCharIndent(BODY_SIZE);

export function bulletinStyles(mastName: Look): StyleSpec[] {
  return [
    // The masthead is taller than any grid line: auto height, or Word clips it.
    { id: S.mastName, name: 'Bulletin Masthead', look: mastName, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: MAST_NAME_AFTER, line: 240, lineRule: LineRuleType.AUTO } } },
    // 内部资料 where GB/T 9704 puts 密级: top left, 3号黑体.
    { id: S.internal, name: 'Bulletin Internal Mark', look: L.internal, paragraph: { spacing: GRID } },
    { id: S.mastNumber, name: 'Bulletin Number', look: L.mastNumber, paragraph: { alignment: AlignmentType.CENTER, spacing: GRID } },
    { id: S.mastLine, name: 'Bulletin Issuer', look: L.mastLine, paragraph: { spacing: { ...GRID, after: MAST_GAP_LINES * LINE_PITCH } } },
    { id: S.note, name: 'Bulletin Editor Note', look: L.note, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: GRID, indent: INDENT_2 } },
    { id: S.title, name: 'Bulletin Title', look: L.title, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: LINE_PITCH, line: TITLE_LINE, lineRule: LineRuleType.EXACT }, keepNext: true } },
    { id: S.subtitle, name: 'Bulletin Subtitle', look: L.subtitle, paragraph: { alignment: AlignmentType.CENTER, spacing: GRID, keepNext: true } },
    { id: S.body, name: 'Bulletin Body', look: L.body, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: GRID, indent: INDENT_2 } },
    ...L.headings.map((look, i) => ({
      id: HEADING_STYLES[i]!,
      name: `Bulletin Heading ${i + 1}`,
      look,
      heading: (i + 1) as 1 | 2 | 3 | 4,
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: GRID, indent: INDENT_2, keepNext: true },
    })),
    { id: S.caption, name: 'Bulletin Caption', look: L.caption, paragraph: { alignment: AlignmentType.CENTER, spacing: { ...GRID, after: Math.round(LINE_PITCH / 2) } } },
    { id: S.end, name: 'Bulletin End Block', look: L.end, paragraph: { spacing: GRID } },
    // The room above the end block; each use sets its own exact height (bulletin-blocks.ts).
    { id: S.spacer, name: 'Bulletin End Block Space', look: L.end, paragraph: { spacing: { before: 0, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT } } },
  ];
}
