import { describe, expect, it } from 'vitest';
import { describeChart } from './describe.ts';
import type { ChartFigure, ChartIndicator, RankData, TrendData } from './model.ts';
import { APPROX_DECAL, TARGET_KEY } from './style.ts';

const GDP: ChartIndicator = { id: 'gdp', name: '地区生产总值', unit: '亿元', decimals: 2, kind: 'amount' };
const SHARE: ChartIndicator = { id: 'share', name: '高新技术产业产值占比', unit: '%', decimals: 1, kind: 'percent' };
const FIRMS: ChartIndicator = { id: 'firms', name: '高新技术企业数', unit: '户', decimals: 0, kind: 'count' };
const DAYS: ChartIndicator = { id: 'days', name: '审批时限', unit: '工作日', decimals: 0, kind: 'duration' };
const fig = (value: string | null, unit: string, qualifier: string | null = null, growth: string | null = null): ChartFigure => ({ value, unit, qualifier, growth });
const periods = ['2019', '2020', '2021', '2022'].map((key) => ({ id: key, key, label: `${key}年` }));
const park = { id: 'p', name: '楚雄高新区' };
type LegendEntry = string | { name: string; icon: string };
const legendOf = (option: unknown): LegendEntry[] => (option as { legend: { data: LegendEntry[] } }).legend.data;
const legendNames = (option: unknown): string[] => legendOf(option).map((e) => (typeof e === 'string' ? e : e.name));

function trend(indicator: ChartIndicator, figures: (ChartFigure | null)[], extra: Partial<TrendData['series'][number]> = {}): TrendData {
  const none = figures.map(() => null);
  return { kind: 'trend', park, periods, rounding: 'half-up', series: [{ indicator, figures, previous: none, targets: none, ...extra }] };
}

type Item = { value: number | null; label: { formatter: string }; itemStyle: { decal?: unknown } };
const seriesOf = (o: unknown) => (o as { series: { type: string; name: string; data: Item[]; yAxisIndex?: number }[] }).series;
const axesOf = (o: unknown) => (o as { yAxis: { name: string }[] }).yAxis;

