import { describe, expect, it } from 'vitest';
import { chartBlockText, parseChartBlock } from './block.ts';

describe('chart blocks in a document', () => {
  it('reads indicators, a year range, parks, title and source, in half- or full-width', () => {
    expect(parseChartBlock('{图表：地区生产总值@2019—2022|来源=楚雄高新区管委会}')).toMatchObject({
      indicators: ['地区生产总值'],
      periods: ['2019', '2020', '2021', '2022'],
      parks: null,
      credit: '楚雄高新区管委会',
    });
    expect(parseChartBlock('｛图表：生物医药产业产值、新材料产业产值｜标题＝主导产业产值｝')).toMatchObject({ indicators: ['生物医药产业产值', '新材料产业产值'], periods: null, title: '主导产业产值' });
    expect(parseChartBlock('{图表:地区生产总值@2017、2018M1-4|园区=全部}')).toMatchObject({ periods: ['2017', '2018M1-4'], parks: 'all' });
    expect(parseChartBlock('{图表：园区总收入｜来源＝资料来源：管委会。}')!.credit).toBe('资料来源：管委会。');
    expect(parseChartBlock('{图表：地区生产总值|园区=楚雄高新区、昆明高新区|颜色=红}')).toMatchObject({ parks: ['楚雄高新区', '昆明高新区'], unknown: ['颜色=红'] });
  });

  it('leaves prose alone: a placeholder, a chart word inside a sentence, an unclosed block', () => {
    expect(parseChartBlock('{地区生产总值}')).toBeNull();
    expect(parseChartBlock('见下图{图表：地区生产总值}')).toBeNull();
    expect(parseChartBlock('{图表：地区生产总值')).toBeNull();
    expect(parseChartBlock('图表：地区生产总值')).toBeNull();
  });

  it('writes a block back in the form it reads', () => {
    const text = chartBlockText({ indicators: ['园区总收入', '地区生产总值'], periods: '2019—2022', parks: 'all', title: '总量', credit: '管委会' });
    expect(text).toBe('{图表：园区总收入、地区生产总值@2019—2022|园区=全部|标题=总量|来源=管委会}');
    expect(parseChartBlock(text)).toMatchObject({ indicators: ['园区总收入', '地区生产总值'], parks: 'all', title: '总量', credit: '管委会', unknown: [] });
  });
});
