// Undo and redo of a step the store no longer allows: refused with the reason, nothing written but
// the step's place on the stack, and the next Ctrl+Z (Ctrl+Y) goes on instead of failing again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../shared/errors.ts';
import type { HistoryState } from '../../shared/model.ts';
import { runCliCaptured } from '../../../test/support/run-cli-captured.ts';
import { BUILTIN_CATALOG, seedCatalog } from '../catalog/seed.ts';
import { insertPark } from '../repos/parks.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { testBody } from '../../../test/support/test-body.ts';
import { rpcCalls } from '../../../test/support/rpc-calls.ts';
import { editValues } from '../values/edit-values.ts';
import { writeValuesBulk } from '../values/bulk-write.ts';
import { readGrid } from '../values/grid.ts';
import { valueEntityId, writeBatch } from './change-log.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const CX = '楚雄高新区';
const GDP = '地区生产总值';

const { call, refused } = rpcCalls(() => s.ctx);
const state = () => call<HistoryState>('history.state');
const edit = (parkId: string, periodId: string, text: string, name = GDP) =>
  call('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: s.indicatorId(name), field: 'value', text }] });
function figure(park: string, period: string, name = GDP): string | null {
  const { parkId, periodId } = s.ids(park, period);
  return readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === name)!.current?.value ?? null;
}

/**
 * Asserts that a refusal changed nothing but undo states: every other table row for row, and in
 * `batches` exactly the listed state changes ("label: from→to").
 */
function expectOnlyStates(before: Record<string, unknown[]>, after: Record<string, unknown[]>, changes: string[]): void {
  const { batches: b0, ...rest0 } = before;
  const { batches: b1, ...rest1 } = after;
  expect(rest1).toEqual(rest0);
  type B = { seq: number; label: string; undo_state: string };
  const rows = (x: unknown[] | undefined) => new Map((x ?? []).map((r) => JSON.parse(r as string) as B).map((r) => [r.seq, r]));
  const [m0, m1] = [rows(b0), rows(b1)];
  expect([...m1.keys()].sort()).toEqual([...m0.keys()].sort()); // no batch written
  const diff = [...m0.values()].sort((a, b) => a.seq - b.seq).filter((r) => m1.get(r.seq)!.undo_state !== r.undo_state).map((r) => `${r.label}: ${r.undo_state}→${m1.get(r.seq)!.undo_state}`);
  expect(diff).toEqual(changes);
}

