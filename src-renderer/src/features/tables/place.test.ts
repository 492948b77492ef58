import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../../../src-main/shared/tables.ts';
import { checkUpload } from './import/upload.ts';
import { figureLabel, placeText, sizeText } from './place.ts';

describe('placeText', () => {
  it('names sheet, row and column the way a reader finds them', () => {
    expect(placeText({ sheet: '指标表', row: 12, column: 'D' }, 'zh-CN')).toBe('工作表「指标表」第12行D列');
    expect(placeText({ sheet: '指标表', row: 12, column: 'D' }, 'en')).toBe('sheet “指标表”, row 12, column D');
    expect(placeText({ sheet: 'Sheet1', row: 3, column: 'C', field: 'value' }, 'zh-CN')).toBe('工作表「Sheet1」第3行C列（本期值）');
    expect(placeText({ sheet: 'Sheet1', row: 3, column: 'C', field: 'value' }, 'zh-CN', false)).toBe('工作表「Sheet1」第3行C列');
    expect(placeText({ sheet: 'Sheet1' }, 'zh-CN')).toBe('工作表「Sheet1」');
    expect(placeText({ sheet: 'Sheet1', row: 7 }, 'en')).toBe('sheet “Sheet1”, row 7');
  });
});

describe('figureLabel', () => {
  it('writes the figure with its qualifier and unit, and a stated growth', () => {
    expect(figureLabel({ value: '333.52', unit: '亿元', qualifier: null, growth: null }, 'zh-CN')).toBe('333.52亿元');
    expect(figureLabel({ value: '569', unit: '人', qualifier: '余', growth: null }, 'zh-CN')).toBe('569余人');
    expect(figureLabel({ value: '2000', unit: '亿元', qualifier: '突破', growth: '8.2' }, 'zh-CN')).toBe('突破2000亿元（同比8.2%）');
    expect(figureLabel({ value: '2000', unit: '亿元', qualifier: null, growth: '8.2' }, 'en')).toBe('2000亿元 (YoY 8.2%)');
    expect(figureLabel({ value: null, unit: '亿元', qualifier: null, growth: '42.5' }, 'zh-CN')).toBe('同比42.5%');
    expect(figureLabel(null, 'zh-CN')).toBe('—');
  });
});

describe('checkUpload', () => {
  it('takes .xlsx and .csv up to the contract limit and refuses the rest by reason', () => {
    expect(checkUpload({ name: '填报模板.xlsx', size: 1000 })).toBeNull();
    expect(checkUpload({ name: 'DATA.CSV', size: 10 })).toBeNull();
    expect(checkUpload({ name: 'x.xlsx', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(checkUpload({ name: 'x.xlsx', size: IMPORT_MAX_BYTES + 1 })).toEqual({ reason: 'tooBig', size: IMPORT_MAX_BYTES + 1, max: IMPORT_MAX_BYTES });
    expect(checkUpload({ name: '简报.docx', size: 1000 })).toEqual({ reason: 'wrongType' });
    expect(checkUpload({ name: '旧表.xls', size: 1000 })).toEqual({ reason: 'wrongType' });
    expect(checkUpload({ name: 'x.xlsx', size: 0 })).toEqual({ reason: 'empty' });
  });

  it('words sizes for the refusal', () => {
    expect(sizeText(IMPORT_MAX_BYTES)).toBe('20 MB');
    expect(sizeText(23.46 * 1024 * 1024)).toBe('23.5 MB');
    expect(sizeText(IMPORT_MAX_BYTES + 1)).toBe('20.1 MB');
    expect(sizeText(356 * 1024)).toBe('356 KB');
    expect(sizeText(10)).toBe('1 KB');
  });
});