describe('chart descriptions', () => {
  it('draws every figure in the indicator unit, converted exactly, labelled at most with its places', () => {
    const d = describeChart(trend(GDP, [fig('6950', '万元'), fig('300.1', '亿元'), fig('3335200', '万元'), fig('333.525', '亿元')]));
    const bars = seriesOf(d.option)[0]!.data;
    expect(bars.map((b) => b.value)).toEqual([0.695, 300.1, 333.52, 333.525]);
    expect(bars.map((b) => b.label.formatter)).toEqual(['0.70', '300.1', '333.52', '333.53']);
    expect(axesOf(d.option)[0]!.name).toBe('亿元');
  });

  it('leaves a period without a figure as a gap, in the bars and in the 同比 line', () => {
    const d = describeChart(trend(GDP, [fig('100', '亿元'), null, fig('120', '亿元'), fig('132', '亿元')], { previous: [null, null, null, fig('120', '亿元')] }));
    const [bars, growth] = seriesOf(d.option);
    expect(bars!.data.map((b) => b.value)).toEqual([100, null, 120, 132]);
    expect(growth!.data.map((g) => g.value)).toEqual([null, null, null, 10]);
    expect(growth!.yAxisIndex).toBe(1);
  });

  it('names the periods in the chart language: the labels the store holds are Chinese', () => {
    const halves = [
      { id: 'a', key: '2018M1-6', label: '2018年1—6月' },
      { id: 'b', key: '2018Q3', label: '2018年第三季度' },
      { id: 'c', key: '2019', label: '2019年' },
    ];
    const data: TrendData = { ...trend(GDP, [fig('1', '亿元'), null, fig('2', '亿元')]), periods: halves };
    const axis = (o: unknown) => (o as { xAxis: { data: string[] } }).xAxis.data;
    expect(axis(describeChart(data).option)).toEqual(['2018年1—6月', '2018年第三季度', '2019年']);
    expect(axis(describeChart(data, { lang: 'en' }).option)).toEqual(['Jan–Jun 2018', 'Q3 2018', '2019']);
    const compared: TrendData = { ...data, series: [data.series[0]!, { ...data.series[0]!, indicator: { ...GDP, id: 'rev', name: '园区总收入' } }] };
    expect(axis(describeChart(compared, { lang: 'en' }).option)).toEqual(['Jan–Jun 2018', 'Q3 2018', '2019']);
  });

  it('says a chart with nothing to draw is empty on purpose, and only then', () => {
    expect(describeChart(trend(GDP, [null, null, null, null])).notes).toEqual(['所列各项都没有数据，图中为空。']);
    expect(describeChart(trend(GDP, [null, null, null, null]), { lang: 'en' }).notes).toEqual(['No figures for any of these: the chart is empty.']);
    // A growth reported without its figure is drawn (the 同比 line), so the chart is not empty.
    expect(describeChart(trend(GDP, [null, null, null, fig(null, '亿元', null, '8.2')])).notes).toEqual([]);
    // A figure left out for its currency has its own note.
    expect(describeChart(trend(GDP, [null, null, null, fig('16.5', '亿美元')])).notes).not.toContain('所列各项都没有数据，图中为空。');
    expect(describeChart(trend(GDP, [fig('100', '亿元'), null, null, null])).notes).toEqual([]);
  });

  it('marks an approximate figure: hatched bar, labelled 近80, with a note saying what hatching means', () => {
    const d = describeChart(trend(SHARE, [fig('80', '%', '近'), fig('75', '%'), null, null]));
    const bars = seriesOf(d.option)[0]!.data;
    expect(bars[0]!.label.formatter).toBe('近80');
    expect(bars[0]!.itemStyle.decal).toEqual(APPROX_DECAL);
    expect(bars[1]!.itemStyle.decal).toBeUndefined();
    expect(d.notes.join()).toContain('约数');
  });

  it('never computes 同比 from an approximate figure; a reported growth is drawn as reported; a rate changes in 个百分点', () => {
    const d = describeChart(trend(SHARE, [null, null, fig('80', '%', '近'), fig('82.5', '%')], { previous: [null, null, fig('70', '%'), fig('80', '%', '近')] }));
    expect(seriesOf(d.option).map((x) => x.type)).toEqual(['bar']);
    const points = describeChart(trend(SHARE, [null, null, fig('75', '%'), fig('80.5', '%')], { previous: [null, null, fig('70', '%'), fig('75', '%')] }));
    expect(seriesOf(points.option)[1]!.data.map((g) => g.value)).toEqual([null, null, 5, 5.5]);
    expect(axesOf(points.option)[1]!.name).toBe('个百分点');
    const reported = describeChart(trend(GDP, [null, null, null, fig('333.52', '亿元', null, '42.5')]));
    expect(seriesOf(reported.option)[1]!.data[3]!.label.formatter).toBe('42.5');
  });

  it('leaves out a figure in another currency with a note, instead of drawing it in 亿元', () => {
    const d = describeChart(trend(GDP, [fig('16.5', '亿美元'), fig('120', '亿元'), null, null]));
    expect(seriesOf(d.option)[0]!.data.map((b) => b.value)).toEqual([null, 120, null, null]);
    expect(d.notes).toContain('2019年以“亿美元”填报，不换算为“亿元”，图中未列。');
  });

  it('draws targets as markers beside the figures', () => {
    const d = describeChart(trend(FIRMS, [fig('18', '户'), fig('20', '户'), null, null], { targets: [null, fig('20', '户', '不少于'), null, null] }));
    const target = seriesOf(d.option).find((s) => s.type === 'scatter')!;
    expect(target.data.map((t) => t.value)).toEqual([null, 20, null, null]);
    expect(target.data[1]!.label.formatter).toBe('目标不少于20');
    expect(legendOf(d.option)).toContainEqual({ name: '目标', icon: TARGET_KEY.across });
  });

  it('compares indicators on one axis per unit and leaves a third unit out with a note', () => {
    const none = periods.map(() => null);
    const s = (indicator: ChartIndicator, figures: (ChartFigure | null)[]) => ({ indicator, figures, previous: none, targets: none });
    const data: TrendData = {
      kind: 'trend',
      park,
      periods,
      rounding: 'half-up',
      series: [s(GDP, [fig('1', '亿元'), null, null, null]), s(FIRMS, [fig('5', '户'), null, null, null]), s({ ...GDP, id: 'rev', name: '园区总收入' }, [fig('5000', '万元'), null, null, null]), s(SHARE, [fig('3', '%'), null, null, null])],
    };
    const d = describeChart(data);
    const series = seriesOf(d.option);
    expect(series.map((x) => [x.name, x.yAxisIndex])).toEqual([
      ['地区生产总值（亿元）', 0],
      ['高新技术企业数（户）', 1],
      ['园区总收入（亿元）', 0],
    ]);
    expect(series[2]!.data[0]!.value).toBe(0.5);
    expect(d.notes).toContain('高新技术产业产值占比的单位与前两种不同，图中未列。');
  });

  it('marks each compared indicator target on its own bar, labelled, listed in the legend, inside the axis', () => {
    const none = periods.map(() => null);
    const data: TrendData = {
      kind: 'trend',
      park,
      periods,
      rounding: 'half-up',
      series: [
        { indicator: GDP, figures: [null, null, fig('78.13', '亿元'), fig('80', '亿元')], previous: none, targets: [null, null, null, fig('90', '亿元')] },
        { indicator: { ...GDP, id: 'rev', name: '园区总收入' }, figures: [null, null, fig('210', '亿元'), fig('248.11', '亿元')], previous: none, targets: [null, null, null, fig('3500000', '万元', '不少于')] },
      ],
    };
    const d = describeChart(data);
    type Marked = { markPoint?: { data: { coord: [number, number]; label: { formatter: string } }[] }; data: Item[] };
    const [gdp, rev, ...rest] = seriesOf(d.option) as unknown as (ReturnType<typeof seriesOf>[number] & Marked)[];
    expect(gdp!.markPoint!.data.map((m) => [m.coord, m.label.formatter])).toEqual([[[3, 90], '目标90']]);
    expect(rev!.markPoint!.data.map((m) => [m.coord, m.label.formatter])).toEqual([[[3, 350], '目标不少于350']]);
    // The bar a rule crosses carries its figure inside its top.
    expect((rev!.data[3]!.label as { position?: string }).position).toBe('insideTop');
    // Keyed by a line across, as the rule is drawn, not by a scatter's filled box.
    expect(legendOf(d.option)).toContainEqual({ name: '目标', icon: TARGET_KEY.across });
    const stretch = rest.find((x) => x.type === 'scatter' && x.data.length > 0)!;
    expect(stretch.data).toEqual([[3, 90], [3, 350]]);
    const without = describeChart({ ...data, series: data.series.map((x) => ({ ...x, targets: none })) });
    expect(seriesOf(without.option).map((x) => x.type)).toEqual(['bar', 'bar']);
    expect(legendNames(without.option)).not.toContain('目标');
  });

  it('ranks parks best first, shorter approval times first, equal figures sharing a place, parks without a figure last', () => {
    const parks = ['甲', '乙', '丙', '丁'].map((name) => ({ id: name, name }));
    const data: RankData = { kind: 'rank', period: periods[3]!, indicator: DAYS, parks, rounding: 'half-up', previous: parks.map(() => null), figures: [fig('20', '工作日'), null, fig('5', '工作日'), fig('20', '工作日')] };
    const d = describeChart(data);
    expect((d.option as { yAxis: { data: string[] } }).yAxis.data).toEqual(['1. 丙', '2. 甲', '2. 丁', '乙']);
    expect(seriesOf(d.option)[0]!.data.map((b) => b.value)).toEqual([5, 20, 20, null]);
    const money: RankData = { ...data, indicator: GDP, figures: [fig('300', '亿元'), fig('2', '亿美元'), fig('3500000', '万元'), null] };
    const m = describeChart(money);
    expect((m.option as { yAxis: { data: string[] } }).yAxis.data).toEqual(['1. 丙', '2. 甲', '乙', '丁']);
    expect(m.notes).toContain('乙以“亿美元”填报，不换算为“亿元”，图中未列。');
  });

  it('marks each ranked park target on its bar, written after a rule past the bar and before one within it', () => {
    const parks = ['甲', '乙', '丙'].map((name) => ({ id: name, name }));
    const data: RankData = { kind: 'rank', period: periods[3]!, indicator: GDP, parks, rounding: 'half-up', previous: parks.map(() => null), figures: [fig('300', '亿元'), fig('1200', '亿元'), null], targets: [fig('350', '亿元'), fig('1000', '亿元'), fig('200', '亿元')] };
    const d = describeChart(data);
    type Marked = { markPoint: { data: { coord: [number, number]; label: { formatter: string; position: string } }[] }; data: (Item & { label: { position?: string } })[] };
    const [bars, ...rest] = seriesOf(d.option) as unknown as (ReturnType<typeof seriesOf>[number] & Marked)[];
    // Rows: 1. 乙 (1200), 2. 甲 (300), 丙 without a figure.
    expect(bars!.markPoint.data.map((m) => [m.coord, m.label.formatter, m.label.position])).toEqual([
      [[1000, 0], '目标1000', 'left'],
      [[350, 1], '目标350', 'right'],
      [[200, 2], '目标200', 'right'],
    ]);
    expect(bars!.data.map((b) => (b.label as { position?: string }).position)).toEqual([undefined, 'insideRight', undefined]);
    expect(legendOf(d.option)).toEqual([{ name: '目标', icon: TARGET_KEY.upright }]);
    expect(rest.find((x) => x.data.length > 0)!.data).toEqual([[1000, 0], [350, 1], [200, 2]]);
    expect(d.size.height).toBeGreaterThan(describeChart({ ...data, targets: undefined }).size.height);
  });

  it('keeps the plot above a legend that wraps, and draws narrower when asked', async () => {
    const { legendRows } = await import('./frame.ts');
    const names = ['国家级创新基地数（个）', '国家级研发机构数（个）', '省级研发机构数（个）', '院士、专家、博士后工作站数（个）', '众创空间数（个）'];
    expect(legendRows(names.slice(0, 2), 640)).toBe(1);
    expect(legendRows(names, 640)).toBe(2);
    const none = periods.map(() => null);
    const data: TrendData = { kind: 'trend', park, periods, rounding: 'half-up', series: names.map((n, i) => ({ indicator: { ...FIRMS, id: n, name: n.replace('（个）', ''), unit: '个' }, figures: [fig(String(i + 1), '个'), null, null, null], previous: none, targets: none })) };
    const grid = (w: number) => (describeChart(data, { width: w }).option as { grid: { bottom: number } }).grid.bottom;
    expect(grid(640)).toBeGreaterThan((describeChart({ ...data, series: data.series.slice(0, 2) }).option as { grid: { bottom: number } }).grid.bottom);
    expect(describeChart(data, { width: 380 }).size).toEqual({ width: 380, height: 260 });
    expect(grid(380)).toBeGreaterThan(grid(640));
  });

  it('writes axis ticks without grouping commas', async () => {
    const { axisNumber } = await import('./frame.ts');
    expect(axisNumber(3000)).toBe('3000');
    expect(axisNumber(0.1 + 0.2)).toBe('0.3');
  });
});
