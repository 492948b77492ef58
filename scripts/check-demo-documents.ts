// Checks the demo articles (resources/demo/documents/*.json) against the demo store without opening
// one: each body validates, each placeholder names a known indicator and a demo period, and the
// demo store holds what the placeholder asks for (a value, a growth, a baseline, a target).
// Prints the placeholders per document, the store's figures a document does not quote, and a
// reconstruction of one document with every placeholder written from the store, to read against
// the seed article. Exits 1 with the list of problems if there are any.
//
//   node_modules/.bin/node scripts/check-demo-documents.ts [--print=kunming-2017] [--quiet]
//                                                          [--seed=../shared/seeds/<article>.txt]
//
// --seed also looks up every sentence of the printed reconstruction in the seed text (spaces and
// half-/full-width punctuation ignored) and lists the sentences it cannot find verbatim: a figure
// written differently, or a sentence the PDF's columns split (those are for the eye).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { documentBodySchema, type DocumentBody } from '../src-main/shared/document.ts';
import { parseChartBlock } from '../src-main/shared/chart/block.ts';
import { periodFromWriting, tokenize, type Placeholder } from '../src-main/shared/placeholder.ts';
import { parsePeriodKey, previousYearKey } from '../src-main/shared/period-key.ts';
import { figureText } from '../src-main/shared/figure/qualifiers.ts';
import { conversionRatio, unitDef } from '../src-main/shared/figure/units.ts';
import { fromDecimal, mul, toDecimalText } from '../src-main/shared/figure/exact.ts';
import type { DemoValue } from '../src-main/core/demo/load-demo.ts';

const root = join(import.meta.dirname, '..');
const demoDir = join(root, 'resources/demo');

type StoreValue = DemoValue;
interface DemoStore {
  parks: { name: string }[];
  periods: string[];
  indicators: { name: string; unit: string }[];
  values: StoreValue[];
}

const catalog = JSON.parse(readFileSync(join(root, 'resources/catalog/catalog.json'), 'utf8')) as { indicators: { name: string; unit: string }[] };
const store = JSON.parse(readFileSync(join(demoDir, 'demo-store.json'), 'utf8')) as DemoStore;
const indicatorUnit = new Map<string, string>([...catalog.indicators, ...store.indicators].map((i) => [i.name, i.unit]));

const photoEntrySchema = z
  .object({ file: z.string().regex(/^[\w.-]+\.png$/), caption: z.string().max(300), credit: z.string().max(100), afterSection: z.number().int().min(-1) })
  .strict();
const fileSchema = z
  .object({ park: z.string(), period: z.string(), note: z.string().min(1), photos: z.array(photoEntrySchema), body: z.unknown() })
  .strict();

const isUnit = (s: string) => unitDef(s) !== undefined;
const unitText = (u: string) => (u === '工作日' ? '个工作日' : u); // as src-main/core/format writes it

function findValue(park: string, period: string, indicator: string, kind: 'actual' | 'target'): StoreValue | undefined {
  return store.values.find((v) => v.park === park && v.period === period && v.indicator === indicator && v.kind === kind);
}

/** Growth on the same period a year before, from two stored values, one decimal. */
function growthFromPrevious(park: string, period: string, indicator: string, v: StoreValue): string | null {
  const parts = parsePeriodKey(period);
  const prev = parts && v.value ? findValue(park, previousYearKey(parts), indicator, 'actual') : undefined;
  if (!prev?.value || Number(prev.value) === 0 || (prev.unit ?? '') !== (v.unit ?? '')) return null;
  return ((Number(v.value) / Number(prev.value) - 1) * 100).toFixed(1);
}

type Checked = { ok: true; text: string } | { ok: false; problem: string };

