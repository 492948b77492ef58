import { describe, expect, it } from 'vitest';
import { formatCheck } from '../../shared/checks.ts';
import type { MeasureKind } from '../../shared/model.ts';
import { evaluateRules, type Figure, type ScopeFigure } from './evaluate.ts';
import { catalogueOf, compileRule, type CheckIndicator, type RuleRow } from '../catalog/rules.ts';

function indicator(code: string, name: string, unit: string, kind: MeasureKind, extra: Partial<CheckIndicator> = {}): CheckIndicator {
  return { id: `id-${code}`, code, name, nameEn: `${name}-en`, unit, kind, nonNegative: true, integerOnly: kind === 'count', parentCode: null, ...extra };
}

const CATALOGUE = [
  indicator('E01', '地区生产总值', '亿元', 'amount'),
  indicator('E03', '规上工业总产值', '亿元', 'amount'),
  indicator('E04', '规上工业增加值', '亿元', 'amount'),
  indicator('I01', '生物医药产业产值', '亿元', 'amount'),
  indicator('I02', '新材料产业产值', '亿元', 'amount'),
  indicator('I03', '绿色食品产业产值', '亿元', 'amount'),
  indicator('I05', '特色产业收入占园区总收入比重', '%', 'percent'),
  indicator('O01', '进出口总额', '亿元', 'amount'),
  indicator('O02', '出口总额', '亿元', 'amount', { parentCode: 'O01' }),
  indicator('N01', '高新技术企业数', '户', 'count'),
  indicator('N02', '新增高新技术企业数', '户', 'count', { parentCode: 'N01' }),
  indicator('P01', '专利申请量', '件', 'count'),
  indicator('P02', '专利授权量', '件', 'count'),
  indicator('P03', '专利申请和授权量', '项', 'count'),
  indicator('G01', '规划面积', '平方公里', 'area'),
  indicator('G02', '已开发面积', '平方公里', 'area'),
  indicator('X01', '利润总额', '亿元', 'amount', { nonNegative: false }),
  indicator('X02', '其中：利润', '亿元', 'amount', { nonNegative: false }),
];
const CAT = catalogueOf(CATALOGUE);
const BY_CODE = new Map(CATALOGUE.map((i) => [i.code, i]));

function rule(expr: string, kind = 'compare', tolerance: string | null = null): RuleRow {
  return { code: 'R99', kind, expr, tolerance, description: '说明', description_en: 'note', sort: 10, enabled: 1, builtin: 1, created_at: '', updated_at: '' };
}

type F = string | Partial<Figure>;
function fig(f: F, defaultUnit: string): Figure {
  const x = typeof f === 'string' ? { value: f } : f;
  return { value: x.value ?? null, unit: x.unit ?? defaultUnit, qualifier: x.qualifier ?? null, growth: x.growth ?? null };
}

function run(r: RuleRow, current: Record<string, F>, previous: Record<string, F> = {}) {
  const compiled = compileRule(r, CAT);
  if (!('kind' in compiled)) throw new Error(`rule does not compile: ${JSON.stringify(compiled)}`);
  const figures = new Map<string, ScopeFigure>();
  for (const code of new Set([...Object.keys(current), ...Object.keys(previous)])) {
    const ind = BY_CODE.get(code)!;
    figures.set(code, {
      indicator: ind,
      current: current[code] === undefined ? null : fig(current[code]!, ind.unit),
      previous: previous[code] === undefined ? null : fig(previous[code]!, ind.unit),
    });
  }
  return evaluateRules([compiled], figures);
}

const fires = (expr: string, current: Record<string, F>) => run(rule(expr), current).length === 1;

