import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runsText } from '../../shared/document.ts';
import { formatProblem } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { testBody } from '../../../test/support/test-body.ts';
import { editValues } from '../values/edit-values.ts';
import { resolveDocument } from './resolve.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const CX = '楚雄高新区';
const KM = '昆明高新区';

function render(park: string, period: string, prose: string, settings: Settings = DEFAULT_SETTINGS) {
  const doc = resolveDocument(s.ctx.db, { ...s.ids(park, period), body: testBody({ lead: [prose] }) }, settings);
  return { text: runsText(doc.lead[0]!), problems: doc.problems, runs: doc.lead[0]! };
}

describe('placeholders filled from the demo store', () => {
  it.each([
    [CX, '2022', '实现地区生产总值{地区生产总值}。', '实现地区生产总值333.52亿元。'],
    [CX, '2022', '新材料产业实现产值{新材料产业产值}，{新材料产业产值|同比}', '新材料产业实现产值248.11亿元，增长42.5%'],
    [CX, '2022', '接待来访客商{接待客商人数}', '接待来访客商569余人'],
    [CX, '2022', '由原来的{一般社会投资项目审批时限|原值}缩短为{一般社会投资项目审批时限}', '由原来的35个工作日缩短为5个工作日'],
    [CX, '2022', '发放“创指贷”贷款{科技型企业“创指贷”发放额}', '发放“创指贷”贷款6950万元'],
    [CX, '2022', '合{科技型企业“创指贷”发放额|亿元}', '合0.70亿元'],
    [CX, '2022', '{地区生产总值|数值}', '333.52'],
    [CX, '2022', '{{原样}}{地区生产总值}', '{原样}333.52亿元'],
    [CX, '2022', '全角｛地区生产总值｝', '全角333.52亿元'],
    [KM, '2017', '园区总收入{园区总收入}', '园区总收入突破2000亿元'],
    [KM, '2017', '规模以上工业增加值增速{规上工业增加值|增速}', '规模以上工业增加值增速14.2%'],
    [KM, '2017', '社会消费品零售总额{社会消费品零售总额|同比}', '社会消费品零售总额增长12.9%'],
    [KM, '2017', '外贸进出口总额{进出口总额}', '外贸进出口总额16.5亿美元'],
    [KM, '2017', '占园区总收入的{特色产业收入占园区总收入比重}', '占园区总收入的近80%'],
    [KM, '2017', '今年1—4月实际到位内资{引进内资@2018年1—4月}、外资{实际利用外资@2018M1-4}', '今年1—4月实际到位内资45.5亿元、外资1512万美元'],
    [KM, '2017', '确保科技进步贡献率达到{科技进步贡献率@2018|目标}，新增高新技术企业{新增高新技术企业数@2018|目标}', '确保科技进步贡献率达到56%，新增高新技术企业不少于20户'],
    [KM, '2017', '引进内外资比上年分别{引进内资@2018|目标|同比}', '引进内外资比上年分别增长10%左右'],
    [KM, '2017', '由{园区本级事前审批时间|原值}压缩为{园区本级事前审批时间}', '由176个工作日压缩为28个工作日'],
    [KM, '2017', '形成固定资产投资{固定资产投资@2018|目标|增速}', '形成固定资产投资30%以上'],
    [CX, '2022', '{知识产权信息公共服务网点数|家}机构', '3家机构'],
  ])('%s %s: %s', (park, period, prose, expected) => {
    const r = render(park, period, prose);
    expect(r.problems).toEqual([]);
    expect(r.text).toBe(expected);
  });

  it('marks figures as figures and keeps the placeholder they came from, and the figure\'s source note', () => {
    const { runs } = render(CX, '2022', '总值{地区生产总值}。');
    expect(runs).toEqual([
      { kind: 'text', text: '总值' },
      {
        kind: 'figure',
        text: '333.52亿元',
        source: '{地区生产总值}',
        note: { indicator: '地区生产总值', period: '2022', text: '《园区风采》2023.08 第40—41页：2022 年全区实现地区生产总值 333.52亿元' },
      },
      { kind: 'text', text: '。' },
    ]);
  });

  it('gives no note for a figure without one', () => {
    const ids = s.ids(CX, '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'source', text: '' }] });
    const [figure] = render(CX, '2022', '{地区生产总值}').runs;
    expect(figure).toEqual({ kind: 'figure', text: '333.52亿元', source: '{地区生产总值}' });
  });

  it('follows the store: a changed figure changes the document', () => {
    const ids = s.ids(CX, '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text: '350.1' }] });
    expect(render(CX, '2022', '{地区生产总值}').text).toBe('350.1亿元');
  });

  it('computes 同比 from last year when none was reported, and names a fall as 下降', () => {
    const edit = (period: string, text: string) =>
      editValues(s.ctx, { ...s.ids(CX, period), kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text }] });
    edit('2021', '344.6');
    expect(render(CX, '2022', '{地区生产总值|同比}').text).toBe('下降3.2%');
    expect(render(CX, '2022', '{地区生产总值@上年}').text).toBe('344.6亿元');
  });

  it('rounds by the rounding setting', () => {
    const ids = s.ids(CX, '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('科技型企业“创指贷”发放额'), field: 'value', text: '6250' }] });
    expect(render(CX, '2022', '{科技型企业“创指贷”发放额|亿元}').text).toBe('0.63亿元');
    expect(render(CX, '2022', '{科技型企业“创指贷”发放额|亿元}', { ...DEFAULT_SETTINGS, rounding: 'half-even' }).text).toBe('0.62亿元');
  });
});

describe('figures that would lose their meaning', () => {
  it('keeps places until a converted figure that is not zero shows a digit', () => {
    const ids = s.ids(CX, '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('科技型企业“创指贷”发放额'), field: 'value', text: '30' }] });
    expect(render(CX, '2022', '{科技型企业“创指贷”发放额|亿元}').text).toBe('0.003亿元');
  });

  it('reports a stored figure the formatter cannot read instead of failing the document', () => {
    const { parkId, periodId } = s.ids(CX, '2022');
    s.ctx.db
      .prepare("UPDATE indicator_values SET qualifier = '大约' WHERE indicator = (SELECT pk FROM indicators WHERE name = '地区生产总值') AND park = (SELECT pk FROM parks WHERE id = ?) AND period = (SELECT pk FROM periods WHERE id = ?)")
      .run(parkId, periodId);
    const r = render(CX, '2022', '{地区生产总值}和{规划面积}');
    expect(r.problems.map((p) => p.code)).toEqual(['BAD_VALUE']);
    expect(r.text).toBe('{地区生产总值}和84.22平方公里');
  });
});

describe('problems, each named where it stands', () => {
  it.each([
    ['{没有这个指标}', 'UNKNOWN_INDICATOR', { indicator: '没有这个指标' }],
    ['{地区生产总值@明年}', 'UNKNOWN_PERIOD', { period: '明年' }],
    ['{地区生产总值|环比}', 'UNKNOWN_OPTION', { option: '环比' }],
    ['{地区生产总值@2017}', 'NO_VALUE', { indicator: '地区生产总值', period: '2017', kind: 'actual' }],
    ['{地区生产总值|同比}', 'NO_GROWTH', { indicator: '地区生产总值', period: '2022', kind: 'actual' }],
    ['{地区生产总值|原值}', 'NO_BASELINE', { indicator: '地区生产总值', period: '2022', kind: 'actual' }],
    ['{地区生产总值|万美元}', 'UNIT_MISMATCH', { indicator: '地区生产总值', from: '亿元', unit: '万美元' }],
    ['{地区生产总值|同比|增速}', 'CONFLICTING_OPTIONS', { a: '同比', b: '增速' }],
    ['{地区生产总值|原值|同比}', 'CONFLICTING_OPTIONS', { a: '同比', b: '原值' }],
    ['{地区生产总值|数值|增速}', 'CONFLICTING_OPTIONS', { a: '增速', b: '数值' }],
    ['{新材料产业产值|同比|万元}', 'CONFLICTING_OPTIONS', { a: '同比', b: '万元' }],
    ['{招商活动次数|人}', 'UNIT_MISMATCH', { indicator: '招商活动次数', from: '次', unit: '人' }],
    ['{地区生产总值', 'SYNTAX', {}],
    ['{}', 'SYNTAX', {}],
  ])('%s → %s', (prose, code, params) => {
    const r = render(CX, '2022', `前文${prose}后文`);
    expect(r.problems).toEqual([{ place: { field: 'lead', paragraph: 0 }, source: expect.any(String), code, params }]);
    expect(r.runs.some((x) => x.kind === 'marker' && x.problem === code)).toBe(true);
  });

  it('words a problem with its place in both languages', () => {
    const doc = resolveDocument(
      s.ctx.db,
      { ...s.ids(CX, '2022'), body: testBody({ sections: [{ heading: '聚焦招商引资，', level: 1, paragraphs: ['甲', '新签约{新签约项目数@2017}'] }] }) },
      DEFAULT_SETTINGS,
    );
    expect(doc.problems).toHaveLength(1);
    expect(formatProblem(doc.problems[0]!)).toBe('第1节第2段：{新签约项目数@2017} — 新签约项目数没有2017年数值');
    expect(formatProblem(doc.problems[0]!, 'en')).toBe('section 1, paragraph 2: {新签约项目数@2017} — 新签约项目数 has no actual figure for 2017');
  });
});
