import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import type { CellEdit } from '../../shared/contract.ts';
import { historyState, redo, undo } from '../history/undo.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { readGrid } from './grid.ts';
import { editValues } from './edit-values.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const CX = '楚雄高新区';
function cell(name: string, field: CellEdit['field'], text: string): CellEdit {
  return { indicatorId: s.indicatorId(name), field, text };
}
function current(name: string, period = '2022', kind: 'actual' | 'target' = 'actual') {
  const { parkId, periodId } = s.ids(CX, period);
  return readGrid(s.ctx.db, parkId, periodId, kind).rows.find((r) => r.indicator.name === name)!.current;
}
function edit(edits: CellEdit[], period = '2022') {
  return editValues(s.ctx, { ...s.ids(CX, period), kind: 'actual', edits });
}
function refused(edits: CellEdit[]): AppError {
  try {
    edit(edits);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the edit to be refused');
}

describe('editing values', () => {
  it('takes a word of copy in the qualifier column as the qualifier it says: 超过 is 超, 大约 is 约', () => {
    edit([cell('地区生产总值', 'qualifier', '超过')]);
    expect(current('地区生产总值')?.qualifier).toBe('超');
    edit([cell('地区生产总值', 'qualifier', '大约')]);
    expect(current('地区生产总值')?.qualifier).toBe('约');
  });

  it('saves a value with the places the user typed, and full-width digits from an IME', () => {
    edit([cell('地区生产总值', 'value', '３４０．１０')]);
    expect(current('地区生产总值')).toMatchObject({ value: '340.10', unit: '亿元', updatedBy: 'tester' });
    edit([cell('接待客商人数', 'value', '1,234')]);
    expect(current('接待客商人数')?.value).toBe('1234');
  });

  it.each([
    ['地区生产总值', 'value', 'abc', 'NOT_A_NUMBER', '本期值「abc」不是数字'],
    ['高新技术企业数', 'value', '-3', 'NEGATIVE_NOT_ALLOWED', '高新技术企业数不能为负数'],
    ['高新技术企业数', 'value', '3.5', 'INTEGER_REQUIRED', '高新技术企业数应为整数'],
    ['高新技术企业数', 'unit', '亿元', 'UNIT_MISMATCH', '计量单位「亿元」不适用于高新技术企业数'],
    ['地区生产总值', 'unit', '斤', 'UNIT_UNKNOWN', '未知的计量单位「斤」'],
    // 大约 and 超过 say 约 and 超 (the synonym table); 大概 says nothing the store keeps.
    ['地区生产总值', 'qualifier', '大概', 'QUALIFIER_UNKNOWN', '「大概」不是可用的限定词'],
    // A number in exponent form (as a CSV may hold it) is read, so 1e308 is out of range everywhere.
    ['地区生产总值', 'value', '1e308', 'OUT_OF_RANGE', '本期值「1e308」超出可接受的范围'],
    ['地区生产总值', 'value', '99999999999999999', 'OUT_OF_RANGE', '超出可接受的范围'],
    ['地区生产总值', 'growth', '很多', 'NOT_A_NUMBER', '同比增长「很多」不是数字'],
  ] as const)('refuses %s.%s = %s (%s) with a Chinese reason and writes nothing', (name, field, text, code, zh) => {
    const before = dumpStore(s.ctx);
    const e = refused([cell(name, field, text)]);
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.[0]).toMatchObject({ index: 0, field, code });
    expect(e.details?.[0]?.message).toContain(zh);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('takes a value typed as copy writes it: the unit and qualifier in the text are written with it, as one undo step', () => {
    edit([cell('地区生产总值', 'value', '突破3.4万亿元')]);
    expect(current('地区生产总值')).toMatchObject({ value: '34000', unit: '亿元', qualifier: '突破' });
    edit([cell('地区生产总值', 'value', '3000余万元')]);
    expect(current('地区生产总值')).toMatchObject({ value: '3000', unit: '万元', qualifier: '余' });
    expect(historyState(s.ctx).undoLabel).toBe('编辑「地区生产总值」');
    undo(s.ctx);
    expect(current('地区生产总值')).toMatchObject({ value: '34000', unit: '亿元', qualifier: '突破' });
    // A number alone keeps the figure's unit and qualifier, as it always did.
    edit([cell('地区生产总值', 'value', '35000')]);
    expect(current('地区生产总值')).toMatchObject({ value: '35000', unit: '亿元', qualifier: '突破' });
    edit([cell('接待客商人数', 'value', '1.2万人')]);
    expect(current('接待客商人数')).toMatchObject({ value: '12000', unit: '人', qualifier: '余' });
  });

  it('reads a bare 亿 in the unit the figure is in: 亿美元 for a figure in dollars', () => {
    const km = (edits: CellEdit[]) => editValues(s.ctx, { ...s.ids('昆明高新区', '2017'), kind: 'actual', edits });
    const { parkId, periodId } = s.ids('昆明高新区', '2017');
    const trade = () => readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === '进出口总额')!.current;
    km([cell('进出口总额', 'value', '近17亿')]);
    expect(trade()).toMatchObject({ value: '17', unit: '亿美元', qualifier: '近' });
    km([cell('进出口总额', 'unit', '亿元'), cell('进出口总额', 'value', '110亿')]);
    expect(trade()).toMatchObject({ value: '110', unit: '亿元' });
  });

  it('takes a growth as copy writes it, with its qualifier; percentage points only for a rate', () => {
    edit([cell('新材料产业产值', 'growth', '增长10%左右')]);
    expect(current('新材料产业产值')).toMatchObject({ growth: '10', qualifier: '左右' });
    edit([cell('新材料产业产值', 'growth', '下降3.1%')]);
    expect(current('新材料产业产值')).toMatchObject({ growth: '-3.1', qualifier: '左右' });
    const e = refused([cell('地区生产总值', 'growth', '提高2个百分点')]);
    expect(e.details?.[0]).toMatchObject({
      code: 'FIGURE_POINTS_NOT_RATE',
      message: '同比增长「提高2个百分点」以个百分点计，只适用于比率指标；地区生产总值以亿元计，请写作百分比（如增长8.5%）',
    });
    editValues(s.ctx, { ...s.ids('昆明高新区', '2017'), kind: 'actual', edits: [cell('特色产业收入占园区总收入比重', 'growth', '提高2个百分点')] });
    const { parkId, periodId } = s.ids('昆明高新区', '2017');
    const row = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === '特色产业收入占园区总收入比重')!;
    expect(row.current).toMatchObject({ value: '80', qualifier: '近', growth: '2' });
  });

  it.each([
    [[['地区生产总值', 'value', '突破340亿元'], ['地区生产总值', 'qualifier', '近']], 1, 'IMPORT_CONFLICT', '限定词前后不一致：数值里写的是「突破」，限定词列是「近」'],
    [[['地区生产总值', 'unit', '万元'], ['地区生产总值', 'value', '340亿元']], 0, 'IMPORT_CONFLICT', '计量单位前后不一致：数值里写的是「亿元」，计量单位列是「万元」'],
    [[['高新技术企业数', 'value', '突破340亿元']], 0, 'UNIT_MISMATCH', '计量单位「亿元」不适用于高新技术企业数'],
    [[['地区生产总值', 'value', '340斤']], 0, 'FIGURE_UNIT_UNKNOWN', '本期值「340斤」中的计量单位「斤」无法识别'],
    [[['地区生产总值', 'value', '突破340亿元'], ['地区生产总值', 'growth', '增长10%左右']], 1, 'FIGURE_QUALIFIER_TWICE', '同比增长「增长10%左右」的限定词「左右」与本期值的「突破」不同'],
    [[['一般社会投资项目审批时限', 'baseline', '35亩']], 0, 'UNIT_MISMATCH', '计量单位「亩」不适用于一般社会投资项目审批时限'],
    [[['地区生产总值', 'baseline', '300万元']], 0, 'FIGURE_BASELINE_UNIT', '改革前「300万元」以万元计，本期值以亿元计'],
    [[['一般社会投资项目审批时限', 'baseline', '近35个工作日']], 0, 'FIGURE_QUALIFIER_NOT_HERE', '改革前「近35个工作日」带有限定词「近」'],
    [[['地区生产总值', 'value', '增长42.5%']], 0, 'FIGURE_GROWTH_IN_VALUE', '本期值「增长42.5%」是增长率，请填在同比增长中'],
    [[['地区生产总值', 'value', '由35个工作日缩短为5个工作日']], 0, 'FIGURE_TWO_NUMBERS', '本期值「由35个工作日缩短为5个工作日」含有不止一个数字'],
  ] as const)('refuses figure text that contradicts itself or its cells: %j', (edits, index, code, zh) => {
    const before = dumpStore(s.ctx);
    const e = refused(edits.map(([name, field, text]) => cell(name, field, text)));
    expect(e.details).toHaveLength(1);
    expect(e.details?.[0]).toMatchObject({ index, code });
    expect(e.details?.[0]?.message).toContain(zh);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('takes a before-figure in the figure\'s unit, and the unit and qualifier cells beside a value that say the same', () => {
    edit([cell('一般社会投资项目审批时限', 'baseline', '35 个工作日')]);
    expect(current('一般社会投资项目审批时限')).toMatchObject({ value: '5', baseline: '35', unit: '工作日' });
    edit([cell('地区生产总值', 'unit', '亿元'), cell('地区生产总值', 'value', '突破340亿元'), cell('地区生产总值', 'qualifier', '突破')]);
    expect(current('地区生产总值')).toMatchObject({ value: '340', unit: '亿元', qualifier: '突破' });
    // A blank qualifier cell pasted beside the text does not undo what the text says.
    edit([cell('地区生产总值', 'qualifier', ''), cell('地区生产总值', 'value', '近350亿元')]);
    expect(current('地区生产总值')).toMatchObject({ value: '350', qualifier: '近' });
  });

  it('refuses a unit or qualifier for a figure that has no value yet, but takes them with the value', () => {
    const e = refused([cell('绿色食品产业产值', 'unit', '万元')]);
    expect(e.details?.[0]).toMatchObject({ code: 'VALUE_FIRST', message: '绿色食品产业产值还没有本期值或同比增长，请先填写数值再设计量单位' });
    edit([cell('绿色食品产业产值', 'unit', '万元'), cell('绿色食品产业产值', 'value', '1200'), cell('绿色食品产业产值', 'qualifier', '余')]);
    expect(current('绿色食品产业产值')).toMatchObject({ value: '1200', unit: '万元', qualifier: '余' });
  });

  it('accepts a unit of the same dimension, and another currency (which is never converted)', () => {
    edit([cell('地区生产总值', 'unit', '万元'), cell('地区生产总值', 'value', '3335200')]);
    expect(current('地区生产总值')).toMatchObject({ value: '3335200', unit: '万元' });
    edit([cell('进出口总额', 'unit', '亿美元'), cell('进出口总额', 'value', '1.2')]);
    expect(current('进出口总额')?.unit).toBe('亿美元');
  });

  it('a pasted block with one bad cell writes none of it', () => {
    const before = dumpStore(s.ctx);
    const e = refused([
      cell('地区生产总值', 'value', '1'),
      cell('生物医药产业产值', 'value', '2'),
      cell('新材料产业产值', 'value', '三百'),
    ]);
    expect(e.details).toHaveLength(1);
    expect(e.details?.[0]).toMatchObject({ index: 2, indicator: '新材料产业产值' });
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('one undo takes a whole paste back, redo puts it again, and both survive a restart', () => {
    const block = [
      cell('地区生产总值', 'value', '400'),
      cell('地区生产总值', 'qualifier', '近'),
      cell('生物医药产业产值', 'value', '80'),
      cell('生物医药产业产值', 'qualifier', '余'),
      cell('绿色食品产业产值', 'value', '12.5'),
      cell('绿色食品产业产值', 'qualifier', ''),
    ];
    expect(edit(block).changed).toBe(3);
    expect(historyState(s.ctx)).toMatchObject({ canUndo: true, undoLabel: '粘贴 6 个单元格' });

    s.reopen();
    undo(s.ctx);
    expect(current('地区生产总值')).toMatchObject({ value: '333.52', qualifier: null });
    expect(current('生物医药产业产值')?.value).toBe('78.13');
    expect(current('绿色食品产业产值')).toBeNull();

    s.reopen();
    expect(historyState(s.ctx)).toMatchObject({ canRedo: true, redoLabel: '粘贴 6 个单元格' });
    redo(s.ctx);
    expect(current('地区生产总值')).toMatchObject({ value: '400', qualifier: '近' });
    expect(current('绿色食品产业产值')?.value).toBe('12.5');
  });

  it('a new edit after an undo drops the redo branch', () => {
    edit([cell('地区生产总值', 'value', '1')]);
    undo(s.ctx);
    expect(historyState(s.ctx).canRedo).toBe(true);
    edit([cell('地区生产总值', 'value', '2')]);
    expect(historyState(s.ctx).canRedo).toBe(false);
    expect(() => redo(s.ctx)).toThrow(AppError);
  });

  it('the demo is where a user starts: nothing to undo in a fresh store', () => {
    expect(historyState(s.ctx)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    expect(() => undo(s.ctx)).toThrow('没有可撤销的操作');
  });

  it('clearing the value of a figure that has no growth removes it; undo brings it back', () => {
    edit([cell('地区生产总值', 'value', '')]);
    expect(current('地区生产总值')).toBeNull();
    undo(s.ctx);
    expect(current('地区生产总值')?.value).toBe('333.52');
  });

  it('a figure may be only a reported growth rate', () => {
    edit([cell('社会消费品零售总额', 'growth', '12.9%')]);
    expect(current('社会消费品零售总额')).toMatchObject({ value: null, growth: '12.9' });
  });

  it('an unchanged value writes no batch', () => {
    const before = dumpStore(s.ctx);
    expect(edit([cell('地区生产总值', 'value', '333.52')]).changed).toBe(0);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('every write is logged with time, origin and actor for later merges', () => {
    edit([cell('地区生产总值', 'value', '350')]);
    const b = s.ctx.db.prepare('SELECT * FROM batches ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
    expect(b).toMatchObject({ origin: 'test', actor: 'tester', undo_state: 'done' });
    const c = s.ctx.db.prepare('SELECT * FROM changes WHERE batch_seq = ?').all(b.seq) as { entity: string; before: string; after: string }[];
    expect(c).toHaveLength(1);
    expect(JSON.parse(c[0]!.before).value).toBe('333.52');
    expect(JSON.parse(c[0]!.after).value).toBe('350');
  });
});
