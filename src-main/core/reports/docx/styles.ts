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
}

export function paragraphStyle(fonts: FontMap, spec: StyleSpec): IParagraphStyleOptions {
  const { font, size, sizeComplexScript, language, bold, boldComplexScript, color, characterSpacing } = runOptions(fonts, spec.look);
  return {
    id: spec.id,
    name: spec.name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font, size, sizeComplexScript, language, bold, boldComplexScript, color, characterSpacing },
    paragraph: spec.paragraph ?? {},
  };
}

/** Document defaults in the body face, plus the template's styles. */
export function stylesOf(fonts: FontMap, body: Look, specs: readonly StyleSpec[]): IStylesOptions {
  const { font, size, sizeComplexScript, language } = runOptions(fonts, body);
  return {
    default: { document: { run: { font, size, sizeComplexScript, language } } },
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
