import { describe, expect, it } from 'vitest';
import type { Indicator, Period } from '../../../../../src-main/shared/model.ts';
import { choiceText, conversionUnits, periodWriting } from './choice.ts';

const ind = (name: string, unit: string, code = 'E01'): Indicator => ({
  id: name, code, categoryCode: 'E', name, nameEn: null, unit, decimals: 2, kind: 'amount', scope: null, definition: null,
  nonNegative: true, integerOnly: false, parentCode: null, sort: 0, builtin: true, retired: false,
});

describe('figure picker choices', () => {
  it('writes canonical placeholders', () => {
    expect(choiceText({ indicator: '地区生产总值', what: 'value', period: '', unit: '' })).toBe('{地区生产总值}');
    expect(choiceText({ indicator: '新材料产业产值', what: '同比', period: '', unit: '亿元' })).toBe('{新材料产业产值|同比}');
    expect(choiceText({ indicator: '园区总收入', what: '目标', period: '2018', unit: '万元' })).toBe('{园区总收入@2018|目标|万元}');
  });

  it('names a period by its label when that reads back the same', () => {
    const p = (key: string, label: string): Period => ({ id: key, key, label, kind: 'months', year: 2018, startMonth: 1, endMonth: 4 });
    expect(periodWriting(p('2018M1-4', '2018年1—4月'))).toBe('2018年1—4月');
    expect(periodWriting(p('2022Q3', '2022年第三季度'))).toBe('2022年第三季度');
    expect(periodWriting(p('2017', '二〇一七'))).toBe('2017');
  });

  it('offers units of the same dimension', () => {
    expect(conversionUnits(ind('地区生产总值', '亿元'))).toEqual(['元', '千元', '万元']);
  });
});
