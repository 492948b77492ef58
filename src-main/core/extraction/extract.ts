// An article's figures: the phrases the parser reads (mentions.ts) put together as a reader does —
// a growth stated after its figure is that figure's growth (248.11亿元，增长42.5%), a figure reached
// from another is a before/after pair (由35个工作日缩短为5个工作日), a % after 占 is a share, a %
// of an amount is its growth — each with its indicator (naming.ts), kind (kind.ts) and period
// (periods.ts). Thresholds that define a class (上100亿元的企业4家, 5亿元以上项目4个) and counts that
// frame a rank (在全国97家综合保税区中排名第15) are no figures of the park.

import type { FoundFigure, Span } from '../../shared/extraction.ts';
import type { ParsedFigure } from '../../shared/figure/parse.ts';
import { unitDef } from '../../shared/figure/units.ts';
import type { ValueKind } from '../../shared/model.ts';
import { aimHeading, intentBefore } from './kind.ts';
import { readLayout, type ArticleLayout } from './layout.ts';
import { findMentions, isCountUnit, quoted, type Mention } from './mentions.ts';
import { categoryFor, matchCatalogue, percentIsGrowth, proposeName, type CatalogueEntry, type FigureDimension } from './naming.ts';
import { baseYear, findTimeWords, keyOf, type TimeWord } from './periods.ts';
import { around, CLAUSE_END, readingText, SENTENCE_END } from './text-scan.ts';

export interface Extraction {
  text: string;
  figures: FoundFigure[];
  /** The period the article reports (most of its actual figures), and the park it is about. */
  period: string | null;
  park: string | null;
  layout: ArticleLayout;
}

export interface ExtractOptions {
  catalogue: readonly CatalogueEntry[];
  /** The period the user says the article reports; figures with a period of their own keep it. */
  period?: string | undefined;
}

const GROWTH_LINK = /^[\s，,、]*$/u;
const COMPARE_HEAD = /^(?:同比|比上年同期|较上年同期|比上年|较上年|比去年|较去年)/u;
const PAIR_FROM = /[由从](?:原来的|以前的|原先的|过去的|原)?\s*$/u;
const RANK = /排名|排第|位列|位居|排在/u;

export function extractFigures(text: string, opts: ExtractOptions): Extraction {
  const layout = readLayout(text);
  const mentions = findMentions(text).filter((m, i, all) => !isThreshold(text, m, all[i + 1]) && !inRankFrame(text, m));
  const words = findTimeWords(text);
  const base = baseYear(text, words);
  const reporting = words.filter((w) => typeof w.year !== 'number' || base === null || w.year >= base - 2);
  const aims = aimSpans(layout);

  // Growths after their figure and before/after pairs join the figure they belong to.
  const groups: { main: Mention; growth: Mention | null; baseline: Mention | null }[] = [];
  for (const m of mentions) {
    const prev = groups.at(-1);
    const isGrowth = m.figure.growth !== undefined;
    if (prev && isGrowth && !prev.growth && prev.main.figure.value !== undefined && sameSentence(text, prev.main.end, m.start)) {
      const between = text.slice((prev.growth ?? prev.main).end, m.start);
      if (GROWTH_LINK.test(between) || COMPARE_HEAD.test(readingText(between).replace(/^[，,、]/u, ''))) {
        prev.growth = m;
        continue;
      }
    }
    if (prev && m.level && !prev.growth && !prev.baseline && prev.main.figure.value !== undefined && m.figure.value !== undefined) {
      const between = readingText(text.slice(prev.main.end, m.start));
      if (between.length <= 4 && !CLAUSE_END.test(between) && PAIR_FROM.test(text.slice(Math.max(0, prev.main.start - 8), prev.main.start))) {
        groups[groups.length - 1] = { main: m, growth: null, baseline: prev.main };
        continue;
      }
    }
    groups.push({ main: m, growth: null, baseline: null });
  }

  const figures: FoundFigure[] = [];
  for (const g of groups) figures.push(buildFigure(text, g, opts.catalogue, aims, figures.findLast((f) => !f.parenthetical) ?? null));
  assignPeriods(text, figures, reporting, base, opts.period);
  const period = opts.period ?? mainPeriod(figures);
  for (const f of figures) if (f.period === null) f.period = f.kind === 'target' && base !== null ? String(base) : period;
  markDoubts(figures);
  return { text, figures, period, park: parkNamed(text), layout };
}

function sameSentence(text: string, a: number, b: number): boolean {
  return !SENTENCE_END.test(text.slice(a, b));
}

