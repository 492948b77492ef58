// Units a value may be reported in. A value is stored in the unit it was reported in; conversion
// happens only when two values are compared or presented, and only within one dimension
// (money never converts across currencies).

export type Dimension = 'cny' | 'usd' | 'area' | 'count' | 'percent' | 'workdays';

export interface UnitDef {
  code: string;
  dimension: Dimension;
  /** Size of one unit in the dimension's base unit (元, 美元, 平方公里, 1, %, 工作日). */
  factor: number;
  en: string;
}

export const UNITS: readonly UnitDef[] = [
  { code: '元', dimension: 'cny', factor: 1, en: 'yuan' },
  { code: '千元', dimension: 'cny', factor: 1e3, en: 'thousand yuan' },
  { code: '万元', dimension: 'cny', factor: 1e4, en: '10k yuan' },
  { code: '亿元', dimension: 'cny', factor: 1e8, en: '100M yuan' },
  { code: '美元', dimension: 'usd', factor: 1, en: 'USD' },
  { code: '万美元', dimension: 'usd', factor: 1e4, en: '10k USD' },
  { code: '亿美元', dimension: 'usd', factor: 1e8, en: '100M USD' },
  { code: '平方公里', dimension: 'area', factor: 1, en: 'km²' },
  { code: '公顷', dimension: 'area', factor: 0.01, en: 'ha' },
  { code: '亩', dimension: 'area', factor: 1 / 1500, en: 'mu' },
  { code: '个', dimension: 'count', factor: 1, en: 'items' },
  { code: '户', dimension: 'count', factor: 1, en: 'firms' },
  { code: '家', dimension: 'count', factor: 1, en: 'firms' },
  { code: '项', dimension: 'count', factor: 1, en: 'items' },
  { code: '件', dimension: 'count', factor: 1, en: 'pieces' },
  { code: '次', dimension: 'count', factor: 1, en: 'times' },
  { code: '场次', dimension: 'count', factor: 1, en: 'events' },
  { code: '人', dimension: 'count', factor: 1, en: 'persons' },
  { code: '名', dimension: 'count', factor: 1, en: 'persons' },
  { code: '%', dimension: 'percent', factor: 1, en: '%' },
  { code: '工作日', dimension: 'workdays', factor: 1, en: 'working days' },
];

const byCode = new Map(UNITS.map((u) => [u.code, u]));

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

/** Factor that turns an amount in `from` into an amount in `to`, or null when they don't convert. */
export function conversionFactor(from: string, to: string): number | null {
  const a = byCode.get(from);
  const b = byCode.get(to);
  if (!a || !b || a.dimension !== b.dimension) return null;
  return a.factor / b.factor;
}
