// Period keys, the one spelling used by the CLI, the store and the UI:
//   2022        the year 2022
//   2022Q3      third quarter of 2022
//   2018M1-4    cumulative January to April 2018 (1—4月); 2018M4 is April alone
// 同比 always compares with the same period of the previous year.

export type PeriodKind = 'year' | 'quarter' | 'months';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  startMonth: number;
  endMonth: number;
}

const RE = /^(\d{4})(?:Q([1-4])|M(\d{1,2})(?:-(\d{1,2}))?)?$/;

export function parsePeriodKey(raw: string): PeriodParts | null {
  const m = RE.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1949 || year > 2100) return null;
  if (m[2]) {
    const q = Number(m[2]);
    return { kind: 'quarter', year, startMonth: q * 3 - 2, endMonth: q * 3 };
  }
  if (m[3]) {
    const a = Number(m[3]);
    const b = m[4] ? Number(m[4]) : a;
    if (a < 1 || b > 12 || a > b) return null;
    return { kind: 'months', year, startMonth: a, endMonth: b };
  }
  return { kind: 'year', year, startMonth: 1, endMonth: 12 };
}

export function periodKey(p: PeriodParts): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}Q${Math.ceil(p.endMonth / 3)}`;
  return p.startMonth === p.endMonth ? `${p.year}M${p.startMonth}` : `${p.year}M${p.startMonth}-${p.endMonth}`;
}

export function previousYearKey(p: PeriodParts): string {
  return periodKey({ ...p, year: p.year - 1 });
}

/** The label a reader sees: 2022年, 2022年第三季度, 2018年1—4月. */
export function periodLabel(p: PeriodParts, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const quarters = ['一', '二', '三', '四'];
  if (locale === 'en') {
    if (p.kind === 'year') return String(p.year);
    if (p.kind === 'quarter') return `Q${Math.ceil(p.endMonth / 3)} ${p.year}`;
    const a = MONTHS_EN[p.startMonth - 1];
    return p.startMonth === p.endMonth ? `${a} ${p.year}` : `${a}–${MONTHS_EN[p.endMonth - 1]} ${p.year}`;
  }
  if (p.kind === 'year') return `${p.year}年`;
  if (p.kind === 'quarter') return `${p.year}年第${quarters[Math.ceil(p.endMonth / 3) - 1]}季度`;
  // GB/T 15835 writes a span of months with an em dash: 1—4月.
  return p.startMonth === p.endMonth ? `${p.year}年${p.startMonth}月` : `${p.year}年${p.startMonth}—${p.endMonth}月`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