/** 上100亿元的企业4家, 50亿元以上项目3个: an "at least" amount naming a class that a count follows. */
function isThreshold(text: string, m: Mention, next: Mention | undefined): boolean {
  const q = m.figure.qualifier;
  if (q !== '以上' && q !== '超' && q !== '突破') return false;
  if (!next || !next.figure.unit || !isCountUnit(next.figure.unit)) return false;
  const between = text.slice(m.end, next.start);
  return /^的?[\p{Script=Han}]{1,8}$/u.test(readingText(between));
}

function inRankFrame(text: string, m: Mention): boolean {
  if (!m.figure.unit || !isCountUnit(m.figure.unit)) return false;
  const clause = around(text, m.start, /[。；;！？!?\n，,]/u);
  return RANK.test(text.slice(m.end, clause.end));
}

/** Offsets covered by sections whose heading announces aims. */
function aimSpans(layout: ArticleLayout): Span[] {
  const out: Span[] = [];
  for (const s of layout.sections) {
    if (!s.paragraphs.length || !aimHeading(s.heading.map((h) => h.text).join(''))) continue;
    out.push({ start: s.paragraphs[0]!.start, end: s.paragraphs.at(-1)!.end });
  }
  return out;
}

function dimensionOf(f: ParsedFigure, growthOnly: boolean): FigureDimension {
  if (growthOnly) return 'growth';
  return unitDef(f.unit ?? '')?.dimension ?? 'count';
}

/**
 * The clause before `clause` in the same sentence, up to its first number or milestone word: the
 * subject a bare 达1259.88亿元 is about (规模以上工业总产值首次超千亿元，达1259.88亿元).
 */
function previousClauseSubject(text: string, clause: Span): string {
  if (clause.start < 2 || SENTENCE_END.test(text[clause.start - 1]!)) return '';
  const prev = around(text, clause.start - 2, CLAUSE_END);
  return text.slice(prev.start, clause.start - 1).split(/首次|再次|超|突破|达|[0-9０-９]/u)[0]!;
}

