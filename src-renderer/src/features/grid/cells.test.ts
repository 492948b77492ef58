import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../../src-main/shared/model.ts';
import { previousText } from './cells.tsx';

function row(unit: string, previous: GridRow['previous']): GridRow {
  return { indicator: { unit } as GridRow['indicator'], current: null, previous, computedGrowth: null };
}

describe('上年同期 as the exports word it', () => {
  it.each([
    ['人', { value: '569', unit: '人', qualifier: '余' }, '569余'],
    ['%', { value: '80', unit: '%', qualifier: '近' }, '近80'],
    ['亿元', { value: '2000', unit: '亿元', qualifier: '突破' }, '突破2000'],
    ['%', { value: '10', unit: '%', qualifier: '左右' }, '10左右'],
    ['件', { value: '1', unit: '件', qualifier: '以上' }, '1以上'],
    ['亿元', { value: '16.5', unit: '亿美元', qualifier: null }, '16.5亿美元'],
    ['个', { value: '35', unit: '工作日', qualifier: '余' }, '35余个工作日'],
  ] as const)('%s row, %j → %s', (unit, previous, want) => expect(previousText(row(unit, previous))).toBe(want));

  it('is empty without last year\'s figure', () => {
    expect(previousText(row('亿元', null))).toBe('');
    expect(previousText(row('亿元', { value: null, unit: '亿元', qualifier: null }))).toBe('');
  });
});
