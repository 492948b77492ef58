// Extraction measured on the six articles (the same measure docs/EXTRACTION.md reports), and the
// kinds of copy it must read or leave alone, in sentences of the genre.

import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueEntries } from '../../src-main/core/extraction/catalogue.ts';
import { extractFigures } from '../../src-main/core/extraction/extract.ts';
import { dispatch } from '../../src-main/core/rpc/dispatch.ts';
import type { CatalogueEntry } from '../../src-main/core/extraction/naming.ts';
import { tempStore } from '../support/temp-store.ts';
import { ALL_ARTICLES, DEV_ARTICLES, readArticle, readGold, SEED_ARTICLES } from './articles.ts';
import { scoreFigures } from './score.ts';

let catalogue: CatalogueEntry[];
beforeAll(() => {
  const store = tempStore({ demo: true });
  catalogue = catalogueEntries(store.ctx.db);
  store.dispose();
});

const figures = (text: string) => extractFigures(text, { catalogue }).figures;
const one = (text: string) => {
  const fs = figures(text);
  expect(fs).toHaveLength(1);
  return fs[0]!;
};

describe('the catalogue names figures by its aliases too', () => {
  it('an alias a user gave an indicator names the figure an article writes with it', async () => {
    const store = tempStore({ demo: true });
    try {
      const text = '全年实现园区总产出1,200亿元。';
      const before = extractFigures(text, { catalogue: catalogueEntries(store.ctx.db) }).figures[0]!;
      expect(before.code).toBeNull();
      const e01 = catalogueEntries(store.ctx.db).find((e) => e.code === 'E01')!;
      const r = await dispatch(store.ctx, 'catalog.updateIndicator', { id: e01.id, aliases: ['园区总产出'] });
      expect(r.ok).toBe(true);
      const after = extractFigures(text, { catalogue: catalogueEntries(store.ctx.db) }).figures[0]!;
      expect(after).toMatchObject({ indicator: '地区生产总值', code: 'E01', value: '1200', unit: '亿元' });
    } finally {
      store.dispose();
    }
  });

  it("an alias is compared in the catalogue's form of names (full-width, blanks, 规模以上 as 规上)", () => {
    const cat: CatalogueEntry[] = [{ id: 'a', code: 'U1', name: '规上工业总产值', aliases: ['ＧＤＰ总量'], unit: '亿元', categoryCode: 'ECO' }];
    expect(extractFigures('全区实现GDP总量 80亿元。', { catalogue: cat }).figures[0]).toMatchObject({ code: 'U1' });
    expect(extractFigures('实现规模以上工业总产值90亿元。', { catalogue: cat }).figures[0]).toMatchObject({ code: 'U1' });
  });

  it("at equal length an indicator's own name wins over another indicator's alias", () => {
    const cat: CatalogueEntry[] = [
      { id: 'a', code: 'U1', name: '高新技术企业数', aliases: ['国家高新技术企业数'], unit: '户', categoryCode: 'INO' },
      { id: 'b', code: 'U2', name: '新增高新技术企业数', aliases: [], unit: '户', categoryCode: 'INO' },
    ];
    expect(extractFigures('5家企业被认定为高新技术企业。', { catalogue: cat }).figures[0]).toMatchObject({ code: 'U2' });
  });
});

