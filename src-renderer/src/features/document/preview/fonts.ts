// The preview names the same fonts the Word export will (settings.fonts): each role's choice, its
// fallback, then faces found on most machines, so the page looks right without the GB fonts too.
import type { FontMap, FontRole } from '../../../../../src-main/shared/settings.ts';

const GENERIC: Record<FontRole, string> = {
  xiaobiaosong: "'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif",
  fangsong: "'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif",
  kaiti: "'KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'Source Han Serif SC', serif",
  heiti: "'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  songti: "'SimSun', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif",
  // No generic family here: the Latin face comes first in a stack, and a generic would take the
  // Chinese characters too before the CJK face after it is tried.
  latin: "'Times New Roman', 'Liberation Serif', 'Tinos'",
};

const VAR: Record<FontRole, string> = {
  xiaobiaosong: '--pv-xbs',
  fangsong: '--pv-fs',
  kaiti: '--pv-kai',
  heiti: '--pv-hei',
  songti: '--pv-song',
  latin: '--pv-latin',
};

const quote = (name: string) => `'${name.replace(/['\\]/g, '')}'`;

/** CSS custom properties for the preview's font roles. */
export function fontVars(fonts: FontMap | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const role of Object.keys(VAR) as FontRole[]) {
    const choice = fonts?.[role];
    out[VAR[role]] = [choice && quote(choice.primary), choice && quote(choice.fallback), GENERIC[role]].filter(Boolean).join(', ');
  }
  return out;
}
