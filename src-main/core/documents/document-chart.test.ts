// Chart blocks of a document: resolved from the store, refused with a named problem, embedded in
// Word as SVG with the PNG as the picture every other program shows, and drawn by LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartOf, type DocumentBody } from '../../shared/document.ts';
import { requireDocument } from './documents.ts';
import { exportDocx } from './export-docx.ts';
import { resolveDocument } from './resolve.ts';
import { readSettings } from '../settings/settings.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfText } from '../../../test/support/libreoffice.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { documentChartWidth } from '../../shared/chart/describe.ts';
import { BULLETIN_FRAME } from '../reports/docx/bulletin-page.ts';
import { pxFromTwips, textWidth } from '../reports/docx/page.ts';
import { PNG_ZOOM } from '../reports/charts/png.ts';
import { drawChart } from '../reports/charts/draw.ts';
import { dispatch } from '../rpc/dispatch.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-chart-doc-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function resolveWith(paragraphs: string[]) {
  const ids = s.ids('楚雄高新区', '2022');
  const body: DocumentBody = { ...requireDocument(s.ctx.db, ids.parkId, ids.periodId).body, lead: paragraphs };
  return resolveDocument(s.ctx.db, { ...ids, body }, readSettings(s.ctx.db));
}

describe('chart blocks in documents', () => {
  it('draws the demo article chart from the store', () => {
    const ids = s.ids('楚雄高新区', '2022');
    const doc = resolveDocument(s.ctx.db, { ...ids, body: requireDocument(s.ctx.db, ids.parkId, ids.periodId).body }, readSettings(s.ctx.db));
    const charts = doc.sections.flatMap((x) => x.paragraphs).flatMap((p) => chartOf(p) ?? []);
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart!.title).toBe('2022年楚雄高新区主导产业产值');
    expect(chart!.credit).toBe('资料来源：楚雄高新区管委会。');
    expect(chart!.data.kind === 'trend' && chart!.data.series.map((x) => [x.indicator.name, x.figures.map((f) => f?.value)])).toEqual([
      ['生物医药产业产值', ['78.13']],
      ['新材料产业产值', ['248.11']],
    ]);
    expect(doc.problems).toEqual([]);
  });

  it('names what keeps a chart from being drawn, by place, like a placeholder problem', () => {
    const doc = resolveWith(['{图表：地区生产总值、不存在的指标}', '{图表：地区生产总值|园区=无名园区}', '{图表：绿色食品产业产值}', '{图表：地区生产总值|园区=全部}', '图表不在段首：{图表：地区生产总值}']);
    expect(doc.problems.map((p) => [p.place.paragraph, p.code])).toEqual([
      [0, 'UNKNOWN_INDICATOR'],
      [1, 'UNKNOWN_PARK'],
      [2, 'NO_VALUE'],
      // prose mentioning {图表：…} is a placeholder naming an indicator 图表：地区生产总值
      [4, 'UNKNOWN_INDICATOR'],
    ]);
    expect(chartOf(doc.lead[3]!)!.data.kind).toBe('rank');
  });

  it('marks the target of a trend where the store has one, as the grid\'s chart panel does, in Word too', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const edited = await dispatch(s.ctx, 'values.edit', { ...ids, kind: 'target', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text: '350' }] });
    expect(edited.ok).toBe(true);
    const chart = chartOf(resolveWith(['{图表：地区生产总值}']).lead[0]!)!;
    expect(chart.data.kind === 'trend' && chart.data.series[0]!.targets.map((t) => t?.value ?? null).at(-1)).toBe('350');
    const drawn = await drawChart(chart, 380);
    expect(drawn.svg.toString()).toContain('>目标350</text>');
  });

  it('embeds the chart in Word as SVG with a PNG main picture, as Word writes it', async () => {
    const file = await exportDocx(s.ctx, { documents: [s.ids('楚雄高新区', '2022')], template: 'magazine', allowMarkers: false });
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const blips = [...xml.matchAll(/<a:blip r:embed="(rId\d+)"[^>]*><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip [^>]*r:embed="(rId\d+)"/g)];
    expect(blips).toHaveLength(1);
    const [, png, svg] = blips[0]!;
    expect(target(png!)).toMatch(/^media\/.*\.png$/);
    expect(target(svg!)).toMatch(/^media\/.*\.svg$/);
    const svgText = await zip.file(`word/${target(svg!)}`)!.async('string');
    expect(svgText).toContain('>2022年楚雄高新区主导产业产值</text>');
    expect(svgText).toContain('>248.11</text>');
    expect(xml).toContain('资料来源：楚雄高新区管委会。');
    const pngBytes = await zip.file(`word/${target(png!)}`)!.async('nodebuffer');
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it.skipIf(SKIP_LIBREOFFICE)('is drawn by LibreOffice in the page, from the PNG', { timeout: 120_000 }, async () => {
    const file = await exportDocx(s.ctx, { documents: [s.ids('昆明高新区', '2017')], template: 'bulletin', allowMarkers: false });
    const docx = join(WORK, 'kunming-bulletin.docx');
    writeFileSync(docx, file.bytes);
    const pdf = await convertWithLibreOffice(docx, 'pdf', WORK);
    const pages = (await pdfText(pdf)).split('\f');
    const page = pages.findIndex((p) => p.includes('资料来源：昆明高新区管委会。')) + 1;
    expect(page).toBeGreaterThan(0);
    // The picture on that page is the chart's PNG at its own resolution, drawn as wide as the bulletin's type area.
    const images = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
    const widths = images.split('\n').slice(2).filter((l) => / image /.test(l)).map((l) => Number(l.trim().split(/\s+/)[3]));
    expect(widths).toContain(Math.round(documentChartWidth(pxFromTwips(textWidth(BULLETIN_FRAME))) * PNG_ZOOM));
  });
});