describe('precision and recall per article (value, unit, qualifier, growth and kind all right)', () => {
  it.each(Object.keys(SEED_ARTICLES))('seed %s: recall ≥ 98 %, precision ≥ 95 %', (name) => {
    const s = scoreFigures(readGold(name), figures(readArticle(SEED_ARTICLES[name]!.file)));
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(Object.keys(DEV_ARTICLES))('development article %s: recall and precision ≥ 90 %', (name) => {
    const s = scoreFigures(readGold(name), figures(readArticle(DEV_ARTICLES[name]!.file)));
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('the period each article reports is proposed from its text', () => {
    const periods = Object.fromEntries(Object.entries(ALL_ARTICLES).map(([n, a]) => [n, extractFigures(readArticle(a.file), { catalogue }).period]));
    expect(periods).toEqual(Object.fromEntries(Object.entries(ALL_ARTICLES).map(([n, a]) => [n, a.period])));
  });
});

describe('copy of the genre', () => {
  it('reads a figure with its qualifier, growth and before-figure', () => {
    expect(one('2021年，园区总收入突破1500亿元，同比增长12.3%。')).toMatchObject({ value: '1500', unit: '亿元', qualifier: '突破', growth: '12.3', growthUnit: '%' });
    expect(one('审批时限由原来的20个工作日压缩为3个工作日。')).toMatchObject({ value: '3', unit: '工作日', baseline: '20' });
    expect(one('出口额下降3.1%。')).toMatchObject({ value: null, growth: '-3.1', growthUnit: '%' });
    expect(one('研发投入强度提高0.4个百分点。')).toMatchObject({ value: null, growth: '0.4', growthUnit: '个百分点' });
    expect(one('工业投资增长2倍。')).toMatchObject({ value: null, growth: '200', growthUnit: '%' });
  });

  it('reads shares, rates and Chinese tenths', () => {
    expect(one('高新技术产业产值占规上工业总产值的八成以上。')).toMatchObject({ value: '80', unit: '%', qualifier: '以上' });
    const [total, share] = figures('全年营收300亿元，其中外资企业占总营收的近四成。');
    expect(total).toMatchObject({ value: '300', unit: '亿元' });
    expect(share).toMatchObject({ value: '40', unit: '%', qualifier: '近' });
    expect(one('研发投入增速8.6%。')).toMatchObject({ value: null, growth: '8.6' });
  }, 10_000);

  it('tells targets from actual figures and plans that are nouns', () => {
    expect(one('力争全年引进外资1.2亿美元。').kind).toBe('target');
    expect(one('计划总投资12亿元。').kind).toBe('actual');
    expect(one('完成全年目标任务的85%。').kind).toBe('actual');
    expect(one('预计全年实现营业收入500亿元。').kind).toBe('actual');
    expect(one('新增“千人计划”专家3名。').kind).toBe('actual');
    expect(one('全年到位资金完成年度目标的112%。')).toMatchObject({ kind: 'actual', value: '112' });
    expect(one('经开区将力争固定资产投资突破180亿元。')).toMatchObject({ kind: 'target', qualifier: '突破' });
  });

  it('leaves out numbers that are no figures', () => {
    const none = [
      '2019年3月，第3期简报印发。',
      '咨询电话0871-63312345，或拨打13812345678。',
      '围绕“1+N”“2主3辅”产业体系，实施“121382”工程。',
      '引进世界500强企业，建设5G基站和3GWH电池项目。',
      '一、二、三等奖各一名，第二名位列第15位。',
      '在全国169家高新区中排名第12。',
      '有效发明专利较年初增加128件。',
      '连续3年举办，重点推进七个方面工作。',
    ];
    for (const text of none) expect(figures(text), text).toEqual([]);
    // The class an amount names is no figure; the count of it is.
    expect(figures('其中10亿元以上项目5个。').map((f) => [f.value, f.unit])).toEqual([['5', '个']]);
    expect(figures('其中，上50亿元的企业3家。').map((f) => [f.value, f.unit])).toEqual([['3', '家']]);
  });

  it('proposes the period from the text', () => {
    const text = '2024-03-02 来源：日报\n今年1—2月，园区实现工业产值80亿元。去年，园区实现工业产值400亿元。';
    expect(figures(text).map((f) => f.period)).toEqual(['2024M1-2', '2023']);
    // A time compared with (较一季度) is not the period reported.
    expect(figures('2023年1—6月，工业总产值412亿元，增速较一季度提高2.1个百分点。').map((f) => f.period)).toEqual(['2023M1-6', '2023M1-6']);
    // Without a year in the text, the year comes from the period the user gives.
    const spans = extractFigures('上半年，园区完成投资30亿元。前三季度，园区完成投资60亿元。截至9月，新增企业12家。', { catalogue, period: '2023' });
    expect(spans.figures.map((f) => f.period)).toEqual(['2023M1-6', '2023M1-9', '2023M1-9']);
  });

  it('matches the catalogue by name, and proposes a name from the words before the figure', () => {
    expect(one('全区实现地区生产总值333.52亿元。')).toMatchObject({ indicator: '地区生产总值', code: 'E01' });
    expect(one('2022年全区生物医药产业实现产值78.13亿元。')).toMatchObject({ indicator: '生物医药产业产值', code: 'I01' });
    expect(one('园区实现规模以上工业增加值56亿元。')).toMatchObject({ indicator: '规上工业增加值', code: 'E04' });
    expect(one('全年完成技术改造投资8.5亿元。')).toMatchObject({ indicator: '技术改造投资', code: null });
    expect(one('储备12亿元的产业基金。')).toMatchObject({ indicator: '产业基金金额', code: null });
    // 人次 counts visits, not people: its own unit.
    expect(one('全年接待游客120万人次，增长12%。')).toMatchObject({ value: '1200000', unit: '人次', growth: '12', growthUnit: '%' });
    // 有效发明专利拥有量 is the catalogue's alias of 有效发明专利数 (P04).
    expect(one('有效发明专利拥有量1,236件。')).toMatchObject({ indicator: '有效发明专利数', code: 'P04', value: '1236', unit: '件' });
    // A clause with only a verb before its figure is about the clause before it.
    expect(figures('全年新增市场主体3560户，累计达2.8万户。').map((f) => [f.indicator, f.value])).toEqual([
      ['新增市场主体数', '3560'],
      ['新增市场主体数', '28000'],
    ]);
    // A catalogue name too short to tell indicators apart (here a user's 项目数) is no match for
    // 签约项目: the catalogue's alias 签约项目数 of 新签约项目数 (A05) is.
    expect(extractFigures('全年签约项目42个。', { catalogue: [...catalogue, { id: 'x', code: 'U900', name: '项目数', aliases: [], unit: '个', categoryCode: 'INV' }] }).figures[0]).toMatchObject({
      indicator: '新签约项目数',
      code: 'A05',
    });
  });
});
