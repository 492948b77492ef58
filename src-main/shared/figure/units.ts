// Units a value may be reported in. A value is stored in the unit it was reported in; conversion
// happens only when two values are compared or presented, and only within one dimension
// (money never converts across currencies). Factors are exact ratios: 亩 is 1/1500 平方公里, which
// no binary float holds.
//
// The built-in units are a closed list; a store may add its own (万平方米 = 0.01 平方公里), kept in
// its `units` table. Both are one lookup: `UNITS` and every function here read the built-in list
// followed by the store's, which the host loads when it opens a store and after every change to it
// (core/catalog/figure-words.ts; the renderer from catalog.get). One store per process at a time,
// as every host opens one.

import { div, ONE, type Rational } from './exact.ts';

export type Dimension = 'cny' | 'usd' | 'area' | 'count' | 'percent' | 'workdays';

export interface UnitDef {
  code: string;
  dimension: Dimension;
  /** Size of one unit in the dimension's base unit (元, 美元, 平方公里, 1, %, 工作日), exactly. */
  factor: Rational;
  en: string;
}

const ratio = (num: bigint, den = 1n): Rational => ({ num, den });

export const BUILTIN_UNITS: readonly UnitDef[] = [
  { code: '元', dimension: 'cny', factor: ONE, en: 'yuan' },
  { code: '千元', dimension: 'cny', factor: ratio(10n ** 3n), en: 'thousand yuan' },
  { code: '万元', dimension: 'cny', factor: ratio(10n ** 4n), en: '10k yuan' },
  { code: '亿元', dimension: 'cny', factor: ratio(10n ** 8n), en: '100M yuan' },
  { code: '美元', dimension: 'usd', factor: ONE, en: 'USD' },
  { code: '万美元', dimension: 'usd', factor: ratio(10n ** 4n), en: '10k USD' },
  { code: '亿美元', dimension: 'usd', factor: ratio(10n ** 8n), en: '100M USD' },
  { code: '平方公里', dimension: 'area', factor: ONE, en: 'km²' },
  { code: '公顷', dimension: 'area', factor: ratio(1n, 100n), en: 'ha' },
  { code: '亩', dimension: 'area', factor: ratio(1n, 1500n), en: 'mu' },
  { code: '个', dimension: 'count', factor: ONE, en: 'items' },
  { code: '户', dimension: 'count', factor: ONE, en: 'firms' },
  { code: '家', dimension: 'count', factor: ONE, en: 'firms' },
  { code: '项', dimension: 'count', factor: ONE, en: 'items' },
  { code: '件', dimension: 'count', factor: ONE, en: 'pieces' },
  { code: '次', dimension: 'count', factor: ONE, en: 'times' },
  { code: '场次', dimension: 'count', factor: ONE, en: 'events' },
  { code: '人', dimension: 'count', factor: ONE, en: 'persons' },
  { code: '名', dimension: 'count', factor: ONE, en: 'persons' },
  // 接待游客120万人次: a count of visits, not of people — kept apart from 人 so the two never mix.
  { code: '人次', dimension: 'count', factor: ONE, en: 'person-times' },
  { code: '%', dimension: 'percent', factor: ONE, en: '%' },
  { code: '工作日', dimension: 'workdays', factor: ONE, en: 'working days' },
];

/** Every unit: the built-in ones, then the open store's own. A live binding: it changes with the store. */
export let UNITS: readonly UnitDef[] = BUILTIN_UNITS;
let byCode = new Map(UNITS.map((u) => [u.code, u]));
let version = 0;

/** Bumped whenever the store's units change, for lookups built from them (the parser's unit words). */
export function unitsVersion(): number {
  return version;
}

/** The open store's own units, replacing the previous store's; a built-in code is never replaced. */
export function setStoreUnits(units: readonly UnitDef[]): void {
  UNITS = [...BUILTIN_UNITS, ...units.filter((u) => !BUILTIN_UNITS.some((b) => b.code === u.code))];
  byCode = new Map(UNITS.map((u) => [u.code, u]));
  version++;
}

export function isBuiltinUnit(code: string): boolean {
  return BUILTIN_UNITS.some((u) => u.code === code);
}

/** An exact factor as stored and sent: "num/den" in lowest terms. */
export function factorText(r: Rational): string {
  let [a, b] = [r.num < 0n ? -r.num : r.num, r.den];
  while (b) [a, b] = [b, a % b];
  return `${r.num / a}/${r.den / a}`;
}

export function parseFactorText(s: string): Rational | null {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(s);
  return m ? { num: BigInt(m[1]!), den: BigInt(m[2]!) } : null;
}

export function unitDef(code: string): UnitDef | undefined {
  return byCode.get(code);
}

/** Units a value of an indicator whose catalogue unit is `indicatorUnit` may be reported in. */
export function compatibleUnits(indicatorUnit: string): UnitDef[] {
  const base = byCode.get(indicatorUnit);
  if (!base) return [];
  const dims: Dimension[] = base.dimension === 'cny' || base.dimension === 'usd' ? ['cny', 'usd'] : [base.dimension];
  return UNITS.filter((u) => dims.includes(u.dimension));
}

/** The exact ratio that turns an amount in `from` into an amount in `to`, or null when they don't convert. */
export function conversionRatio(from: string, to: string): Rational | null {
  const a = byCode.get(from);
  const b = byCode.get(to);
  if (!a || !b || a.dimension !== b.dimension) return null;
  return from === to ? ONE : div(a.factor, b.factor);
}

/** Powers of ten between two units (万元 → 亿元 is -4), for choosing places; null when they don't convert. */
export function decimalShift(from: string, to: string): number | null {
  const r = conversionRatio(from, to);
  return r === null ? null : Math.round(Math.log10(Number(r.num) / Number(r.den)));
}

/** The unit as copy writes it after a number: '工作日' → '个工作日' ("5个工作日"); others unchanged. */
export function unitText(unit: string): string {
  return unit === '工作日' ? '个工作日' : unit;
}
