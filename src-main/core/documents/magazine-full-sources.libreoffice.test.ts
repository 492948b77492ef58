// 楚雄's feature with its second photo (园区标准化厂房) across both columns in the text and
// 注明数据来源 on, as LibreOffice lays the export: the columns above the photo end on a line calling a
// footnote and the photo goes to the next page, a page LibreOffice 7.4 did not lay before the photo's
// section opened with its 1 pt paragraph (core/reports/docx/magazine.ts). Every page's notes as the
// count sets them, and the columns but for one line. Page images in test-results/print/ (chuxiong-full-sources-*.png).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfLines, pdfToPngs } from '../../../test/support/libreoffice.ts';
import { countedColumns, countedNotes, ends, noteEnds, pdfColumns, pdfNotes, squeeze } from '../../../test/support/magazine-columns.ts';
import { tempStore } from '../../../test/support/temp-store.ts';
import { layMagazine } from '../../shared/print-layout/magazine-place.ts';
import { magazineChartSize } from '../../shared/print-layout/magazine-chart.ts';
import { writeBatch } from '../history/change-log.ts';
import { readSettings } from '../settings/settings.ts';
import { putDocument, requireDocument } from './documents.ts';
import { exportDocx } from './export-docx.ts';
import { resolveDocument } from './resolve.ts';

const OUT = fileURLToPath(new URL('../../../test-results/print/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-full-sources-'));
const store = tempStore({ demo: true });
afterAll(() => {
  store.dispose();
  rmSync(WORK, { recursive: true, force: true });
});

describe.skipIf(SKIP_LIBREOFFICE)('a photo across both columns with 注明数据来源, rendered', () => {
  it('chuxiong-full-sources: converted, the photo on the counted page, every page\'s notes as counted, the columns but one line', async () => {
    const ids = store.ids('楚雄高新区', '2022');
    const body = requireDocument(store.ctx.db, ids.parkId, ids.periodId).body;
    const photos = body.photos.map((p, i) => (i === 1 ? { ...p, span: 'full' as const, place: 'flow' as const } : p));
    writeBatch(store.ctx, 'photo across both columns', (log) => putDocument(store.ctx, log, ids.parkId, ids.periodId, { ...body, photos }), { undoState: 'none' });
    const doc = resolveDocument(store.ctx.db, { ...ids, body: { ...body, photos } }, readSettings(store.ctx.db));
    const laid = layMagazine(doc, magazineChartSize, { sources: true });
    const at = laid.flow.findIndex((item) => item.kind === 'photo' && item.span === 'full');
    const photo = laid.flow[at] as Extract<(typeof laid.flow)[number], { kind: 'photo' }>;
    const page = laid.pages.findIndex((p) => p.bands.some((b) => b.kind === 'full' && b.item === at));
    // The case LibreOffice did not lay: the columns above the photo end on a page before it.
    expect(page).toBeGreaterThan(0);
    expect(laid.pages[page - 1]!.bands.at(-1)).toMatchObject({ kind: 'columns', balanced: true });

    const file = await exportDocx(store.ctx, { documents: [ids], template: 'magazine', allowMarkers: true, sources: true });
    const docx = join(WORK, 'chuxiong-full-sources.docx');
    writeFileSync(docx, file.bytes);
    const pdf = await convertWithLibreOffice(docx, 'pdf', WORK, { timeoutMs: 150_000 });
    mkdirSync(OUT, { recursive: true });
    for (const png of await pdfToPngs(pdf, join(WORK, 'chuxiong-full-sources'), { dpi: 80 })) copyFileSync(png, join(OUT, basename(png)));
    const pages = await pdfLines(pdf, { superscripts: false });

    const caption = squeeze(photo.caption.join(''));
    expect(pages.findIndex((p) => p.lines.some((l) => squeeze(l.text).startsWith(caption.slice(0, 6))))).toBe(page);
    expect(noteEnds(pdfNotes(pages))).toEqual(noteEnds(countedNotes(laid.notes)));
    // Every column as counted but one line: LibreOffice ends page 1's right column a line higher than
    // the count, the room being there (the same page without the photo across both columns is laid as
    // counted), and that line opens page 2's left column, whose balanced columns still end where counted.
    // It lays these pages 30 s long where it lays the feature without notes in 4: the notes of the
    // balanced columns above the photo keep it moving text between pages a while.
    const counted = countedColumns(laid.flow, laid.pages);
    const rendered = pdfColumns(pages, [caption]);
    expect(ends(rendered.slice(2))).toEqual(ends(counted.slice(2)));
    expect([rendered[0]![0], rendered[1]![1]]).toEqual([counted[0]![0], counted[1]![1]]);
    const moved = counted[0]![1]!.slice(rendered[0]![1]!.length);
    expect(counted[0]![1]!.startsWith(rendered[0]![1]!) && rendered[1]![0] === moved + counted[1]![0]).toBe(true);
    expect(moved.length).toBeLessThanOrEqual(21);
  }, 240_000);
});