describe('undo of a step whose row is now used by something off the undo stack', () => {
  it('a new period with a document: refused with the document named, taken off the stack, the step before it undone next', async () => {
    const { parkId, periodId: p2022 } = s.ids(CX, '2022');
    await edit(parkId, p2022, '400');
    const period = await call<{ id: string }>('periods.create', { key: '2023' });
    await edit(parkId, period.id, '420');
    const doc = await call<{ body: { title: string } }>('documents.copy', { parkId, periodId: period.id, from: 'previous' });
    expect(await state()).toMatchObject({ undoLabel: '编辑「地区生产总值」' });
    await call('history.undo'); // the 2023 figure
    expect(figure(CX, '2023')).toBeNull();
    expect(await state()).toMatchObject({ undoLabel: '新增期别「2023」', redoLabel: '编辑「地区生产总值」' });

    const before = dumpStore(s.ctx);
    const e = await refused('history.undo');
    expect(e.code).toBe('UNDO_IN_USE_DOCUMENT');
    expect(e.params).toEqual({ label: '新增期别「2023」', what: 'period', name: '2023', title: doc.body.title });
    expect(e.message).toBe(
      `无法撤销“新增期别「2023」”：期别「2023」已有文稿「${doc.body.title}」，不能删除。此步已移出撤销记录，再次撤销将继续撤销之前的操作`,
    );
    expect(formatMessage('UNDO_IN_USE_DOCUMENT', e.params, 'en')).toBe(
      `Cannot undo "新增期别「2023」": the period "2023" has the document "${doc.body.title}" and cannot be removed. The step was taken off the undo list; undo again to go on with the steps before it`,
    );
    expectOnlyStates(before, dumpStore(s.ctx), ['新增期别「2023」: done→none']);

    // Not stuck: the next undo is the edit before the period, and redo still has the 2023 figure.
    expect(await state()).toEqual({ canUndo: true, canRedo: true, undoLabel: '编辑「地区生产总值」', redoLabel: '编辑「地区生产总值」' });
    await call('history.undo');
    expect(figure(CX, '2022')).toBe('333.52');
    expect(await state()).toMatchObject({ canUndo: false, canRedo: true });
    await call('history.redo');
    await call('history.redo');
    expect([figure(CX, '2022'), figure(CX, '2023')]).toEqual(['400', '420']);
    expect(await state()).toEqual({ canUndo: true, canRedo: false, undoLabel: '编辑「地区生产总值」', redoLabel: null });
    await call('history.undo');
    await call('history.undo');
    await expect(refused('history.undo')).resolves.toMatchObject({ code: 'NOTHING_TO_UNDO' });
    expect(s.ctx.db.prepare("SELECT count(*) FROM periods WHERE key = '2023'").pluck().get()).toBe(1);
  });

  it('a new park with a document (documents.save): refused naming the park, and the store keeps both', async () => {
    const { parkId: cx, periodId: p2022 } = s.ids(CX, '2022');
    await edit(cx, p2022, '400');
    const park = await call<{ id: string }>('parks.create', { name: '禄丰产业园区' });
    await call('documents.save', { parkId: park.id, periodId: p2022, body: testBody({ title: '禄丰产业园区2022年工作总结' }) });

    const before = dumpStore(s.ctx);
    const e = await refused('history.undo');
    expect(e).toMatchObject({
      code: 'UNDO_IN_USE_DOCUMENT',
      params: { label: '新增园区「禄丰产业园区」', what: 'park', name: '禄丰产业园区', title: '禄丰产业园区2022年工作总结' },
    });
    expect(e.message).toContain('园区「禄丰产业园区」已有文稿「禄丰产业园区2022年工作总结」');
    expectOnlyStates(before, dumpStore(s.ctx), ['新增园区「禄丰产业园区」: done→none']);
    expect(await state()).toMatchObject({ canUndo: true, undoLabel: '编辑「地区生产总值」' });
    await call('history.undo');
    expect(figure(CX, '2022')).toBe('333.52');
    expect((await call<{ name: string }[]>('parks.list')).map((p) => p.name)).toContain('禄丰产业园区');
  });

  it('an untitled document is named by its park and period', async () => {
    const park = await call<{ id: string }>('parks.create', { name: '禄丰产业园区' });
    await call('documents.save', { parkId: park.id, periodId: s.ids(CX, '2022').periodId, body: testBody() });
    expect((await refused('history.undo')).params).toMatchObject({ title: '禄丰产业园区 · 2022' });
  });

  it('parkbrief set --period with a new period: the figure undoes, the period is kept once it has a document', async () => {
    const run = (period: string, value: string) =>
      runCliCaptured(['set', '--db', s.path, '--park', CX, '--period', period, '--indicator', GDP, '--value', value]);
    expect((await run('2023', '420')).code).toBe(0);
    expect((await run('2024', '450')).code).toBe(0);
    expect(figure(CX, '2024')).toBe('450');
    // 2024 has no document: its creation undoes like any step, which the guard must not get in the way of.
    await call('history.undo');
    expect(await state()).toMatchObject({ undoLabel: '新增期别「2024」' });
    await call('history.undo');
    expect(s.ctx.db.prepare("SELECT count(*) FROM periods WHERE key = '2024'").pluck().get()).toBe(0);

    await call('documents.copy', { ...s.ids(CX, '2023'), from: 'previous' });
    await call('history.undo'); // the 2023 figure
    const before = dumpStore(s.ctx);
    expect(await refused('history.undo')).toMatchObject({ code: 'UNDO_IN_USE_DOCUMENT', params: { what: 'period', name: '2023' } });
    expectOnlyStates(before, dumpStore(s.ctx), ['新增期别「2023」: done→none']);
    expect(await state()).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: '编辑「地区生产总值」' });
    // Redo goes in order (the 2023 figure, then 2024 with its figure) around the step that stayed.
    await call('history.redo');
    await call('history.redo');
    await call('history.redo');
    expect([figure(CX, '2023'), figure(CX, '2024')]).toEqual(['420', '450']);
  });

  it('figures written off the stack keep their period, named with a count and an example', async () => {
    const { parkId } = s.ids(CX, '2022');
    const period = await call<{ id: string }>('periods.create', { key: '2023' });
    // As the demo loader writes figures: logged, not undoable.
    editValues(s.ctx, { parkId, periodId: period.id, kind: 'actual', edits: [{ indicatorId: s.indicatorId(GDP), field: 'value', text: '420' }] }, { undoState: 'none' });
    const e = await refused('history.undo');
    expect(e).toMatchObject({ code: 'UNDO_IN_USE_VALUES', params: { what: 'period', name: '2023', count: 1, example: '「楚雄高新区 · 2023 · 地区生产总值」' } });
    expect(e.message).toContain('期别「2023」已有 1 项数值（如「楚雄高新区 · 2023 · 地区生产总值」），不能删除');
    expect(figure(CX, '2023')).toBe('420');
  });

  it('a category that holds an indicator created off the stack', async () => {
    const cat = await call<{ code: string }>('catalog.createCategory', { name: '数字经济' });
    writeBatch(s.ctx, '外来指标', (log) => {
      // What a newer catalogue or another office's store could bring: an indicator in the new category.
      const row = { pk: 9001, id: 'f00d', code: 'U900', category_code: cat.code, name: '数字经济核心产业增加值', name_en: null, unit: '亿元', decimals: 2, kind: 'amount', scope: null, definition: null, non_negative: 1, integer_only: 0, parent_code: null, sort: 10, builtin: 0, created_at: 'x', updated_at: 'x' };
      s.ctx.db.prepare(`INSERT INTO indicators (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(', ')})`).run(row);
      log.record('indicator', row.id, null, row);
    }, { undoState: 'none' });
    expect(await refused('history.undo')).toMatchObject({
      code: 'UNDO_IN_USE_INDICATOR',
      params: { label: '新增分类「数字经济」', what: 'category', name: '数字经济', indicator: '数字经济核心产业增加值' },
    });
  });
});

