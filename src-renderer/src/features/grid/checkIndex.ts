// Which rows a check warning marks, and the text a row's marker explains itself with.
import { checkNote, formatCheck, type CheckWarning } from '../../../../src-main/shared/checks.ts';
import type { Locale } from '../../../../src-main/shared/errors.ts';

/** Warnings by the id of each indicator they involve, in the order the core gave them. */
export function checksByIndicator(checks: readonly CheckWarning[]): Map<string, CheckWarning[]> {
  const out = new Map<string, CheckWarning[]>();
  for (const w of checks) {
    for (const id of new Set(w.indicatorIds)) {
      const list = out.get(id) ?? [];
      list.push(w);
      out.set(id, list);
    }
  }
  return out;
}

/** One line per warning, each followed by the rule's own explanation: a row's tooltip. */
export function markerText(checks: readonly CheckWarning[], locale: Locale): string {
  return checks
    .map((w) => {
      const note = checkNote(w, locale);
      return note ? `${formatCheck(w, locale)}\n${locale === 'en' ? `(${note})` : `（${note}）`}` : formatCheck(w, locale);
    })
    .join('\n\n');
}
