// Resolved runs as Word runs. Figures are ordinary prose to the reader; a marker (a placeholder the
// store could not fill, exported anyway) is highlighted so nobody prints it unnoticed.
import { TextRun, type IRunOptions } from 'docx';
import type { Run } from '../../../shared/document.ts';
import type { FontMap, FontRole } from '../../../shared/settings.ts';
import { LANGUAGE, runFonts, type RunFonts } from './fonts.ts';

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

export function textRun(text: string, fonts: FontMap, look: Look): TextRun {
  return new TextRun({ ...runOptions(fonts, look), text });
}

export function textRuns(runs: readonly Run[], fonts: FontMap, look: Look): TextRun[] {
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) =>
      r.kind === 'marker'
        ? new TextRun({ ...runOptions(fonts, look), text: r.text, highlight: MARKER_HIGHLIGHT, color: MARKER_COLOR })
        : textRun(r.text, fonts, look),
    );
}

export const isBlank = (runs: readonly Run[]): boolean => runs.every((r) => r.text.trim() === '');