/** What the store gives for one placeholder, written naively (the app's formatter rounds and converts exactly). */
function check(p: Placeholder, park: string, own: string): Checked {
  if (p.unknown.length) return { ok: false, problem: `unknown option ${p.unknown.join(', ')}` };
  const unit = indicatorUnit.get(p.indicator);
  if (unit === undefined) return { ok: false, problem: `no indicator named ${p.indicator} in catalog.json or demo-store.json` };
  const period = p.period === null ? own : periodFromWriting(p.period, own);
  if (period === null) return { ok: false, problem: `period "${p.period}" cannot be read` };
  if (!store.periods.includes(period)) return { ok: false, problem: `period ${period} is not a demo period` };
  const kind = p.options.includes('目标') ? 'target' : 'actual';
  const v = findValue(park, period, p.indicator, kind);
  const where = `${park} ${period} ${kind}`;
  if (!v) return { ok: false, problem: `demo-store.json has no ${where} figure for ${p.indicator}` };
  const storedUnit = v.unit ?? unit;

  if (p.options.includes('同比') || p.options.includes('增速')) {
    const growth = v.growth ?? growthFromPrevious(park, period, p.indicator, v);
    if (growth === null) return { ok: false, problem: `${where} ${p.indicator}: no growth and no previous-year value to compute one` };
    const g = growth.replace(/^-/, '');
    if (p.options.includes('增速')) return { ok: true, text: `${growth}%` };
    return { ok: true, text: (growth.startsWith('-') ? '下降' : '增长') + figureText(g, '%', v.value === undefined ? (v.qualifier ?? null) : null) };
  }
  const before = p.options.includes('原值');
  const number = before ? v.baseline : v.value;
  if (number === undefined) return { ok: false, problem: `${where} ${p.indicator}: no ${before ? 'baseline (原值)' : 'value'}` };
  let shown = number;
  let shownUnit = storedUnit;
  if (p.unit !== null) {
    const ratio = conversionRatio(storedUnit, p.unit);
    if (ratio === null) return { ok: false, problem: `${where} ${p.indicator}: ${storedUnit} does not convert to ${p.unit}` };
    shown = storedUnit === p.unit ? number : toDecimalText(mul(fromDecimal(number), ratio), 12);
    shownUnit = p.unit;
  }
  if (p.options.includes('数值')) return { ok: true, text: shown };
  return { ok: true, text: figureText(shown, unitText(shownUnit), before ? null : (v.qualifier ?? null)) };
}

interface Report {
  name: string;
  park: string;
  period: string;
  count: number;
  problems: string[];
  unquoted: string[];
  /** The document as prose, each placeholder written from the store. */
  text: string[];
}

function checkFile(name: string): Report {
  const problems: string[] = [];
  const raw = JSON.parse(readFileSync(join(demoDir, 'documents', name), 'utf8')) as unknown;
  const file = fileSchema.safeParse(raw);
  if (!file.success) return { name, park: '', period: '', count: 0, problems: [`file shape: ${file.error.message}`], unquoted: [], text: [] };
  const { park, period, photos } = file.data;
  if (!store.parks.some((p) => p.name === park)) problems.push(`park ${park} is not a demo park`);
  if (!store.periods.includes(period)) problems.push(`period ${period} is not a demo period`);
  const parsed = documentBodySchema.safeParse(file.data.body);
  if (!parsed.success) return { name, park, period, count: 0, problems: [...problems, `body: ${parsed.error.message}`], unquoted: [], text: [] };
  const body: DocumentBody = parsed.data;
  if (body.photos.length) problems.push('body.photos must be [] (the loader fills it from photos[])');

  for (const [i, ph] of photos.entries()) {
    const path = join(demoDir, 'photos', ph.file);
    if (!existsSync(path)) problems.push(`photo ${i + 1}: ${ph.file} is missing from resources/demo/photos`);
    else if (!readFileSync(path).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) problems.push(`photo ${i + 1}: ${ph.file} is not a PNG`);
    if (ph.afterSection >= body.sections.length) problems.push(`photo ${i + 1}: afterSection ${ph.afterSection} but only ${body.sections.length} sections`);
  }

  let count = 0;
  const used = new Set<string>();
  const write = (prose: string, place: string): string => {
    let out = '';
    for (const t of tokenize(prose, isUnit)) {
      if (t.kind === 'text') out += t.text;
      else if (t.kind === 'error') {
        problems.push(`${place}: ${t.reason} placeholder ${t.source}`);
        out += t.source;
      } else {
        count++;
        const p = t.placeholder;
        const r = check(p, park, period);
        if (r.ok) {
          const key = p.period === null ? period : periodFromWriting(p.period, period);
          used.add(`${key}|${p.indicator}|${p.options.includes('目标') ? 'target' : 'actual'}`);
          out += r.text;
        } else {
          problems.push(`${place}: ${p.source} — ${r.problem}`);
          out += `【${p.source}】`;
        }
      }
    }
    return out;
  };

  /** A chart block ({图表：…}): every indicator known (names may hold 、) and quoted figures in the store for its periods. */
  const paragraph = (prose: string, place: string): string => {
    const block = parseChartBlock(prose);
    if (!block) return write(prose, place);
    count++;
    if (block.unknown.length) problems.push(`${place}: ${block.source} — unknown option ${block.unknown.join(', ')}`);
    const periods = (block.periods ?? [period]).map((w) => periodFromWriting(w, period) ?? w);
    const parts = block.indicators;
    for (let i = 0; i < parts.length; ) {
      let j = parts.length;
      while (j > i && !indicatorUnit.has(parts.slice(i, j).join('、'))) j--;
      if (j === i) {
        problems.push(`${place}: ${block.source} — no indicator named ${parts[i]}`);
        i++;
        continue;
      }
      const name = parts.slice(i, j).join('、');
      const found = periods.filter((k) => findValue(park, k, name, 'actual')?.value !== undefined);
      if (!found.length) problems.push(`${place}: ${block.source} — demo-store.json has no ${park} figure of ${name} for ${periods.join('、')}`);
      for (const k of found) used.add(`${k}|${name}|actual`);
      i = j;
    }
    return `［图表］${block.title ?? block.indicators.join('、')}\u3000${block.credit ?? ''}`;
  };

  const text: string[] = [];
  text.push(`# ${write(body.title, 'title')}`);
  if (body.subtitle) text.push(`## ${write(body.subtitle, 'subtitle')}`);
  if (/[{}｛｝]/.test(body.byline)) problems.push('byline: placeholders are not filled in the by-line');
  text.push(body.byline);
  const captions = (after: number) => {
    for (const [i, ph] of photos.entries()) if (ph.afterSection === after) text.push(`［图］${write(ph.caption, `caption ${i + 1}`)} ${ph.credit}`);
  };
  body.lead.forEach((p, i) => text.push(paragraph(p, `lead ¶${i + 1}`)));
  captions(-1);
  body.sections.forEach((s, si) => {
    const place = `section ${si + 1}`;
    text.push(`【${write(s.heading, `${place} heading`)}】`);
    if (s.heading && s.paragraphs[0]?.startsWith(s.heading)) problems.push(`${place}: the first paragraph repeats the heading`);
    s.paragraphs.forEach((p, pi) => text.push(paragraph(p, `${place} ¶${pi + 1}`)));
    captions(si);
  });

  const unquoted = store.values
    .filter((v) => v.park === park && !used.has(`${v.period}|${v.indicator}|${v.kind}`))
    .map((v) => `${v.period} ${v.kind === 'target' ? '目标 ' : ''}${v.indicator}`);
  return { name, park, period, count, problems, unquoted, text };
}

