// The work bulletin (工作简报) after GB/T 9704-2012, described once: the Word export
// (core/reports/docx/bulletin*.ts) writes it and the preview draws it, so both print the same page.
// Lengths in twips, sizes in half-points (docx's units); page.ts converts for the preview.
import type { BulletinLayout } from '../document.ts';
import { textWidth, twipsFromMm, type PageFrame, type Side } from './page.ts';
import type { TypeLook } from './look.ts';

export const BULLETIN_FRAME: PageFrame = {
  // GB/T 9704 §5.2.1: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm.
  margin: { top: 2098, left: 1587, right: 1474, bottom: 1984, header: twipsFromMm(15), footer: twipsFromMm(22) },
};

/** 3号 (16 pt) body on a 28.95 pt line: 22 lines fill the 225 mm block. */
export const BODY_SIZE = 32;
export const LINE_PITCH = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Character spacing, twips, that sets 28 characters to the line. 28 characters of 16 pt are 448 pt,
 * a little more than the 442 pt block. Word's answer for 公文 is a lines-and-characters grid with
 * charSpace −842 (a 15.79 pt pitch); LibreOffice (7.4) gives every 16 pt character two such cells
 * and, condensed to fit one, still spreads each justified line over 14 pairs of cells. A line grid
 * plus this slight condensing (−0.25 pt) gives 28 in both. The marks it was blamed for losing at
 * line ends were lost to hanging punctuation, now off (print-rules.ts).
 */
export const TRACKING = Math.floor(textWidth(BULLETIN_FRAME) / CHARS_PER_LINE - BODY_SIZE * 10);

export const RED = 'FF0000';

/** The type of each part: 3号 仿宋 body, 2号 小标宋 title, headings by level in 黑体 · 楷体 · 仿宋 · 仿宋 (GB/T 9704 §7.3). */
export const BULLETIN_LOOKS = {
  body: { role: 'fangsong', size: BODY_SIZE, tracking: TRACKING },
  title: { role: 'xiaobiaosong', size: 44 },
  subtitle: { role: 'kaiti', size: BODY_SIZE },
  mastNumber: { role: 'fangsong', size: BODY_SIZE },
  mastLine: { role: 'fangsong', size: BODY_SIZE },
  caption: { role: 'kaiti', size: 28 },
  end: { role: 'fangsong', size: 28 },
  internal: { role: 'heiti', size: BODY_SIZE },
  /** 编者按: the note in 楷体, its label in 黑体, on the body's grid and measure. */
  note: { role: 'kaiti', size: BODY_SIZE, tracking: TRACKING },
  noteLabel: { role: 'heiti', size: BODY_SIZE, tracking: TRACKING },
  headings: [
    { role: 'heiti', size: BODY_SIZE, tracking: TRACKING },
    { role: 'kaiti', size: BODY_SIZE, tracking: TRACKING },
    { role: 'fangsong', size: BODY_SIZE, tracking: TRACKING },
    { role: 'fangsong', size: BODY_SIZE, tracking: TRACKING },
  ],
} as const satisfies Record<string, TypeLook | readonly TypeLook[]>;

/** The title's exact leading: 35 pt for 2号 type. */
export const TITLE_LINE = 700;
/** The title's characters to the line: 2号 (22 pt) on the 442 pt type area gives 20. */
export const TITLE_EMS = Math.floor(textWidth(BULLETIN_FRAME) / (BULLETIN_LOOKS.title.size * 10));
/** A caption's characters to the line (4号 on the type area: 31). */
export const CAPTION_EMS = Math.floor(textWidth(BULLETIN_FRAME) / (BULLETIN_LOOKS.caption.size * 10));
/** The end block's characters to the line (4号: 31). */
export const END_EMS = Math.floor(textWidth(BULLETIN_FRAME) / (BULLETIN_LOOKS.end.size * 10));

/** The masthead name fills the line at most: 初号 (42 pt) for a short name, smaller for a long one. */
export function mastheadLook(name: string): TypeLook {
  const chars = Math.max([...name].length, 1);
  const fit = Math.floor((textWidth(BULLETIN_FRAME) / 20 / chars) * 2);
  return { role: 'xiaobiaosong', size: Math.min(84, fit), color: RED };
}
/** Twips after the masthead name; the name's own line is about 1.3 times its size. */
export const MAST_NAME_AFTER = 120;
export const mastNameTwips = (name: string): number => Math.round(mastheadLook(name).size * 10 * 1.3) + MAST_NAME_AFTER;
/** Grid lines left blank under the issuer's line and its red rule, before the title. */
export const MAST_GAP_LINES = 2;

/** The page number: "— N —" in 4号 宋体, one character in from the outside edge (right on odd pages, left on even ones). */
export const PAGE_NUMBER = {
  look: { role: 'songti', size: 28 } as TypeLook,
  text: (n: number): string => `— ${n} —`,
  align: (side: Side): 'right' | 'left' => (side === 'odd' ? 'right' : 'left'),
  /** One character of its own size, twips. */
  indent: 28 * 10,
} as const;

/** The subtitle is printed as written (a leading dash, if any, is the user's). */
export const bulletinSubtitle = (text: string): string => text;
/** The label the 编者按 opens with. */
export const EDITOR_NOTE_LABEL = '编者按：';

/** The 编者按's paragraphs as typed, one per line, blank lines and edge spaces left out; a label typed at its start is not printed twice. */
export function editorNoteParagraphs(layout: Pick<BulletinLayout, 'editorNote'>): string[] {
  return (layout.editorNote ?? '')
    .replace(/^\s*[【［[]?编者按[】］\]]?\s*[：:]?\s*/u, '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The by-line under the title, in brackets: （楚雄高新区管委会）. */
export const bulletinByline = (byline: string): string => `（${byline.trim()}）`;

/** 报/送/发 lines as printed, an empty one left out. */
export function bulletinEndLines(layout: Pick<BulletinLayout, 'reportTo' | 'copyTo' | 'sendTo'>): string[] {
  return (
    [
      ['报：', layout.reportTo],
      ['送：', layout.copyTo],
      ['发：', layout.sendTo],
    ] as const
  )
    .filter(([, v]) => v.trim() !== '')
    .map(([label, v]) => `${label}${v.trim()}`);
}

/** The print run under the 报/送/发 lines: （共印60份）; none when no run is given. */
export const copiesLine = (copies: number): string | null => (copies > 0 ? `（共印${copies}份）` : null);