function buildFigure(
  text: string,
  g: { main: Mention; growth: Mention | null; baseline: Mention | null },
  catalogue: readonly CatalogueEntry[],
  aims: Span[],
  previous: FoundFigure | null,
): FoundFigure {
  const m = g.main;
  const clause = around(text, m.start, CLAUSE_END);
  const sentence = around(text, m.start, SENTENCE_END);
  const head = text.slice(clause.start, (g.baseline ?? m).start);
  const tail = text.slice((g.growth ?? m).end, clause.end);
  const sentenceHead = text.slice(sentence.start, m.start);
  const shareAt = m.figure.unit === '%' ? sentenceHead.lastIndexOf('占') : -1;
  const share = shareAt >= 0 && !/[，,。；;]/u.test(sentenceHead.slice(shareAt)) ? shareAt : -1;
  let growthOnly = m.figure.value === undefined;

  // 工业投资30.6亿元，占总投资的80.4%: a share whose own clause names no subject is the share of the figure before it.
  let shareSubject = share >= 0 ? text.slice(around(text, sentence.start + share, /[，,。；;\n]/u).start, sentence.start + share) : '';
  const lead = previous && !previous.parenthetical && previous.start >= sentence.start && previous.end <= m.start ? previous : null;
  if (share >= 0 && lead && (!readingText(shareSubject) || /[0-9０-９]/u.test(shareSubject))) shareSubject = lead.proposal.name;
  // A bare 达1259.88亿元 (nothing before it in its clause, nothing after) is about the previous clause's subject.
  const alone = !readingText(head) && !/\p{Script=Han}/u.test(readingText(tail));
  let subjectBefore = alone ? previousClauseSubject(text, clause) || head : head;
  // 占南宁市（36家）: a count in brackets is the same count for what the brackets follow.
  const parenthetical = /[（(]\s*$/u.test(text.slice(Math.max(0, m.start - 2), m.start));
  if (parenthetical && lead && lead.unit === m.figure.unit) subjectBefore = head.replace(/^.*占/u, '').replace(/[（(]\s*$/u, '') + lead.proposal.name;
  const nameCtx = {
    before: subjectBefore,
    after: tail,
    unit: m.figure.unit ?? null,
    share: share >= 0 ? { subject: shareSubject, of: sentenceHead.slice(share + 1).replace(/[（(][^）)]*[）)]/gu, '') } : null,
    growthOnly,
  };
  let name = proposeName(nameCtx);
  // 累计达2.8万户: a clause with nothing but a verb before its figure names the previous clause's subject.
  if (!name && !alone) name = proposeName({ ...nameCtx, before: previousClauseSubject(text, clause) });
  let match = matchCatalogue(subjectBefore, dimensionOf(m.figure, growthOnly), catalogue) ?? matchCatalogue(name, dimensionOf(m.figure, growthOnly), catalogue);

  // A % that is the change of an amount is its growth (规上工业增加值增速14.2%, 固定资产投资30%以上).
  let parsed: ParsedFigure = m.figure;
  if (m.figure.unit === '%' && share < 0 && !g.growth && percentIsGrowth(name, head, tail, match)) {
    parsed = { growth: m.figure.value!, growthUnit: '%', ...(m.figure.qualifier ? { qualifier: m.figure.qualifier } : {}) };
    growthOnly = true;
    name = proposeName({ ...nameCtx, unit: null, growthOnly: true });
    match = matchCatalogue(subjectBefore, 'growth', catalogue) ?? matchCatalogue(name, 'growth', catalogue);
  }
  const growth = g.growth?.figure ?? (growthOnly ? parsed : null);
  const kind: ValueKind = intentBefore(sentenceHead, (i) => quoted(text, sentence.start + i)) || aims.some((a) => m.start >= a.start && m.start < a.end) ? 'target' : 'actual';
  const start = (g.baseline ?? m).start;
  const end = (g.growth ?? m).end;
  const unit = growthOnly ? null : (parsed.unit ?? null);
  return {
    indicator: match ? match.name : name,
    code: match ? match.code : null,
    value: growthOnly ? null : (parsed.value ?? null),
    unit,
    qualifier: (growthOnly ? growth?.qualifier : parsed.qualifier) ?? g.growth?.figure.qualifier ?? null,
    growth: growth?.growth ?? null,
    growthUnit: growth?.growthUnit ?? null,
    baseline: g.baseline?.figure.value ?? null,
    kind,
    period: null,
    start,
    end,
    quote: text.slice(sentence.start, sentence.end).trim(),
    parts: { value: growthOnly ? null : { start: m.start, end: m.end }, growth: g.growth ? { start: g.growth.start, end: g.growth.end } : growthOnly ? { start: m.start, end: m.end } : null, baseline: g.baseline ? { start: g.baseline.start, end: g.baseline.end } : null },
    baselineBare: !!g.baseline && g.baseline.figure.unit !== parsed.unit,
    proposal: { name, unit: unit ?? unitOfGrowthOnly(growth?.growthUnit), categoryCode: categoryFor(name), decimals: places(parsed.value ?? parsed.growth ?? '') },
    confidence: 'high',
    doubts: [],
    parenthetical,
  };
}

/**
 * The unit a new indicator known only by its growth is given: a change in points is of a rate (%);
 * a growth in % is, in such articles, of an amount (产值, 收入, 投资) — the catalogue editor corrects it.
 */
export function unitOfGrowthOnly(growthUnit: string | undefined | null): string {
  return growthUnit === '个百分点' ? '%' : '亿元';
}

function places(decimal: string): number {
  const i = decimal.indexOf('.');
  return i < 0 ? 0 : decimal.length - i - 1;
}

/** The time word in force at each figure: the last one before it in its line. */
function assignPeriods(text: string, figures: FoundFigure[], words: readonly TimeWord[], base: number | null, given: string | undefined): void {
  for (const f of figures) {
    const line = around(text, f.start, /\n/u);
    const inForce = words.filter((w) => w.start >= line.start && w.end <= f.start);
    const w = inForce.at(-1);
    if (!w) continue;
    const earlierYear = [...inForce].reverse().find((x) => typeof x.year === 'number' || x.year === 'this' || x.year === 'last');
    const year = earlierYear ? (typeof earlierYear.year === 'number' ? earlierYear.year : earlierYear.year === 'this' ? base : base === null ? null : base - 1) : null;
    f.period = keyOf(w, base, year ?? (given ? Number(given.slice(0, 4)) : null));
  }
}

function mainPeriod(figures: readonly FoundFigure[]): string | null {
  const counts = new Map<string, number>();
  for (const f of figures) if (f.period && f.kind === 'actual') counts.set(f.period, (counts.get(f.period) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Low confidence: no name to go by, a period unknown, or a second figure of the same indicator with another value. */
function markDoubts(figures: FoundFigure[]): void {
  const seen = new Map<string, FoundFigure>();
  for (const f of figures) {
    if (f.indicator.length < 2) f.doubts.push('name');
    if (f.period === null) f.doubts.push('period');
    const key = `${f.indicator}|${f.period}|${f.kind}`;
    const first = seen.get(key);
    if (first && (first.value !== f.value || first.growth !== f.growth || first.unit !== f.unit)) f.doubts.push('duplicate');
    if (!first) seen.set(key, f);
    if (f.doubts.length) f.confidence = 'low';
  }
}

/** The park an article is about: the place name + 高新区/开发区/园区 it names most often. */
function parkNamed(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /([\p{Script=Han}]{2,4}?(?:国家)?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|工业园区|产业园区|开发区))/gu;
  for (const m of text.matchAll(re)) {
    const name = m[1]!.replace(/^(?:年|的|和|与|在|是|由|将|为|了|园区|全区)/u, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null;
}
