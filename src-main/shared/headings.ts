// Column headings of a table, matched the way people write them: 指标名称 or 名称 or Indicator;
// 同比增长(%) or 同比增长（%） or 增速; blanks and line breaks anywhere. One table for the import of a
// plain table (core/imports) and a block pasted into the grid with its heading row, so a column an
// import takes is a column a paste takes.

export type Role = 'name' | 'code' | 'unit' | 'value' | 'qualifier' | 'growth' | 'source' | 'baseline' | 'previous' | 'status';

const LABELS: Record<Role, readonly string[]> = {
  name: ['指标名称', '指标', '名称', '指标名', '项目', '项目名称', '指标项目', 'indicator', 'name', 'indicatorname', 'item'],
  code: ['代码', '编码', '指标代码', '指标编码', '代号', 'code', 'indicatorcode'],
  unit: ['计量单位', '单位', 'unit', 'units'],
  value: ['本期', '本期值', '本期数', '本期数值', '数值', '值', '数据', '本期实际', '实际', '实际值', '目标值', '目标', '本年', '本年累计', '累计', 'value', 'amount', 'current', 'figure', 'target'],
  qualifier: ['限定词', '修饰词', '限定', 'qualifier'],
  growth: ['同比增长', '同比增长率', '同比', '同比增速', '增速', '增长率', '增幅', '比上年增长', '比上年同期增长', 'growth', 'yoy', 'yoygrowth', 'growthrate'],
  source: ['备注', '来源', '来源备注', '说明', '数据来源', 'note', 'notes', 'source', 'remark', 'remarks', 'comment'],
  // The "before" of a before/after pair (审批时限由35个工作日缩短为5个工作日).
  baseline: ['改革前', '原值', '改革前数值', '压缩前', 'before', 'baseline'],
  // Last year's figure lives in last year's period: a column of it is recognised so as not to take it for 本期.
  previous: ['上年同期', '上年同期值', '上年同期数', '去年同期', '上年', 'previous', 'lastyear'],
  status: ['状态', '审核状态', '核实状态', 'status'],
};

/** Full-width to half-width, lower case, no blanks; "(…)" units and markers dropped as a second try. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

const BY_LABEL = new Map<string, Role>();
for (const [role, labels] of Object.entries(LABELS) as [Role, readonly string[]][]) for (const l of labels) BY_LABEL.set(normalizeLabel(l), role);

/**
 * The role of a heading, or null. `extraValue` are further headings that mean "the value" — the
 * chosen period written as 2022, 2022年 or 2018年1—4月, as tables often head their figure column.
 */
export function headerRole(text: string, extraValue: ReadonlySet<string> = new Set()): Role | null {
  const n = normalizeLabel(text);
  if (n === '') return null;
  const direct = BY_LABEL.get(n) ?? (extraValue.has(n) ? 'value' : undefined);
  if (direct) return direct;
  // 本期值(亿元), 同比增长(%), 数值【万元】, value (CNY) …
  const bare = n.replace(/[([{【][^)\]}】]*[)\]}】]/g, '').replace(/[:：*]+$/, '');
  if (bare !== n && bare !== '') return BY_LABEL.get(bare) ?? (extraValue.has(bare) ? 'value' : null);
  return null;
}
