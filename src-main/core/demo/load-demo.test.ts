import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import demo from '../../../resources/demo/demo-store.json' with { type: 'json' };
import { figureText } from '../../shared/figure/qualifiers.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { readGrid } from '../values/grid.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

function figure(park: string, period: string, name: string, kind: 'actual' | 'target' = 'actual') {
  const { parkId, periodId } = s.ids(park, period);
  const c = readGrid(s.ctx.db, parkId, periodId, kind).rows.find((r) => r.indicator.name === name)?.current;
  if (!c) return null;
  return c.value === null ? `增长${figureText(c.growth!, '%', c.qualifier)}` : (c.baseline ? `${c.baseline}→` : '') + figureText(c.value, c.unit, c.qualifier);
}

describe('the demo store', () => {
  it('holds every figure of the demo file, each as the article writes it', () => {
    for (const v of demo.values) {
      const got = figure(v.park, v.period, v.indicator, v.kind as 'actual' | 'target');
      expect(got, `${v.park} ${v.period} ${v.indicator}`).not.toBeNull();
    }
    expect(demo.values.length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['楚雄高新区', '2022', '地区生产总值', 'actual', '333.52亿元'],
    ['楚雄高新区', '2022', '接待客商人数', 'actual', '569余人'],
    ['楚雄高新区', '2022', '一般社会投资项目审批时限', 'actual', '35→5工作日'],
    ['楚雄高新区', '2022', '新材料产业产值', 'actual', '248.11亿元'],
    ['昆明高新区', '2017', '园区总收入', 'actual', '突破2000亿元'],
    ['昆明高新区', '2017', '特色产业收入占园区总收入比重', 'actual', '近80%'],
    ['昆明高新区', '2017', '实际利用外资', 'actual', '9194.35万美元'],
    ['昆明高新区', '2017', '进出口总额', 'actual', '16.5亿美元'],
    ['昆明高新区', '2017', '社会消费品零售总额', 'actual', '增长12.9%'],
    ['昆明高新区', '2018M1-4', '实际利用外资', 'actual', '1512万美元'],
    ['昆明高新区', '2018', '科技进步贡献率', 'target', '56%'],
    ['昆明高新区', '2018', '新增高新技术企业数', 'target', '不少于20户'],
    ['昆明高新区', '2018', '引进内资', 'target', '增长10%左右'],
  ] as const)('%s %s %s (%s) reads %s', (park, period, name, kind, want) => {
    expect(figure(park, period, name, kind)).toBe(want);
  });

  it('keeps the article sentence as each figure\'s source note', () => {
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    const gdp = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === '地区生产总值')!;
    expect(gdp.current?.source).toContain('2022 年全区实现地区生产总值 333.52亿元');
  });
});
