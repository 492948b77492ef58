import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxParts, paragraphs, textOf } from '../../../test/support/docx-parts.ts';
import { relationships } from '../reports/docx/splice.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { allParks } from '../repos/parks.ts';
import { requireDocument, saveDocument } from './documents.ts';
import { exportYearbook } from './yearbook.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

describe('exportYearbook', () => {
  it('binds the parks that have a document, and prints the others with why they are left out', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    // 昆明高新区's document asks for a figure the store does not have.
    const body = requireDocument(s.ctx.db, chuxiong.parkId, chuxiong.periodId).body;
    saveDocument(s.ctx, kunming.parkId, kunming.periodId, { ...body, lead: [...body.lead, '{不存在的指标}'] });
    const file = await exportYearbook(s.ctx, { periodId: chuxiong.periodId, template: 'magazine', allowMarkers: false });
    expect(file.documents).toBe(1);
    const others = allParks(s.ctx.db).filter((p) => p.name !== '楚雄高新区' && p.name !== '昆明高新区');
    expect(file.leftOut.map((l) => l.park).sort()).toEqual(['昆明高新区', ...others.map((p) => p.name)].sort());
    expect(file.leftOut.find((l) => l.park === '昆明高新区')!.reason).toMatch(/^文稿中有 \d+ 处数据占位符无法填写（导语第1段/);
    const texts = paragraphs((await docxParts(file.bytes)).document).map(textOf);
    expect(texts).toContain(`未收录的园区（${file.leftOut.length}个）`);
    for (const p of others) expect(texts).toContain(`${p.name}：2022年没有文稿`);
    expect(texts.some((t) => /^昆明高新区：文稿中有 \d+ 处数据占位符无法填写/.test(t))).toBe(true);
  });

  it('prints the article’s chart as SVG with its PNG for programs that cannot draw SVG, and reports the features written', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const stages: string[] = [];
    const file = await exportYearbook(s.ctx, { periodId: chuxiong.periodId, template: 'magazine', allowMarkers: false }, (stage, n, total) => stages.push(`${stage} ${n}/${total}`));
    const parts = await docxParts(file.bytes);
    const rels = relationships(await (await JSZip.loadAsync(file.bytes)).file('word/_rels/document.xml.rels')!.async('string'));
    const target = (id: string) => rels.find((r) => r.id === id)?.target;
    const chart = /<a:blip r:embed="([^"]+)"[^>]*><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(parts.document);
    expect(target(chart![1]!)).toMatch(/^media\/\w+\.png$/);
    expect(target(chart![2]!)).toMatch(/^media\/\w+\.svg$/);
    for (const id of [chart![1]!, chart![2]!]) expect(parts.names).toContain(`word/${target(id)}`);
    expect(stages.at(-1)).toBe('building 1/1');
  });

  it('binds the park with markers when the user chose to export with them', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    const body = requireDocument(s.ctx.db, chuxiong.parkId, chuxiong.periodId).body;
    saveDocument(s.ctx, kunming.parkId, kunming.periodId, { ...body, lead: [...body.lead, '{不存在的指标}'] });
    const file = await exportYearbook(s.ctx, { periodId: chuxiong.periodId, template: 'magazine', allowMarkers: true });
    expect(file.documents).toBe(2);
    expect(file.leftOut.map((l) => l.park)).not.toContain('昆明高新区');
  });
});
