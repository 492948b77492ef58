// The store's own units and qualifiers, put where every lookup reads them (shared/figure/units.ts and
// qualifiers.ts keep one list each: the built-in ones followed by the open store's). Loaded when a
// store is opened and again after anything that may change them: adding one, a catalogue import,
// undo and redo.

import { AppError } from '../../shared/errors.ts';
import { div, fromDecimal, mul, type Rational } from '../../shared/figure/exact.ts';
import { factorText, parseFactorText, setStoreUnits, unitDef, type Dimension, type UnitDef } from '../../shared/figure/units.ts';
import { isQualifier, qualifierOfWord, setStoreQualifiers, type QualifierDef, type QualifierMeaning, type QualifierPlace } from '../../shared/figure/qualifiers.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';

export interface UnitRow {
  code: string;
  dimension: Dimension;
  factor: string;
  en: string | null;
  created_at: string;
}

export interface QualifierRow {
  code: string;
  meaning: QualifierMeaning;
  at: QualifierPlace;
  en: string | null;
  created_at: string;
}

export function storeUnits(db: Db): UnitDef[] {
  const rows = db.prepare('SELECT * FROM units ORDER BY created_at, code').all() as UnitRow[];
  return rows.flatMap((r) => {
    const factor = parseFactorText(r.factor);
    return factor ? [{ code: r.code, dimension: r.dimension, factor, en: r.en ?? r.code }] : [];
  });
}

export function storeQualifiers(db: Db): QualifierDef[] {
  const rows = db.prepare('SELECT * FROM qualifiers ORDER BY created_at, code').all() as QualifierRow[];
  return rows.map((r) => ({ code: r.code, meaning: r.meaning, at: r.at, en: r.en ?? r.code }));
}

export function loadFigureWords(db: Db): void {
  setStoreUnits(storeUnits(db));
  setStoreQualifiers(storeQualifiers(db));
}

/** "0.01 平方公里", "1 亿元", "1/15 公顷": an exact amount of a known unit. */
export function parseEquals(text: string): { amount: Rational; unit: UnitDef } {
  const m = /^\s*(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+))?\s*(\S+)\s*$/.exec(text.normalize('NFKC'));
  if (!m) throw new AppError('UNIT_FACTOR_INVALID', { text });
  const amount = m[2] === undefined ? fromDecimal(m[1]!) : div(fromDecimal(m[1]!), fromDecimal(m[2]));
  if (amount.num <= 0n) throw new AppError('UNIT_FACTOR_INVALID', { text });
  const unit = unitDef(m[3]!);
  if (!unit) throw new AppError('UNIT_UNKNOWN', { unit: m[3]! });
  return { amount, unit };
}

export interface NewUnit {
  code: string;
  /** What one of it is, in a unit the store knows: "0.01 平方公里". */
  equals: string;
  en?: string | null | undefined;
}

/**
 * A unit of the store's own, in the dimension of the unit it is defined by, with its exact factor
 * (万平方米 = 0.01 平方公里 is 1/100 of the base 平方公里). Its name must not be read as something else:
 * no digits or blanks, not a qualifier, not a unit already known.
 */
export function addUnit(ctx: CoreContext, log: ChangeLog, n: NewUnit): UnitDef {
  const code = n.code.normalize('NFKC').trim();
  if (!code) throw new AppError('NAME_REQUIRED', { field: 'unit' });
  if (code.length > 10) throw new AppError('TEXT_TOO_LONG', { field: 'unit', max: 10 });
  if (/[\d\s.%]/.test(code) || qualifierOfWord(code)) throw new AppError('UNIT_NAME_INVALID', { unit: code });
  if (unitDef(code)) throw new AppError('DUPLICATE_NAME', { what: 'unit', name: code });
  const { amount, unit } = parseEquals(n.equals);
  const factor = mul(amount, unit.factor);
  const row: UnitRow = { code, dimension: unit.dimension, factor: factorText(factor), en: n.en?.trim() || null, created_at: new Date().toISOString() };
  ctx.db.prepare('INSERT INTO units (code, dimension, factor, en, created_at) VALUES (@code, @dimension, @factor, @en, @created_at)').run(row);
  log.record('unit', code, null, { ...row });
  return { code, dimension: unit.dimension, factor, en: row.en ?? code };
}

export interface NewQualifier {
  code: string;
  meaning: QualifierMeaning;
  at: QualifierPlace;
  en?: string | null | undefined;
}

/**
 * A qualifier of the store's own (超过 kept as written rather than as 超): what it says about the
 * number (below, about, above, at least) and where copy writes it.
 */
export function addQualifier(ctx: CoreContext, log: ChangeLog, n: NewQualifier): QualifierDef {
  const code = n.code.normalize('NFKC').trim();
  if (!code) throw new AppError('NAME_REQUIRED', { field: 'qualifier' });
  if (code.length > 6) throw new AppError('TEXT_TOO_LONG', { field: 'qualifier', max: 6 });
  if (/[\d\s.%]/.test(code) || unitDef(code)) throw new AppError('QUALIFIER_INVALID', { text: code, code: unitDef(code)?.code ?? '' });
  if (isQualifier(code)) throw new AppError('DUPLICATE_NAME', { what: 'qualifier', name: code });
  const row: QualifierRow = { code, meaning: n.meaning, at: n.at, en: n.en?.trim() || null, created_at: new Date().toISOString() };
  ctx.db.prepare('INSERT INTO qualifiers (code, meaning, at, en, created_at) VALUES (@code, @meaning, @at, @en, @created_at)').run(row);
  log.record('qualifier', code, null, { ...row });
  return { code, meaning: n.meaning, at: n.at, en: row.en ?? code };
}
