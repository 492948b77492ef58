// Writes the gold figures of the two seed articles (test/extraction/gold/*.json) from what the
// project already holds about them: the demo documents mark every figure of both articles with a
// placeholder, and the demo store holds each figure's value, unit, qualifier, growth, before-figure,
// kind and period. Each placeholder is written out from the demo store and found in the seed text
// by the prose just before it, so the gold's offsets are the seed's own.
//
//   node test/extraction/derive-seed-gold.ts          (rewrites the two files; review the diff)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import demo from '../../resources/demo/demo-store.json' with { type: 'json' };
import { findIndicator } from '../../src-main/core/catalog/catalog.ts';
import type { DemoValue } from '../../src-main/core/demo/load-demo.ts';
import { findDocument } from '../../src-main/core/documents/documents.ts';
import { resolveDocument } from '../../src-main/core/documents/resolve.ts';
import { readSettings } from '../../src-main/core/settings/settings.ts';
import { periodFromWriting, tokenize } from '../../src-main/shared/placeholder.ts';
import { unitDef } from '../../src-main/shared/figure/units.ts';
import type { Run } from '../../src-main/shared/document.ts';
import { tempStore } from '../support/temp-store.ts';
import { GOLD_DIR, readArticle, SEED_ARTICLES, type GoldFigure } from './articles.ts';

/** A placeholder written out, found in the seed. */
interface Found {
  indicator: string;
  period: string;
  kind: 'actual' | 'target';
  options: string[];
  unit: string | null;
  start: number;
  end: number;
}

/** Characters that differ between the seed as extracted and the documents as typeset, folded together. */
const FOLD: Record<string, string> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';', '！': '!', '？': '?' };

/** The text without blanks, folded, with each kept character's offset in the original. */
function folded(text: string): { s: string; at: number[] } {
  let s = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    s += FOLD[c] ?? c;
    at.push(i);
  }
  return { s, at };
}

function fold(text: string): string {
  return folded(text).s;
}

/**
 * Where `figure` stands in the seed: after the longest stretch of the prose before it (at least a
 * few characters) that occurs once, else before the prose after it, else alone if it occurs once.
 */
function locate(seed: { s: string; at: number[] }, before: string, figure: string, after: string): { start: number; end: number } {
  const f = fold(figure);
  const b = fold(before);
  const a = fold(after);
  for (let n = Math.min(16, b.length); n >= 3; n--) {
    const needle = b.slice(b.length - n) + f;
    const i = seed.s.indexOf(needle);
    if (i >= 0 && seed.s.indexOf(needle, i + 1) < 0) return span(seed, i + n, f.length);
  }
  for (let n = Math.min(16, a.length); n >= 3; n--) {
    const needle = f + a.slice(0, n);
    const i = seed.s.indexOf(needle);
    if (i >= 0 && seed.s.indexOf(needle, i + 1) < 0) return span(seed, i, f.length);
  }
  // A figure the seed states once needs no context (the PDF's chunk marks may break the prose before it).
  const only = seed.s.indexOf(f);
  if (only >= 0 && seed.s.indexOf(f, only + 1) < 0) return span(seed, only, f.length);
  throw new Error(`not found in the seed: …${before.slice(-12)}[${figure}]${after.slice(0, 12)}…`);
}

function span(seed: { at: number[] }, i: number, len: number): { start: number; end: number } {
  return { start: seed.at[i]!, end: seed.at[i + len - 1]! + 1 };
}

/** The clause of the seed a figure stands in: from the last clause mark before it to the next after. */
function quoteOf(text: string, start: number, end: number): string {
  const marks = /[。；;！？!?\n]/;
  let a = start;
  while (a > 0 && !marks.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !marks.test(text[b]!)) b++;
  return text.slice(a, b).trim();
}

const GROWTH_OPTIONS = new Set(['同比', '增速']);

function derive(store: ReturnType<typeof tempStore>, docName: string): GoldFigure[] {
  const seedFile = SEED_ARTICLES[docName]!;
  const text = readArticle(seedFile.file);
  const seed = folded(text);
  const { parkId, periodId } = store.ids(seedFile.park, seedFile.period);
  const doc = findDocument(store.ctx.db, parkId, periodId)!;
  const resolved = resolveDocument(store.ctx.db, { parkId, periodId, body: doc.body }, readSettings(store.ctx.db));
  const paragraphs: Run[][] = [resolved.title, ...resolved.lead, ...resolved.sections.flatMap((s) => [s.heading, ...s.paragraphs])];

  const found: Found[] = [];
  for (const runs of paragraphs) {
    runs.forEach((run, i) => {
      if (run.kind !== 'figure') return;
      const before = runs.slice(0, i).map((r) => r.text).join('');
      const after = runs.slice(i + 1).map((r) => r.text).join('');
      const token = tokenize(run.source, (u) => unitDef(u) !== undefined)[0]!;
      if (token.kind !== 'placeholder') throw new Error(`not a placeholder: ${run.source}`);
      const p = token.placeholder;
      found.push({
        indicator: p.indicator,
        period: p.period === null ? seedFile.period : periodFromWriting(p.period, seedFile.period)!,
        kind: p.options.includes('目标') ? 'target' : 'actual',
        options: p.options,
        unit: p.unit,
        ...locate(seed, before, run.text, after),
      });
    });
  }
  found.sort((a, b) => a.start - b.start);

  // Placeholders of one figure stand close together in one clause: {X}，{X|同比} and {X|原值}缩短为{X}.
  const groups: Found[][] = [];
  for (const f of found) {
    const last = groups.at(-1)?.at(-1);
    const between = last ? text.slice(last.end, f.start) : '';
    const same = last && last.indicator === f.indicator && last.period === f.period && last.kind === f.kind;
    if (same && between.length <= 16 && !/[。；;]/.test(between)) groups.at(-1)!.push(f);
    else groups.push([f]);
  }

  const values = (demo.values as DemoValue[]).filter((v) => v.park === seedFile.park);
  return groups.map((g) => {
    const head = g[0]!;
    const stored = values.find((v) => v.indicator === head.indicator && v.period === head.period && v.kind === head.kind);
    if (!stored) throw new Error(`no demo figure for ${head.indicator} ${head.period} ${head.kind}`);
    const ind = findIndicator(store.ctx.db, head.indicator);
    const valuePart = g.find((f) => !f.options.includes('原值') && !f.options.some((o) => GROWTH_OPTIONS.has(o)));
    const growthPart = g.find((f) => f.options.some((o) => GROWTH_OPTIONS.has(o)));
    const baselinePart = g.find((f) => f.options.includes('原值'));
    const start = Math.min(...g.map((f) => f.start));
    const end = Math.max(...g.map((f) => f.end));
    return {
      indicator: ind.name,
      code: ind.code,
      value: valuePart ? stored.value! : null,
      unit: valuePart ? (valuePart.unit ?? stored.unit ?? ind.unit) : null,
      qualifier: stored.qualifier ?? null,
      growth: growthPart ? stored.growth! : null,
      growthUnit: growthPart ? (ind.kind === 'percent' ? '个百分点' : '%') : null,
      baseline: baselinePart ? stored.baseline! : null,
      kind: head.kind,
      period: head.period,
      start,
      end,
      quote: quoteOf(text, start, end),
    };
  });
}

const store = tempStore({ demo: true });
try {
  for (const name of Object.keys(SEED_ARTICLES)) {
    const gold = derive(store, name);
    writeFileSync(join(GOLD_DIR, `${name}.json`), JSON.stringify(gold, null, 2) + '\n');
    console.log(`${name}: ${gold.length} figures`);
  }
} finally {
  store.dispose();
}
