// The yearbook benches' store and the peer's input. The store is the demo store plus parks up to
// `parks`, each given a copy of 楚雄高新区's figures (one INSERT … SELECT per park, one transaction)
// and its own copy of the 楚雄 article (which carries a chart and a photo) with the park name
// replaced. The peer's input is the resolved documents as pandoc Markdown, pictures as files.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { putDocument, requireDocument } from '../src-main/core/documents/documents.ts';
import { getPhotoBytes } from '../src-main/core/documents/photos.ts';
import { DocumentFigures, resolveDocument } from '../src-main/core/documents/resolve.ts';
import { writeBatch } from '../src-main/core/history/change-log.ts';
import { photosAt } from '../src-main/shared/print-layout/magazine-flow.ts';
import { findParkByName, getParkRow, insertPark } from '../src-main/core/repos/parks.ts';
import { requirePeriodByKey } from '../src-main/core/repos/periods.ts';
import { readSettings } from '../src-main/core/settings/settings.ts';
import type { CoreContext } from '../src-main/core/context.ts';
import { chartOf, runsText, type ResolvedDocument } from '../src-main/shared/document.ts';

export const PARK = '楚雄高新区';
export const PERIOD = '2022';

export interface YearbookFixture {
  /** In yearbook order: 楚雄高新区 first, then the copies. */
  documents: { parkId: string; periodId: string }[];
}

export function buildYearbookStore(ctx: CoreContext, parks: number): YearbookFixture {
  const { db } = ctx;
  const period = requirePeriodByKey(db, PERIOD);
  const chuxiong = findParkByName(db, PARK);
  const documents = [{ parkId: chuxiong.id, periodId: period.id }];
  const bodyJson = JSON.stringify(requireDocument(db, chuxiong.id, period.id).body);
  const columns = (db.pragma('table_info(indicator_values)') as { name: string }[]).map((c) => c.name);
  const copyValues = db.prepare(
    `INSERT INTO indicator_values (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'park' ? '@to' : c)).join(', ')} FROM indicator_values WHERE park = @from`,
  );
  const fromPk = getParkRow(db, chuxiong.id).pk;
  writeBatch(ctx, 'bench yearbook', (log) => {
    for (let i = 1; i < parks; i++) {
      const name = `滇中样本${String(i).padStart(3, '0')}高新区`;
      const park = insertPark(ctx, log, { name });
      copyValues.run({ to: getParkRow(db, park.id).pk, from: fromPk });
      putDocument(ctx, log, park.id, period.id, JSON.parse(bodyJson.replaceAll(PARK, name)));
      documents.push({ parkId: park.id, periodId: period.id });
    }
  });
  return { documents };
}

/** Pandoc Markdown for text that must come out literally: every ASCII punctuation Markdown reads is escaped. */
function esc(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#~^$@|]/g, '\\$&')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([-+:%])/, '$1\\$2');
}

/** The same gap rule as the magazine's run-in heading and the photo credit. */
const endsInPunctuation = (s: string) => /[。，、；：！？）”」』…]$/u.test(s.trimEnd());

/**
 * What ParkBrief's text carries, as Markdown: title as `#`, subtitle, by-line, lead, each section
 * heading run in bold into its first paragraph, photos as `![caption credit](sha.png)` with the
 * store's bytes, a chart as its PNG (`chartPng` gives the file name of a drawn chart's PNG).
 */
export function markdownOf(ctx: CoreContext, doc: ResolvedDocument, dir: string, chartPng: (title: string) => string | null): string {
  const out: string[] = [];
  const photos = (section: number) => {
    for (const { photo: p } of photosAt(doc, section)) {
      const file = `${p.sha256}.${p.mime === 'image/png' ? 'png' : 'jpg'}`;
      if (!existsSync(join(dir, file))) writeFileSync(join(dir, file), getPhotoBytes(ctx.db, p.sha256));
      const caption = runsText(p.caption).trimEnd();
      const credit = p.credit.trim();
      out.push(`![${esc(caption + (credit ? (caption === '' || endsInPunctuation(caption) ? '' : '\u3000') + credit : ''))}](${file})`);
    }
  };
  const paragraph = (runs: Parameters<typeof runsText>[0]) => {
    const chart = chartOf(runs);
    if (!chart) return esc(runsText(runs));
    const file = chartPng(chart.title ?? '');
    return file ? `![${esc(chart.title ?? '')}](${file})\n\n${esc(chart.credit)}` : esc(chart.credit);
  };
  out.push(`# ${esc(runsText(doc.title))}`);
  if (runsText(doc.subtitle).trim()) out.push(`## ${esc(runsText(doc.subtitle))}`);
  if (doc.byline.trim()) out.push(esc(doc.byline.trim()));
  for (const p of doc.lead) out.push(paragraph(p));
  photos(-1);
  doc.sections.forEach((s, i) => {
    const heading = runsText(s.heading).trim();
    const [first, ...rest] = s.paragraphs;
    const gap = endsInPunctuation(heading) ? '' : '\u3000';
    if (first !== undefined && chartOf(first)) out.push(`**${esc(heading)}**`, paragraph(first));
    else out.push(`**${esc(heading)}**${first === undefined ? '' : gap + esc(runsText(first))}`);
    for (const p of rest) out.push(paragraph(p));
    photos(i);
  });
  return out.join('\n\n') + '\n';
}

export function resolveAll(ctx: CoreContext, docs: YearbookFixture['documents']): ResolvedDocument[] {
  const settings = readSettings(ctx.db);
  const reader = new DocumentFigures(ctx.db);
  return docs.map((d) => resolveDocument(ctx.db, { ...d, body: requireDocument(ctx.db, d.parkId, d.periodId).body }, settings, reader));
}