describe('compare rules', () => {
  it.each<[string, Record<string, F>, boolean]>([
    // Exact decimals: no float rounding either way.
    ['E03 >= I01 + I02', { E03: '326.24', I01: '78.13', I02: '248.11' }, false],
    ['E03 >= I01 + I02', { E03: '326.23', I01: '78.13', I02: '248.11' }, true],
    ['E03 >= I01 + I02', { E03: '0.3', I01: '0.1', I02: '0.2' }, false],
    ['E03 > I01', { E03: '5', I01: '5.00' }, true],
    ['E03 < I01', { E03: '5', I01: '5.01' }, false],
    ['P03 = P01 + P02', { P03: '1478', P01: '900', P02: '578' }, false],
    ['P03 = P01 + P02', { P03: '1478', P01: '900', P02: '579' }, true],
    ['P03 = P01 + P02', { P03: '1478', P01: '1500' }, true], // a missing part is ≥ 0: already too much
    ['P03 = P01 + P02', { P03: '1478', P01: '900' }, false], // the missing part may be 578
    ['I05 <= 100', { I05: '100' }, false],
    ['I05 <= 100', { I05: '100.1' }, true],
    ['0 <= I05 <= 100', { I05: '120' }, true],
    // Missing figures never make a warning on their own.
    ['E03 >= I01 + I02 + I03', { I01: '500' }, false],
    ['E03 >= I01 + I02 + I03', { E03: '100' }, false],
    ['E03 >= I01 + I02 + I03', { E03: '100', I02: '120' }, true],
    // A growth-only figure has no value to compare.
    ['E03 >= I01', { E03: { growth: '5' }, I01: '120' }, false],
    // Units convert exactly within a currency…
    ['E03 >= I01', { E03: '1', I01: { value: '10000', unit: '万元' } }, false],
    ['E03 >= I01', { E03: '1', I01: { value: '10000.01', unit: '万元' } }, true],
    ['E03 >= I01', { E03: { value: '99', unit: '千元' }, I01: { value: '10', unit: '万元' } }, true],
    ['E03 >= I01', { E03: { value: '100', unit: '千元' }, I01: { value: '10', unit: '万元' } }, false],
    ['G01 >= G02', { G01: '1', G02: { value: '1500', unit: '亩' } }, false],
    ['G01 >= G02', { G01: '1', G02: { value: '1501', unit: '亩' } }, true],
    // …never across currencies: skipped without a word.
    ['O01 >= children(O01)', { O01: { value: '16.5', unit: '亿美元' }, O02: '200' }, false],
    ['O01 >= children(O01)', { O01: { value: '16.5', unit: '亿美元' }, O02: { value: '17', unit: '亿美元' } }, true],
    ['O01 >= children(O01)', { O01: '16.5', O02: '17' }, true],
    // Qualifiers: only a breach their direction makes certain.
    ['N01 >= N02', { N01: '20', N02: { value: '20', qualifier: '余' } }, true], // 20余 > 20
    ['N01 >= N02', { N01: '20', N02: { value: '20', qualifier: '以上' } }, false], // 以上 includes 20
    ['N01 >= N02', { N01: '20', N02: { value: '21', qualifier: '不少于' } }, true],
    ['N01 >= N02', { N01: '20', N02: { value: '25', qualifier: '近' } }, false], // near 25 may be 19
    ['N01 >= N02', { N01: { value: '25', qualifier: '近' }, N02: '25' }, true], // below 25 < 25
    ['N01 >= N02', { N01: { value: '25', qualifier: '近' }, N02: '24' }, false],
    ['N01 >= N02', { N01: { value: '20', qualifier: '突破' }, N02: '25' }, false],
    ['N01 >= N02', { N01: { value: '20', qualifier: '约' }, N02: '25' }, false],
    ['N01 >= N02', { N01: '20', N02: { value: '25', qualifier: '左右' } }, false],
    ['I05 <= 100', { I05: { value: '100', qualifier: '近' } }, false],
    ['I05 <= 100', { I05: { value: '100', qualifier: '超' } }, true],
    // An indicator that may be negative is unbounded when missing.
    ['X01 >= X02', { X02: '5' }, false],
  ])('%s over %j → %s', (expr, current, expected) => {
    expect(fires(expr, current)).toBe(expected);
  });

  it('words the breach with the figures used', () => {
    const [w] = run(rule('N01 >= children(N01)'), { N01: '20', N02: '25' });
    expect(w).toMatchObject({ rule: 'R99', code: 'CHECK_MORE', indicatorIds: ['id-N02', 'id-N01'] });
    expect(w!.message).toBe('新增高新技术企业数（25户）多于高新技术企业数（20户），请核对');
    expect(formatCheck(w!, 'en')).toBe('新增高新技术企业数-en (25 firms) is more than 高新技术企业数-en (20 firms); please check');
    expect(w!.params).toMatchObject({ note: '说明', noteEn: 'note' });
  });

  it('words a sum with its parts and total, a constant in the indicator unit', () => {
    const [sum] = run(rule('E03 >= I01 + I02 + I03'), { E03: '300', I01: '78.13', I02: '248.11' });
    expect(sum!.message).toBe('生物医药产业产值（78.13亿元）与新材料产业产值（248.11亿元）之和（326.24亿元）大于规上工业总产值（300亿元），请核对');
    expect(sum!.indicatorIds).toEqual(['id-I01', 'id-I02', 'id-E03']);
    const [share] = run(rule('I05 <= 100'), { I05: '120' });
    expect(share!.message).toBe('特色产业收入占园区总收入比重（120%）大于100%，请核对');
    const [approx] = run(rule('E03 >= I01 + I02'), { E03: '300', I01: { value: '78', qualifier: '余' }, I02: '248.11' });
    expect(approx!.message).toBe('生物医药产业产值（78余亿元）与新材料产业产值（248.11亿元）之和大于规上工业总产值（300亿元），请核对');
    const [eq] = run(rule('P03 = P01 + P02'), { P03: '1478', P01: '900', P02: '579' });
    expect(eq!.message).toBe('专利申请和授权量（1478项）不等于专利申请量（900件）与专利授权量（579件）之和（1479项），请核对');
    const [three] = run(rule('E03 >= I01 + I02 + I03'), { E03: '3', I01: '1', I02: '1', I03: '1.5' });
    expect(three!.message).toBe('生物医药产业产值（1亿元）、新材料产业产值（1亿元）与绿色食品产业产值（1.5亿元）之和（3.5亿元）大于规上工业总产值（3亿元），请核对');
  });

  it('converts a sum into the unit of the first figure, keeping each figure as reported', () => {
    const [w] = run(rule('E03 >= I01 + I02'), { E03: '1', I01: { value: '6000', unit: '万元' }, I02: '0.5' });
    expect(w!.message).toBe('生物医药产业产值（6000万元）与新材料产业产值（0.5亿元）之和（1.1亿元）大于规上工业总产值（1亿元），请核对');
  });
});

