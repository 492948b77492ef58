// One figure text, four ways in: `parkbrief set`, a grid cell and a paste (both values.edit) and an
// import all read it with the one parser, so they store the same figure or refuse with one message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage, type ErrorCode } from '../../shared/errors.ts';
import type { Envelope } from '../../shared/contract.ts';
import type { ImportPreview } from '../../shared/tables.ts';
import { runCliCaptured } from '../../../test/support/run-cli-captured.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { readGrid } from './grid.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const PARK = '楚雄高新区';
const PERIOD = '2022';
const GDP = '地区生产总值';

type Entry = (text: string) => Promise<{ ok: true } | { ok: false; messages: string[] }>;

/** The four entries, each given the text as the value of 地区生产总值 for 楚雄高新区 2022. */
const ENTRIES: Record<string, Entry> = {
  async 'parkbrief set'(text) {
    const r = await runCliCaptured(['set', '--db', s.path, '--park', PARK, '--period', PERIOD, '--indicator', GDP, '--value', text]);
    return r.code === 0 ? { ok: true } : { ok: false, messages: [r.err] };
  },
  async 'the grid cell'(text) {
    return edited(await edit([{ indicatorId: s.indicatorId(GDP), field: 'value', text }]));
  },
  async 'a paste'(text) {
    // A block copied from a spreadsheet: three rows of 本期值, this text in the first.
    const names = [GDP, '生物医药产业产值', '新材料产业产值'];
    return edited(await edit(names.map((n, i) => ({ indicatorId: s.indicatorId(n), field: 'value' as const, text: i === 0 ? text : '80' }))));
  },
  async 'an import'(text) {
    const csv = Buffer.from(`指标名称,本期值\n${GDP},${text}\n`, 'utf8');
    const p = await dispatch(s.ctx, 'imports.preview', { fileName: 'figures.csv', base64: csv.toString('base64'), ...s.ids(PARK, PERIOD) });
    if (!p.ok) return { ok: false, messages: [p.error.message] };
    const preview = p.value as ImportPreview;
    if (!preview.canApply) return { ok: false, messages: preview.errors.map((e) => e.message) };
    const a = await dispatch(s.ctx, 'imports.apply', { previewId: preview.previewId });
    return a.ok ? { ok: true } : { ok: false, messages: [a.error.message] };
  },
};

function edit(edits: { indicatorId: string; field: 'value'; text: string }[]): Promise<Envelope<unknown>> {
  return dispatch(s.ctx, 'values.edit', { ...s.ids(PARK, PERIOD), kind: 'actual', edits });
}

function edited(r: Envelope<unknown>): { ok: true } | { ok: false; messages: string[] } {
  return r.ok ? { ok: true } : { ok: false, messages: (r.error.details ?? [r.error]).map((d) => d.message) };
}

function stored() {
  const { parkId, periodId } = s.ids(PARK, PERIOD);
  const row = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === GDP)!;
  return { value: row.current?.value, unit: row.current?.unit, qualifier: row.current?.qualifier };
}

describe.each(Object.keys(ENTRIES))('%s', (entry) => {
  it.each([
    ['突破340亿元', { value: '340', unit: '亿元', qualifier: '突破' }],
    ['3000余万元', { value: '3000', unit: '万元', qualifier: '余' }],
    ['近3.5万亿元', { value: '35000', unit: '亿元', qualifier: '近' }],
  ])('stores %s as the figure it says', async (text, figure) => {
    expect(await ENTRIES[entry]!(text)).toEqual({ ok: true });
    expect(stored()).toEqual(figure);
  });

  it.each<[string, ErrorCode]>([
    ['三百四十左右亿', 'NOT_A_NUMBER'],
    ['1e308', 'OUT_OF_RANGE'],
    ['近约340亿元', 'FIGURE_QUALIFIERS_STACKED'],
  ])('refuses %s with the one message (%s) and writes nothing', async (text, code) => {
    const before = dumpStore(s.ctx);
    const r = await ENTRIES[entry]!(text);
    const parsed = { field: 'value', text };
    const expected = formatMessage(code, code === 'FIGURE_QUALIFIERS_STACKED' ? { ...parsed, first: '近', second: '约' } : parsed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messages.some((m) => m.endsWith(expected)), `${r.messages.join(' | ')} ends with ${expected}`).toBe(true);
    expect(dumpStore(s.ctx)).toEqual(before);
  });
});
