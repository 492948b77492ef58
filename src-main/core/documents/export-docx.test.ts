// The export read the way a reader sees it: the .docx goes through LibreOffice (a second,
// independent reader) to text, and every figure in it must be the store's value as core/format
// phrases it, in the order the document quotes them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartOf, runsText, type ResolvedDocument, type Run } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { convertWithLibreOffice, SKIP_LIBREOFFICE } from '../../../test/support/libreoffice.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
import { saveDocument, requireDocument } from './documents.ts';
import { exportDocx } from './export-docx.ts';
import { resolveDocument } from './resolve.ts';

let s: TempStore;
let out: string;
beforeAll(() => {
  s = tempStore();
  out = mkdtempSync(join(tmpdir(), 'parkbrief-export-'));
});
afterAll(() => {
  s.dispose();
  rmSync(out, { recursive: true, force: true });
});

const flat = (t: string) => t.replace(/\s+/g, '');

/** The text in reading order; captions stand where their photos do, so they are checked apart. */
function allRuns(d: ResolvedDocument): Run[][] {
  return [d.title, d.subtitle, ...d.lead, ...d.sections.flatMap((x) => [x.heading, ...x.paragraphs])];
}

async function exportAndRead(park: string, period: string, template: 'magazine' | 'bulletin', name: string) {
  const file = await exportDocx(s.ctx, { documents: [s.ids(park, period)], template, allowMarkers: false });
  const path = join(out, `${name}.docx`);
  writeFileSync(path, file.bytes);
  return { file, text: flat(await readFile(await convertWithLibreOffice(path, 'txt', out))) };
}

async function readFile(p: string) {
  const { readFile: rf } = await import('node:fs/promises');
  return rf(p, 'utf8');
}

function resolved(park: string, period: string) {
  const ids = s.ids(park, period);
  return resolveDocument(s.ctx.db, { ...ids, body: requireDocument(s.ctx.db, ids.parkId, ids.periodId).body }, DEFAULT_SETTINGS);
}

describe.skipIf(SKIP_LIBREOFFICE)('exported briefings, read back through LibreOffice', () => {
  it.each([
    ['楚雄高新区', '2022', 'magazine'],
    ['楚雄高新区', '2022', 'bulletin'],
    ['昆明高新区', '2017', 'magazine'],
    ['昆明高新区', '2017', 'bulletin'],
  ] as const)('%s %s as %s: every paragraph, figures included, reads as resolved from the store', async (park, period, template) => {
    const doc = resolved(park, period);
    expect(doc.problems).toEqual([]);
    const figures = [...allRuns(doc), ...doc.photos.map((p) => p.caption)].flat().filter((r) => r.kind === 'figure');
    expect(figures.length).toBeGreaterThan(20);
    const { text, file } = await exportAndRead(park, period, template, `${park}-${template}`);
    expect(file.fileName).toBe(`${park}-${period}-${template === 'magazine' ? '园区风采' : '工作简报'}.docx`);
    // Each paragraph whole (so each figure stands in its sentence), in document order.
    let at = 0;
    for (const runs of allRuns(doc)) {
      // A chart's words are in its picture; what reads as text is its source line below it.
      const chart = chartOf(runs);
      const para = flat(chart ? chart.credit : runsText(runs));
      if (!para) continue;
      const found = text.indexOf(para, at);
      expect(found, `not found after offset ${at}: ${para.slice(0, 40)}…`).toBeGreaterThanOrEqual(0);
      at = found + para.length;
    }
    for (const p of doc.photos) expect(text).toContain(flat(runsText(p.caption)));
  });

  it.each([
    ['楚雄高新区', '2022', ['地区生产总值333.52亿元', '产值248.11亿元，增长42.5%', '接待来访客商569余人', '由原来的35个工作日缩短为5个工作日', '协议投资额192.5亿元', '贷款6950万元']],
    ['昆明高新区', '2017', ['园区总收入突破2000亿元', '增速14.2%', '社会消费品零售总额增长12.9%', '占园区总收入的近80%', '内资45.5亿元、外资1512万美元', '新增高新技术企业不少于20户', '从176个工作日压缩为28个工作日']],
  ] as const)('%s %s reads as the seed article does', async (park, period, phrases) => {
    const { text } = await exportAndRead(park, period, 'magazine', `${park}-seed`);
    for (const p of phrases) expect(text).toContain(p);
  });

  it('follows the store: change 地区生产总值 and the exported feature changes', async () => {
    const before = await exportAndRead('楚雄高新区', '2022', 'magazine', 'before');
    expect(before.text).toContain('地区生产总值333.52亿元');
    const ids = s.ids('楚雄高新区', '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text: '351.07' }] });
    const after = await exportAndRead('楚雄高新区', '2022', 'magazine', 'after');
    expect(after.text).toContain('地区生产总值351.07亿元');
    expect(after.text).not.toContain('333.52');
  });
});

describe('refusing an export with unfilled placeholders', () => {
  it('lists every problem by place, and with markers allowed writes them visibly', async () => {
    const ids = s.ids('楚雄高新区', '2021');
    const body = structuredClone(requireDocument(s.ctx.db, ...Object.values(s.ids('楚雄高新区', '2022')) as [string, string]).body);
    body.lead = ['2021年地区生产总值{地区生产总值}。', '{没有的指标}'];
    saveDocument(s.ctx, ids.parkId, ids.periodId, body);
    let err: AppError | null = null;
    try {
      await exportDocx(s.ctx, { documents: [ids], template: 'bulletin', allowMarkers: false });
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('DOCUMENT_UNRESOLVED');
    expect(err!.details!.length).toBeGreaterThanOrEqual(2);
    expect(err!.details![0]!.message).toBe('导语第1段：{地区生产总值} — 地区生产总值没有2021年数值');
    expect(err!.details![1]!.message).toBe('导语第2段：{没有的指标} — 指标库中没有「没有的指标」');
    const file = await exportDocx(s.ctx, { documents: [ids], template: 'bulletin', allowMarkers: true });
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    // Each marker is its own highlighted run holding the placeholder as written.
    for (const marker of ['{地区生产总值}', '{没有的指标}']) {
      const run = xml.match(new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${marker.replace(/[{}]/g, '\\$&')}</w:t></w:r>`, 's'))?.[0];
      expect(run, marker).toBeDefined();
      expect(run).toMatch(/<w:highlight w:val="yellow"\/>/);
    }
  });
});
