// Resolved runs as Word runs. Figures are ordinary prose to the reader; a marker (a placeholder the
// store could not fill, exported anyway) is highlighted so nobody prints it unnoticed.
import { TextRun, type IRunOptions } from 'docx';
import type { Run } from '../../../shared/document.ts';
import type { FontMap, FontRole } from '../../../shared/settings.ts';
import { LANGUAGE, LATIN_LANGUAGE, runFonts, type RunFonts } from './fonts.ts';

export interface Look {
  role: FontRole;
  /** Half-points, as docx counts font sizes. */
  size: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in twips; negative condenses. */
  tracking?: number;
  /** Overrides the role's fonts, e.g. one face for every character. */
  font?: RunFonts;
}

export const MARKER_HIGHLIGHT = 'yellow';
export const MARKER_COLOR = 'FF0000';

export function runOptions(fonts: FontMap, look: Look): IRunOptions {
  return {
    font: look.font ?? runFonts(fonts, look.role),
    size: look.size,
    sizeComplexScript: look.size,
    language: LANGUAGE,
    ...(look.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(look.color ? { color: look.color } : {}),
    ...(look.tracking ? { characterSpacing: look.tracking } : {}),
  };
}

/**
 * Digits and Latin letters (with the marks inside a figure: 42.5%, 1,200, R&D) as opposed to
 * Chinese. Word tags such a stretch en-US; tagged zh-CN, LibreOffice breaks a line between any
 * two of its characters (产值7 / 8.13亿元, 增长42. / 5%).
 */
const LATIN = /[0-9A-Za-z\u00C0-\u024F](?:[0-9A-Za-z\u00C0-\u024F.,%‰+\-/:&'’ ]*[0-9A-Za-z\u00C0-\u024F%‰])?/gu;

/** Text cut into Chinese and Latin stretches, in order; each is [text, isLatin]. */
export function scriptSpans(text: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN)) {
    if (m.index > at) out.push([text.slice(at, m.index), false]);
    out.push([m[0], true]);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push([text.slice(at), false]);
  return out;
}

/** One run per script stretch: Chinese tagged zh-CN, digits and Latin en-US (eastAsia still zh-CN). */
export function runsOf(text: string, fonts: FontMap, look: Look, extra: IRunOptions = {}): TextRun[] {
  const base = runOptions(fonts, look);
  return scriptSpans(text).map(([t, latin]) => new TextRun({ ...base, ...extra, ...(latin ? { language: LATIN_LANGUAGE } : {}), text: t }));
}

export function textRuns(runs: readonly Run[], fonts: FontMap, look: Look): TextRun[] {
  return runs
    .filter((r) => r.text.length > 0)
    .flatMap((r) => (r.kind === 'marker' ? runsOf(r.text, fonts, look, { highlight: MARKER_HIGHLIGHT, color: MARKER_COLOR }) : runsOf(r.text, fonts, look)));
}

export const isBlank = (runs: readonly Run[]): boolean => runs.every((r) => r.text.trim() === '');
