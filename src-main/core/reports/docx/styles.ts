// Paragraph styles. Each one names its fonts and language itself (DOMAIN.md "Library facts"): a style
// that inherits them from the document defaults loses them as soon as a user's Normal differs.
import type { IParagraphStyleOptions, IParagraphStylePropertiesOptions, IStylesOptions } from 'docx';
import type { FontMap } from '../../../shared/settings.ts';
import { runOptions, type Look } from './runs.ts';

export interface StyleSpec {
  id: string;
  name: string;
  look: Look;
  paragraph?: IParagraphStylePropertiesOptions;
  /** A heading of this level (1–4): based on Word's Heading N, with its outline level, so the navigation pane, a TOC and pandoc find it. */
  heading?: 1 | 2 | 3 | 4 | 5;
}

const HEADING_LEVELS = [1, 2, 3, 4, 5] as const;

export function paragraphStyle(fonts: FontMap, spec: StyleSpec): IParagraphStyleOptions {
  const { font, size, sizeComplexScript, language, bold, boldComplexScript, color, characterSpacing } = runOptions(fonts, spec.look);
  return {
    id: spec.id,
    name: spec.name,
    basedOn: spec.heading ? `Heading${spec.heading}` : 'Normal',
    quickFormat: true,
    run: { font, size, sizeComplexScript, language, bold, boldComplexScript, color, characterSpacing },
    paragraph: { ...spec.paragraph, ...(spec.heading ? { outlineLevel: spec.heading - 1, keepNext: true } : {}) },
  };
}

/** Document defaults in the body face, plus the template's styles. */
export function stylesOf(fonts: FontMap, body: Look, specs: readonly StyleSpec[]): IStylesOptions {
  const { font, size, sizeComplexScript, language } = runOptions(fonts, body);
  // Word's Heading 1–5 in the body face, black, with their outline levels: docx's own are blue
  // Calibri-sized, and a template heading based on one would inherit what it does not set.
  const heading = (level: number) => ({ run: { font, size, sizeComplexScript, language, color: '000000' }, paragraph: { outlineLevel: level - 1, keepNext: true } });
  return {
    default: {
      document: { run: { font, size, sizeComplexScript, language } },
      ...Object.fromEntries(HEADING_LEVELS.map((n) => [`heading${n}`, heading(n)])),
    },
    paragraphStyles: specs.map((s) => paragraphStyle(fonts, s)),
  };
}

/**
 * A first-line indent of two characters. Word and WPS read firstLineChars and follow the font size;
 * LibreOffice (7.x) reads only the twips, so both are written.
 */
export function twoCharIndent(size: number): { firstLine: number; firstLineChars: number } {
  return { firstLine: size * 20, firstLineChars: 200 };
}