describe('undo of a step whose rows were changed since by something that stays', () => {
  it('refuses rather than overwrite the later figure, and goes on with the step before', async () => {
    const { parkId, periodId } = s.ids(CX, '2022');
    await edit(parkId, periodId, '340', '规上工业增加值');
    await edit(parkId, periodId, '400');
    editValues(s.ctx, { parkId, periodId, kind: 'actual', edits: [{ indicatorId: s.indicatorId(GDP), field: 'value', text: '450' }] }, { undoState: 'none' });
    const before = dumpStore(s.ctx);
    const e = await refused('history.undo');
    expect(e).toMatchObject({ code: 'UNDO_CHANGED', params: { label: '编辑「地区生产总值」', what: 'figure', name: '楚雄高新区 · 2022 · 地区生产总值' } });
    expect(e.message).toBe(
      '无法撤销“编辑「地区生产总值」”：数值「楚雄高新区 · 2022 · 地区生产总值」此后又被一次不能撤销的操作改动过，撤销此步会覆盖那次改动。此步已移出撤销记录，再次撤销将继续撤销之前的操作',
    );
    expectOnlyStates(before, dumpStore(s.ctx), ['编辑「地区生产总值」: done→none']);
    expect(figure(CX, '2022')).toBe('450');
    await call('history.undo');
    expect(figure(CX, '2022', '规上工业增加值')).not.toBe('340');
    expect(figure(CX, '2022')).toBe('450');
  });

  it('an import is refused as a whole when one of its figures changed: none of the others is taken back', async () => {
    const ids = s.ids(CX, '2022');
    const v = (name: string, value: string) => ({ ...ids, kind: 'actual' as const, indicatorId: s.indicatorId(name), value });
    writeValuesBulk(s.ctx, '导入', [v(GDP, '400'), v('规上工业增加值', '120'), v('新材料产业产值', '90')]);
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('新材料产业产值'), field: 'value', text: '95' }] }, { undoState: 'none' });
    const before = dumpStore(s.ctx);
    expect(await refused('history.undo')).toMatchObject({ code: 'UNDO_CHANGED', params: { label: '导入', name: '楚雄高新区 · 2022 · 新材料产业产值' } });
    expectOnlyStates(before, dumpStore(s.ctx), ['导入: done→none']);
    expect([figure(CX, '2022'), figure(CX, '2022', '规上工业增加值'), figure(CX, '2022', '新材料产业产值')]).toEqual(['400', '120', '95']);
  });
});

