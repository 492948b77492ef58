// THE catalogue function that finds an indicator by what a person or a document calls it. Every
// name lookup goes through here — an imported table's rows, a block pasted with a name column, the
// article extraction, the CLI's --indicator — so an alias added once is understood everywhere.
//
// A text matches, in this order: an indicator's name exactly; its code (E01, case-insensitive); an
// alias exactly; then the normalised forms of names, aliases and English names (normalizeName:
// full-width and blanks, 其中： and list numbering, quotes, a trailing bracketed unit). Two
// indicators never share a normalised name or alias (aliases are keyed by it), so a match is unique.

import type { Indicator } from '../../shared/model.ts';
import { toIndicator, type IndicatorRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';

/**
 * The form names are compared in: full-width to half-width, lower case, no blanks; 其中：, list
 * numbering (一、 （1） 1.) and quotes dropped; a trailing unit in brackets dropped (本期值(亿元) is
 * the name's column, 地区生产总值（亿元） the name).
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/^其中[:：]?\s*/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\(\s*[一二三四五六七八九十\d]+\s*\)|\d+(?:\.\d+)*[、.)]?\s+|\d+[、)])\s*/, '')
    .replace(/[“”‘’"'《》「」]/g, '')
    .replace(/\s+/g, '')
    .replace(/[([【][^)\]】]*[)\]】]$/, '')
    .toLowerCase();
}

export type MatchedBy = 'name' | 'code' | 'alias' | 'normalised';

export interface IndicatorMatch {
  indicator: Indicator & { pk: number };
  by: MatchedBy;
}

/**
 * The catalogue read once, for many lookups (an import's rows, a pasted column). Build one per
 * operation: it is a snapshot, and a later catalogue edit is not seen by an older matcher.
 */
export class IndicatorMatcher {
  private readonly byName = new Map<string, Indicator & { pk: number }>();
  private readonly byCode = new Map<string, Indicator & { pk: number }>();
  private readonly byAlias = new Map<string, Indicator & { pk: number }>();
  private readonly byNorm = new Map<string, Indicator & { pk: number }>();

  constructor(db: Db) {
    const byPk = new Map<number, Indicator & { pk: number }>();
    for (const r of db.prepare('SELECT * FROM indicators ORDER BY pk').all() as IndicatorRow[]) {
      const ind = { ...toIndicator(r), pk: r.pk };
      byPk.set(r.pk, ind);
      this.byName.set(ind.name, ind);
      this.byCode.set(ind.code.toUpperCase(), ind);
      this.byNorm.set(normalizeName(ind.name), ind);
    }
    // English names last: a Chinese name or alias wins a clash with one.
    const aliases = db.prepare('SELECT norm, alias, indicator FROM indicator_aliases').all() as { norm: string; alias: string; indicator: number }[];
    for (const a of aliases) {
      const ind = byPk.get(a.indicator);
      if (!ind) continue;
      this.byAlias.set(a.alias, ind);
      if (!this.byNorm.has(a.norm)) this.byNorm.set(a.norm, ind);
    }
    for (const ind of byPk.values()) {
      if (!ind.nameEn) continue;
      const n = normalizeName(ind.nameEn);
      if (!this.byNorm.has(n)) this.byNorm.set(n, ind);
    }
  }

  match(text: string): IndicatorMatch | null {
    const t = text.trim();
    if (t === '') return null;
    const name = this.byName.get(t);
    if (name) return { indicator: name, by: 'name' };
    const code = this.byCode.get(t.normalize('NFKC').toUpperCase());
    if (code) return { indicator: code, by: 'code' };
    const alias = this.byAlias.get(t);
    if (alias) return { indicator: alias, by: 'alias' };
    const norm = this.byNorm.get(normalizeName(t));
    return norm ? { indicator: norm, by: 'normalised' } : null;
  }
}

/** One text, one lookup: the indicator it names (by name, code, alias or normalised form), or null. */
export function matchIndicator(db: Db, text: string): IndicatorMatch | null {
  return new IndicatorMatcher(db).match(text);
}