describe('growth consistency', () => {
  const growth = (tolerance: string | null = '0.15') => rule('*', 'growth', tolerance);

  it('passes a stated rate that matches the previous year within the tolerance', () => {
    // 248.11 / 174.11 − 1 = 42.50 %
    expect(run(growth(), { I02: { value: '248.11', growth: '42.5' } }, { I02: '174.11' })).toEqual([]);
    expect(run(growth(), { I02: { value: '248.11', growth: '42.6' } }, { I02: '174.11' })).toEqual([]);
  });

  it('warns with both rates and the figures used when they differ', () => {
    const [w] = run(growth(), { I02: { value: '248.11', growth: '42.5' } }, { I02: '150' });
    expect(w).toMatchObject({ code: 'CHECK_GROWTH', indicatorIds: ['id-I02'] });
    expect(w!.message).toBe('新材料产业产值填报同比增长42.5%，按本期248.11亿元、上年同期150亿元计算为增长65.41%，相差22.91个百分点，请核对');
    expect(formatCheck(w!, 'en')).toBe(
      '新材料产业产值-en: the reported change is up 42.5%, but 248.11 100M yuan against 150 100M yuan a year earlier gives up 65.41%, 22.91 percentage points apart; please check',
    );
  });

  it('words a fall as 下降 and a share in percentage points', () => {
    const [fall] = run(growth(), { I02: { value: '90', growth: '3' } }, { I02: '100' });
    expect(fall!.message).toContain('填报同比增长3%，按本期90亿元、上年同期100亿元计算为下降10%，相差13个百分点');
    const [share] = run(growth(), { I05: { value: '80', growth: '-2' } }, { I05: '75' });
    expect(share!.message).toBe('特色产业收入占园区总收入比重填报同比降低2个百分点，按本期80%、上年同期75%计算为提高5个百分点，相差7个百分点，请核对');
  });

  it('converts last year into this year’s unit, never across currencies', () => {
    expect(run(growth(), { I02: { value: '11', growth: '10' } }, { I02: { value: '100000', unit: '万元' } })).toEqual([]);
    expect(run(growth(), { I02: { value: '11', growth: '20' } }, { I02: { value: '100000', unit: '万元' } })).toHaveLength(1);
    expect(run(growth(), { O01: { value: '20', growth: '50' } }, { O01: { value: '10', unit: '亿美元' } })).toEqual([]);
  });

  it('allows for the rounding of small figures, which a fixed tolerance alone would not', () => {
    // 0.13 stands for 0.125…0.135 and 0.12 for 0.115…0.125: anything from 0 % to 17.4 % is honest.
    expect(run(growth(), { I02: { value: '0.13', growth: '4.5' } }, { I02: '0.12' })).toEqual([]);
    expect(run(growth(), { I02: { value: '0.13', growth: '17.4' } }, { I02: '0.12' })).toEqual([]);
    expect(run(growth(), { I02: { value: '0.13', growth: '17.6' } }, { I02: '0.12' })).toHaveLength(1);
    expect(run(growth(), { I02: { value: '0.13', growth: '-0.2' } }, { I02: '0.12' })).toHaveLength(1);
    // Counts are exact: 22 against 20 is 10 %, and 10.3 is off by more than 0.15.
    expect(run(growth(), { N01: { value: '22', growth: '10.3' } }, { N01: '20' })).toHaveLength(1);
    expect(run(growth(), { N01: { value: '22', growth: '10.1' } }, { N01: '20' })).toEqual([]);
  });

  it('uses the rule’s tolerance', () => {
    expect(run(growth('1'), { N01: { value: '22', growth: '10.9' } }, { N01: '20' })).toEqual([]);
    expect(run(growth('0'), { N01: { value: '22', growth: '10.01' } }, { N01: '20' })).toHaveLength(1);
  });

  it('checks approximate figures only where their direction makes the breach certain', () => {
    // 余100 against 80 is at least 25 %.
    const [w] = run(growth(), { N01: { value: '100', qualifier: '余', growth: '10' } }, { N01: '80' });
    expect(w!.message).toContain('按本期100余户、上年同期80户计算为至少增长25%');
    expect(run(growth(), { N01: { value: '100', qualifier: '余', growth: '30' } }, { N01: '80' })).toEqual([]);
    expect(run(growth(), { N01: { value: '100', qualifier: '近', growth: '30' } }, { N01: '80' })).toHaveLength(1);
    expect(run(growth(), { N01: { value: '100', qualifier: '约', growth: '99' } }, { N01: '80' })).toEqual([]);
  });

  it('skips what has no honest rate: no previous year, a zero base, a growth-only figure', () => {
    expect(run(growth(), { N01: { value: '22', growth: '99' } })).toEqual([]);
    expect(run(growth(), { N01: { value: '22', growth: '99' } }, { N01: '0' })).toEqual([]);
    expect(run(growth(), { N01: { growth: '99' } }, { N01: '20' })).toEqual([]);
  });

  it('checks only the listed indicators when the rule names them', () => {
    const r = rule('N01, E03', 'growth');
    expect(run(r, { I02: { value: '248.11', growth: '1' } }, { I02: '150' })).toEqual([]);
    expect(run(r, { N01: { value: '22', growth: '1' } }, { N01: '20' })).toHaveLength(1);
  });
});

describe('rules that cannot run', () => {
  it.each<[RuleRow, string]>([
    [rule('E03 >= Z99'), 'UNKNOWN_INDICATOR'],
    [rule('E03 >= children(Z99)'), 'UNKNOWN_INDICATOR'],
    [rule('E03 >='), 'EXPECTED_OPERAND'],
    [rule('N01 >= E03'), 'MIXED_UNITS'],
    [rule('1 <= 2'), 'EXPECTED_CODE'],
    [rule('*', 'growth', 'abc'), 'BAD_TOLERANCE'],
    [rule('*', 'growth', '-1'), 'BAD_TOLERANCE'],
    [rule('E03', 'ratio'), 'UNKNOWN_KIND'],
  ])('%j → %s', (r, code) => {
    expect(compileRule(r, CAT)).toMatchObject({ code });
  });
});
