// 同比 at a rounding boundary: 200 → 202.1 is 1.05 % exactly, so the store's rounding setting alone
// decides 1.1 (四舍五入) or 1.0 (round-half-even). Every place that shows a computed 同比 must agree:
// the grid, `parkbrief show --json`, the Word export and the Excel table — also across 万元/亿元.

import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../test/support/run-cli-captured.ts';
import { saveDocument } from '../documents/documents.ts';
import { exportDocx } from '../documents/export-docx.ts';
import { writeBatch } from '../history/change-log.ts';
import { ensurePeriod, getPeriodRow } from '../repos/periods.ts';
import { getParkRow } from '../repos/parks.ts';
import { updateSettings } from '../settings/settings.ts';
import { tablesContext } from '../tables/context.ts';
import { buildTableSheet } from '../tables/table-sheet.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { testBody } from '../../../test/support/test-body.ts';
import { editValues } from '../values/edit-values.ts';
import { readGrid } from '../values/grid.ts';

const PARK = '楚雄高新区';
const GDP = '地区生产总值';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

function setFigure(period: string, value: string, unit: string) {
  writeBatch(s.ctx, 'p', (log) => ensurePeriod(s.ctx, log, period));
  const edits = [
    { field: 'unit' as const, text: unit },
    { field: 'value' as const, text: value },
  ].map((e) => ({ indicatorId: s.indicatorId(GDP), ...e }));
  editValues(s.ctx, { ...s.ids(PARK, period), kind: 'actual', edits });
}

/** 同比 of 地区生产总值 2022 as each front shows it. */
async function everywhere(): Promise<{ grid: string | null; show: string | null; word: string; excel: number | null }> {
  const { parkId, periodId } = s.ids(PARK, '2022');
  const grid = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === GDP)!.computedGrowth;

  const run = await runCliCaptured(['show', '--park', PARK, '--period', '2022', '--json', '--db', s.path]);
  expect(run.code, run.err).toBe(0);
  const show = (JSON.parse(run.out) as { indicator: string; growth: string | null }[]).find((r) => r.indicator === GDP)!.growth;

  saveDocument(s.ctx, parkId, periodId, testBody({ title: '同比{地区生产总值|同比}' }));
  const docx = await exportDocx(s.ctx, { documents: [{ parkId, periodId }], template: 'bulletin', allowMarkers: false });
  const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  const word = /同比(增长[\d.]+%)/.exec(xml.replace(/<[^>]+>/g, ''))?.[1] ?? '(none)';

  const periods = ['2021', '2022'].map((k) => getPeriodRow(s.ctx.db, s.ids(PARK, k).periodId));
  const sheet = buildTableSheet(tablesContext(s.ctx.db), '指标表', getParkRow(s.ctx.db, parkId), periods, 'actual');
  const line = sheet.lines.find((l) => l.type === 'indicator' && l.ind.name === GDP);
  const excel = line && line.type === 'indicator' ? (line.growth?.number ?? null) : null;
  return { grid, show, word, excel };
}

describe('同比 at a rounding boundary is the same in the grid, show --json, Word and Excel', () => {
  it('200 → 202.1 亿元: 1.1 with 四舍五入', async () => {
    setFigure('2021', '200', '亿元');
    setFigure('2022', '202.1', '亿元');
    expect(await everywhere()).toEqual({ grid: '1.1', show: '1.1', word: '增长1.1%', excel: 1.1 });
  });

  it('200 → 202.1 亿元: 1.0 with round-half-even', async () => {
    updateSettings(s.ctx, { rounding: 'half-even' });
    setFigure('2021', '200', '亿元');
    setFigure('2022', '202.1', '亿元');
    expect(await everywhere()).toEqual({ grid: '1.0', show: '1.0', word: '增长1.0%', excel: 1 });
  });

  it('20000 万元 → 2.021 亿元: the same, across units', async () => {
    updateSettings(s.ctx, { rounding: 'half-even' });
    setFigure('2021', '20000', '万元');
    setFigure('2022', '2.021', '亿元');
    expect(await everywhere()).toEqual({ grid: '1.0', show: '1.0', word: '增长1.0%', excel: 1 });
    updateSettings(s.ctx, { rounding: 'half-up' });
    expect(await everywhere()).toEqual({ grid: '1.1', show: '1.1', word: '增长1.1%', excel: 1.1 });
  });
});
