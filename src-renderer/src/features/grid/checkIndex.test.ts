import { describe, expect, it } from 'vitest';
import type { CheckWarning } from '../../../../src-main/shared/checks.ts';
import { checksByIndicator, markerText } from './checkIndex.ts';

const more: CheckWarning = {
  rule: 'R10',
  code: 'CHECK_MORE',
  params: { a: '新增高新技术企业数（25户）', aEn: 'New high-tech enterprises (25 firms)', b: '高新技术企业数（20户）', bEn: 'High-tech enterprises (20 firms)', note: '新增计入总数。', noteEn: 'New ones count in the total.' },
  message: '新增高新技术企业数（25户）多于高新技术企业数（20户），请核对',
  indicatorIds: ['n02', 'n01'],
};
const growth: CheckWarning = {
  rule: 'R14',
  code: 'CHECK_GROWTH',
  params: { indicator: '高新技术企业数', stated: '-3', computed: '10', bound: '', points: 0, current: '22户', previous: '20户', diff: '13' },
  message: '',
  indicatorIds: ['n01'],
};

describe('check markers', () => {
  it('marks every row a warning involves', () => {
    const m = checksByIndicator([more, growth]);
    expect(m.get('n01')).toEqual([more, growth]);
    expect(m.get('n02')).toEqual([more]);
    expect(m.has('x')).toBe(false);
  });

  it('explains a row in the user’s language, with each rule’s note', () => {
    expect(markerText([more, growth], 'zh-CN')).toBe(
      '新增高新技术企业数（25户）多于高新技术企业数（20户），请核对\n（新增计入总数。）\n\n' +
        '高新技术企业数填报同比下降3%，按本期22户、上年同期20户计算为增长10%，相差13个百分点，请核对',
    );
    expect(markerText([more], 'en')).toBe('New high-tech enterprises (25 firms) is more than High-tech enterprises (20 firms); please check\n(New ones count in the total.)');
  });
});
