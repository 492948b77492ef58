// Resolved runs as Word runs. Figures are ordinary prose to the reader; a marker (a placeholder the
// store could not fill, exported anyway) is highlighted so nobody prints it unnoticed.
import { TextRun, type IRunOptions } from 'docx';
import type { Run } from '../../../shared/document.ts';
import type { FontMap, FontRole } from '../../../shared/settings.ts';
import { ELLIPSIS_LANGUAGE, LANGUAGE, LATIN_LANGUAGE, runFonts, type RunFonts } from './fonts.ts';
import { scriptSpans } from '../../../shared/print-layout/script.ts';


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

/** One run per script stretch: Chinese tagged zh-CN, digits and Latin en-US (eastAsia still zh-CN), an ellipsis English throughout. */
export function runsOf(text: string, fonts: FontMap, look: Look, extra: IRunOptions = {}): TextRun[] {
  const base = runOptions(fonts, look);
  const language = (t: string, latin: boolean) => (latin ? { language: LATIN_LANGUAGE } : t.startsWith('……') ? { language: ELLIPSIS_LANGUAGE } : {});
  return scriptSpans(text).map(([t, latin]) => new TextRun({ ...base, ...extra, ...language(t, latin), text: t }));
}

export function textRuns(runs: readonly Run[], fonts: FontMap, look: Look): TextRun[] {
  return runs
    .filter((r) => r.text.length > 0)
    .flatMap((r) => (r.kind === 'marker' ? runsOf(r.text, fonts, look, { highlight: MARKER_HIGHLIGHT, color: MARKER_COLOR }) : runsOf(r.text, fonts, look)));
}

export const isBlank = (runs: readonly Run[]): boolean => runs.every((r) => r.text.trim() === '');
