// Which font names a run or style carries. Word picks the font per character class: eastAsia for
// Chinese, ascii/hAnsi for digits and Latin, cs for complex scripts. Naming all four everywhere
// keeps Word, WPS and LibreOffice from filling a gap with a font of their own choosing.
import type { FontMap, FontRole } from '../../../shared/settings.ts';

export interface RunFonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
  /** Ambiguous characters (“ ” — …) go to the Chinese face, so quotes and dashes are full-width. */
  hint: 'eastAsia';
}

/** Chinese in the role's face, digits and Latin in the latin role's face. */
export function runFonts(fonts: FontMap, role: FontRole): RunFonts {
  const latin = fonts.latin.primary;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: fonts[role].primary, hint: 'eastAsia' };
}

/** One face for every character: for text that must not mix faces, like the bulletin's page number. */
export function singleFont(fonts: FontMap, role: FontRole): RunFonts {
  const name = fonts[role].primary;
  return { ascii: name, hAnsi: name, cs: name, eastAsia: name, hint: 'eastAsia' };
}

/** Without an East Asian language Word and WPS may set Chinese text in a Japanese face. */
export const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

/** Digits and Latin text, as Word tags them: a figure is then one word that never breaks across lines. */
export const LATIN_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** A Chinese ellipsis tagged English throughout, so LibreOffice keeps it whole at a line's end (shared/print-layout/script.ts ELLIPSIS). */
export const ELLIPSIS_LANGUAGE = { value: 'en-US', eastAsia: 'en-US' } as const;