// ------------------------------------------------------------------------------------------ run

const args = process.argv.slice(2);
const arg = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const names = readdirSync(join(demoDir, 'documents'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const reports = names.map(checkFile);

const printName = arg('print') ?? 'chuxiong-2022';
const printed = reports.find((r) => r.name === `${printName}.json` || r.name === printName);
if (printed && !args.includes('--quiet')) {
  console.log(`==== ${printed.name} (${printed.park} ${printed.period}), placeholders written from demo-store.json ====\n`);
  console.log(printed.text.join('\n\n'));
  console.log();
  const seedPath = arg('seed');
  if (seedPath) {
    // Compare without spaces and with one width of punctuation: the seeds were extracted with
    // half-width commas and spaces between digits and Chinese.
    const norm = (s: string) =>
      s
        .replace(/\s+/g, '')
        .replace(/[，：；（）]/g, (c) => ({ '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' })[c]!);
    const seed = norm(readFileSync(seedPath, 'utf8').replace(/^\d+、/gm, ''));
    const missing = printed.text
      .slice(3)
      .filter((l) => !l.startsWith('【') && !l.startsWith('［图］'))
      .flatMap((l) => l.split(/(?<=[。；;])/))
      .map(norm)
      .filter((s) => s && !seed.includes(s));
    console.log(`==== sentences not found verbatim in ${seedPath}: ${missing.length} ====`);
    for (const s of missing) console.log(`  · ${s}`);
    console.log();
  }
}

let failed = false;
for (const r of reports) {
  console.log(`${r.name}: ${r.park} ${r.period}, ${r.count} placeholders, ${r.problems.length} problems`);
  if (r.unquoted.length) console.log(`  store figures of ${r.park} the text does not quote: ${r.unquoted.join('; ')}`);
  for (const p of r.problems) console.log(`  ✗ ${p}`);
  if (r.problems.length) failed = true;
}
if (!reports.length) {
  console.log('no documents in resources/demo/documents');
  failed = true;
}
process.exit(failed ? 1 : 0);
