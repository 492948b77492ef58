import { describe, expect, it } from 'vitest';
import { isQualifierWord } from '../../../../src-main/shared/figure/qualifiers.ts';
import { unitDef } from '../../../../src-main/shared/figure/units.ts';
import { ALL_COLUMNS, COLUMN_FIELD } from './columns.ts';
import { planPaste, plannedCells, type PasteContext } from './paste-plan.ts';

const FIELDS = ALL_COLUMNS.map((c) => COLUMN_FIELD[c]);
const col = (c: (typeof ALL_COLUMNS)[number]) => ALL_COLUMNS.indexOf(c);
const KNOWN = new Set(['地区生产总值', '规上工业增加值', '规模以上工业增加值', 'E01']);

function ctx(startCol: number, extra: Partial<PasteContext> = {}): PasteContext {
  return {
    fields: FIELDS,
    startCol,
    isUnit: (u) => unitDef(u) !== undefined,
    isQualifier: isQualifierWord,
    namesIndicator: (texts) => texts.map((t) => KNOWN.has(t)),
    ratesFromCursor: false,
    ...extra,
  };
}

const targets = (plan: ReturnType<typeof planPaste>) => plan.columns.map((c) => c.target);

describe('a pasted block without headings', () => {
  it('goes by position from the cursor: 本期 | 增速 lands in 本期 and 同比增长, written at once', () => {
    const block = [
      ['12.3', '35.2'],
      ['8', '4.1'],
    ];
    const plan = planPaste(block, ctx(col('value')));
    expect(plan.headerRow).toBe(false);
    expect(plan.keyColumn).toBeNull();
    expect(targets(plan)).toEqual(['value', 'growth']);
    expect(plan.ambiguous).toEqual([]);
    expect(plannedCells(block, plan).map((c) => [c.line, c.field, c.text])).toEqual([
      [0, 'value', '12.3'],
      [0, 'growth', '35.2'],
      [1, 'value', '8'],
      [1, 'growth', '4.1'],
    ]);
  });

  it('writes a column of figures with a mistyped cell at once: the core refuses the cell, the column is not in doubt', () => {
    expect(planPaste([['400'], ['abc']], ctx(col('value'))).ambiguous).toEqual([]);
  });

  it('asks first when a column of growth rates would land in 本期 or a before-figure', () => {
    const plan = planPaste([['增长12.3%'], ['下降3%']], ctx(col('value')));
    expect(plan.ambiguous).toEqual([{ code: 'kindMismatch', column: 0, kind: 'growth', target: 'value' }]);
  });

  it('asks first when figures would land in 计量单位 or 限定词', () => {
    expect(planPaste([['12.3', '35.2']], ctx(col('unit'))).ambiguous.map((a) => a.code)).toEqual(['kindMismatch']);
    expect(planPaste([['150', '余']], ctx(col('qualifier'))).ambiguous.map((a) => a.code)).toEqual(['kindMismatch', 'kindMismatch']);
  });

  it('takes a column of 12.3% as 本期 only on rows that are rates', () => {
    expect(planPaste([['12.3%']], ctx(col('value'))).ambiguous).toHaveLength(1);
    expect(planPaste([['12.3%']], ctx(col('value'), { ratesFromCursor: true })).ambiguous).toEqual([]);
  });

  it('asks first when the first line looks like headings it does not know', () => {
    const plan = planPaste(
      [
        ['完成值', '比上年±%'],
        ['12.3', '35.2'],
      ],
      ctx(col('value')),
    );
    expect(plan.headerRow).toBe(false);
    expect(plan.ambiguous).toContainEqual({ code: 'headingLike' });
  });

  it('places lines by a first column of indicator names, figures from 本期 on', () => {
    const block = [
      ['规上工业增加值', '12.3', '8.5'],
      ['地区生产总值', '333.52', '6.1'],
    ];
    const plan = planPaste(block, ctx(col('name')));
    expect(plan.keyColumn).toBe(0);
    expect(targets(plan)).toEqual(['value', 'growth']);
    expect(plan.ambiguous).toEqual([]);
  });
});

describe('a pasted block with a heading row', () => {
  it('places columns by their headings wherever the cursor is, the import\'s words included', () => {
    const block = [
      ['本期', '增速'],
      ['12.3', '35.2'],
    ];
    const plan = planPaste(block, ctx(col('source')));
    expect(plan.headerRow).toBe(true);
    expect(targets(plan)).toEqual(['value', 'growth']);
    expect(plan.ambiguous).toEqual([]);
    expect(plannedCells(block, plan).map((c) => [c.line, c.field])).toEqual([
      [1, 'value'],
      [1, 'growth'],
    ]);
  });

  it('takes the name column as the line\'s indicator and leaves 上年同期 out, saying so', () => {
    const plan = planPaste(
      [
        ['指标名称', '计量单位', '2022年', '上年同期', '同比增长(%)'],
        ['规模以上工业增加值', '亿元', '12.3', '10.9', '12.8'],
      ],
      ctx(col('value')),
    );
    expect(plan.keyColumn).toBe(0);
    expect(targets(plan)).toEqual(['unit', null, null, 'growth']);
    expect(plan.skipped).toEqual([{ column: 3, heading: '上年同期' }]);
    // 2022年 is the period's heading: the import knows it from the chosen period; a paste asks.
    expect(plan.ambiguous).toEqual([{ code: 'unknownHeading', column: 2, heading: '2022年' }]);
  });

  it('asks first about a heading it does not know, leaving that column out until told', () => {
    const plan = planPaste(
      [
        ['本期', '完成进度'],
        ['12.3', '80%'],
      ],
      ctx(col('value')),
    );
    expect(targets(plan)).toEqual(['value', null]);
    expect(plan.ambiguous).toEqual([{ code: 'unknownHeading', column: 1, heading: '完成进度' }]);
  });
});