describe('redo of a step the store no longer allows', () => {
  it('a figure changed after the undo: refused, and the whole redo list cleared', async () => {
    const { parkId, periodId } = s.ids(CX, '2022');
    await edit(parkId, periodId, '400');
    await edit(parkId, periodId, '410', '规上工业增加值');
    await call('history.undo');
    await call('history.undo');
    editValues(s.ctx, { parkId, periodId, kind: 'actual', edits: [{ indicatorId: s.indicatorId(GDP), field: 'value', text: '450' }] }, { undoState: 'none' });
    const before = dumpStore(s.ctx);
    const e = await refused('history.redo');
    expect(e).toMatchObject({ code: 'REDO_CHANGED', params: { label: '编辑「地区生产总值」', what: 'figure', name: '楚雄高新区 · 2022 · 地区生产总值' } });
    expect(e.message).toContain('重做记录已清除');
    expectOnlyStates(before, dumpStore(s.ctx), ['编辑「地区生产总值」: undone→dropped', '编辑「规上工业增加值」: undone→dropped']);
    expect(await state()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    await expect(refused('history.redo')).resolves.toMatchObject({ code: 'NOTHING_TO_REDO' });
    expect(figure(CX, '2022')).toBe('450');
  });

  it('a park created again under its name while its creation was undone (with its local key reused)', async () => {
    const { periodId } = s.ids(CX, '2022');
    const park = await call<{ id: string }>('parks.create', { name: '禄丰产业园区' });
    await edit(park.id, periodId, '50');
    await call('history.undo');
    await call('history.undo');
    const pk = s.ctx.db.prepare("SELECT json_extract(coalesce(after, before), '$.pk') FROM changes WHERE entity = 'park' ORDER BY seq DESC LIMIT 1").pluck().get();
    // As another store merged in, or an older build, would: the same name, off the stack.
    const other = writeBatch(s.ctx, '外来园区', (log) => insertPark(s.ctx, log, { name: '禄丰产业园区' }), { undoState: 'none' });
    expect(s.ctx.db.prepare('SELECT pk FROM parks WHERE id = ?').pluck().get(other.id)).toBe(pk);
    const before = dumpStore(s.ctx);
    const e = await refused('history.redo');
    expect(e).toMatchObject({ code: 'REDO_DUPLICATE', params: { label: '新增园区「禄丰产业园区」', what: 'park', name: '禄丰产业园区' } });
    expect(e.message).toBe('无法重做“新增园区「禄丰产业园区」”：库中已另有同名的园区「禄丰产业园区」。重做记录已清除');
    // The figure was entered in the park that stayed undone; redoing it would land in the other one.
    expectOnlyStates(before, dumpStore(s.ctx), ['新增园区「禄丰产业园区」: undone→dropped', '编辑「地区生产总值」: undone→dropped']);
    expect(readGrid(s.ctx.db, other.id, periodId, 'actual').rows.every((r) => r.current === null)).toBe(true);
  });

  it('an indicator a newer built-in catalogue brought in under the same name', async () => {
    const category = BUILTIN_CATALOG.categories[0]!.code;
    await call('catalog.createIndicator', { categoryCode: category, name: '数字经济核心产业增加值', unit: '亿元', decimals: 2 });
    await call('history.undo');
    seedCatalog(s.ctx, {
      ...BUILTIN_CATALOG,
      version: BUILTIN_CATALOG.version + 1,
      indicators: [...BUILTIN_CATALOG.indicators, { code: 'Z01', category, name: '数字经济核心产业增加值', nameEn: 'Core digital economy', unit: '亿元', decimals: 2, sort: 999 }],
    });
    expect(await refused('history.redo')).toMatchObject({ code: 'REDO_DUPLICATE', params: { what: 'indicator', name: '数字经济核心产业增加值' } });
    expect(await state()).toMatchObject({ canRedo: false });
  });

  it('a figure whose period was removed in the meantime, named from the change log', async () => {
    const { parkId } = s.ids(CX, '2022');
    const period = await call<{ id: string }>('periods.create', { key: '2023' });
    await edit(parkId, period.id, '420');
    await call('history.undo');
    // Nothing in the app removes a period but undo; a store from elsewhere could arrive without it.
    s.ctx.db.prepare('DELETE FROM periods WHERE id = ?').run(period.id);
    const before = dumpStore(s.ctx);
    const e = await refused('history.redo');
    expect(e).toMatchObject({ code: 'REDO_MISSING', params: { label: '编辑「地区生产总值」', what: 'period', name: '2023' } });
    expect(formatMessage('REDO_MISSING', e.params, 'en')).toBe('Cannot redo "编辑「地区生产总值」": the period "2023" is no longer in the store. The redo list was cleared');
    expectOnlyStates(before, dumpStore(s.ctx), ['编辑「地区生产总值」: undone→dropped']);
  });
});

describe('a step the log holds but the schema refuses, or the log cannot read', () => {
  it('a CHECK constraint (a status an older release allowed): UNDO_CONFLICT with the constraint, not INTERNAL', async () => {
    const { parkId, periodId } = s.ids(CX, '2022');
    await edit(parkId, periodId, '400', '规上工业增加值');
    const row = s.ctx.db.prepare('SELECT v.* FROM indicator_values v JOIN indicators i ON i.pk = v.indicator JOIN parks p ON p.pk = v.park WHERE i.name = ? AND p.name = ? AND v.period = (SELECT pk FROM periods WHERE key = ?)').get(GDP, CX, '2022') as Record<string, unknown> & { park: number; period: number; kind: string; indicator: number };
    writeBatch(s.ctx, '旧版编辑', (log) => log.record('value', valueEntityId(row), { ...row, status: 'approved' }, row));
    const before = dumpStore(s.ctx);
    const e = await refused('history.undo');
    expect(e.code).toBe('UNDO_CONFLICT');
    expect(e.params).toMatchObject({ label: '旧版编辑', what: 'figure', name: '楚雄高新区 · 2022 · 地区生产总值' });
    expect(String(e.params?.detail)).toContain('CHECK constraint failed');
    expectOnlyStates(before, dumpStore(s.ctx), ['旧版编辑: done→none']);
    expect(await state()).toMatchObject({ undoLabel: '编辑「规上工业增加值」' });
  });

  it('a damaged change-log entry is refused, never half-applied', async () => {
    const { parkId, periodId } = s.ids(CX, '2022');
    await edit(parkId, periodId, '400', '规上工业增加值');
    await edit(parkId, periodId, '400');
    s.ctx.db.prepare("UPDATE changes SET before = '{not json' WHERE seq = (SELECT max(seq) FROM changes)").run();
    const before = dumpStore(s.ctx);
    const e = await refused('history.undo');
    expect(e.code).toBe('UNDO_CONFLICT');
    expect(String(e.params?.detail)).toContain('unreadable change-log entry');
    expectOnlyStates(before, dumpStore(s.ctx), ['编辑「地区生产总值」: done→none']);
    await call('history.undo');
    expect(figure(CX, '2022', '规上工业增加值')).not.toBe('400');
  });
});
