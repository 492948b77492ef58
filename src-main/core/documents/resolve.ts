import type { DocumentBody, FigureNote, Problem, ProblemCode, ResolvedDocument, Run, TextPlace } from '../../shared/document.ts';
import type { ValueKind } from '../../shared/model.ts';
import { parsePeriodKey, periodLabel, previousYearKey } from '../../shared/period-key.ts';
import { parseChartBlock } from '../../shared/chart/block.ts';
import { periodFromWriting, tokenize, type Placeholder } from '../../shared/placeholder.ts';
import type { Settings } from '../../shared/settings.ts';
import { decimalShift, unitDef } from '../../shared/figure/units.ts';
import { listStoredIndicators, type StoredIndicator } from '../catalog/catalog.ts';
import { formatFigure, formatGrowth, formatRate } from '../format/index.ts';
import { yearOnYear } from '../../shared/figure/growth.ts';
import type { Rational } from '../../shared/figure/exact.ts';
import { FigureReader, type StoredFigure } from '../figures/read-figures.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import type { Db } from '../store/open.ts';
import { getPhotoInfo } from './photos.ts';
import { resolveChart } from './resolve-chart.ts';
import { IndicatorMatcher } from '../catalog/match-indicator.ts';

const isUnit = (s: string) => unitDef(s) !== undefined;

/** The catalogue by name and the figures, read once per export: a yearbook resolves thousands of placeholders. */
export class DocumentFigures {
  private readonly indicators = new Map<string, StoredIndicator>();
  private readonly matcher: IndicatorMatcher;
  readonly figures: FigureReader;

  constructor(db: Db) {
    for (const i of listStoredIndicators(db)) this.indicators.set(i.name, i);
    this.matcher = new IndicatorMatcher(db);
    this.figures = new FigureReader(db);
  }

  /**
   * By name, else by an alias: a placeholder written before an indicator was renamed or merged into
   * another ({规模以上工业增加值}) still finds it, since the old name stays as an alias.
   */
  indicator(name: string): StoredIndicator | null {
    const own = this.indicators.get(name);
    if (own) return own;
    const m = this.matcher.match(name);
    return m && m.by === 'alias' ? (this.indicators.get(m.indicator.name) ?? null) : null;
  }
}

type Outcome = { text: string; note?: FigureNote } | { code: ProblemCode; params: Record<string, string> };

/** Options that each choose what is written; two of them in one placeholder contradict each other. */
const EXCLUSIVE: readonly (readonly string[])[] = [
  ['同比', '增速', '原值'],
  ['同比', '数值'],
  ['增速', '数值'],
];

/**
 * Count units convert only among words for the same thing (3个网点 → 3家机构 is wording; 42户 → 42人 is
 * not a conversion at all); other dimensions convert by their factors.
 */
const COUNT_SYNONYMS: readonly (readonly string[])[] = [
  ['个', '户', '家'],
  ['人', '名'],
  ['次', '场次'],
  ['项', '件'],
];

function convertible(from: string, to: string): boolean {
  if (from === to) return true;
  if (unitDef(from)?.dimension !== 'count') return true; // formatFigure refuses what does not convert
  return COUNT_SYNONYMS.some((g) => g.includes(from) && g.includes(to));
}

/** One placeholder to its text, or the reason it cannot be written. */
function resolvePlaceholder(
  p: Placeholder,
  reader: DocumentFigures,
  parkPk: number,
  ownPeriod: string,
  settings: Settings,
): Outcome {
  if (p.unknown.length) return { code: 'UNKNOWN_OPTION', params: { option: p.unknown[0]! } };
  const chosen = [...p.options, ...(p.unit ? [p.unit] : [])];
  for (const group of EXCLUSIVE) {
    const hits = group.filter((o) => chosen.includes(o));
    if (hits.length > 1) return { code: 'CONFLICTING_OPTIONS', params: { a: hits[0]!, b: hits[1]! } };
  }
  if (p.unit && (p.options.includes('同比') || p.options.includes('增速'))) {
    return { code: 'CONFLICTING_OPTIONS', params: { a: p.options.includes('同比') ? '同比' : '增速', b: p.unit } };
  }
  const ind = reader.indicator(p.indicator);
  if (!ind) return { code: 'UNKNOWN_INDICATOR', params: { indicator: p.indicator } };
  const periodKey = p.period === null ? ownPeriod : periodFromWriting(p.period, ownPeriod);
  if (periodKey === null) return { code: 'UNKNOWN_PERIOD', params: { period: p.period ?? '' } };
  const kind: ValueKind = p.options.includes('目标') ? 'target' : 'actual';
  const about = { indicator: ind.name, period: periodKey, kind };
  const fig = reader.figures.figure(parkPk, periodKey, kind, ind.pk);
  try {
    const out = writeFigure(p, ind, fig, reader, parkPk, periodKey, settings, about);
    // The figure's source note travels with its text, for an export that prints its sources.
    const note = fig?.source?.trim();
    return 'text' in out && note ? { ...out, note: { indicator: ind.name, period: periodKey, text: note } } : out;
  } catch (e) {
    // A figure the formatter cannot read (a store edited by hand, a qualifier from a newer version)
    // is this placeholder's problem, not a failure of the whole preview or export.
    return { code: 'BAD_VALUE', params: { indicator: ind.name, period: periodKey, detail: e instanceof Error ? e.message : String(e) } };
  }
}

function writeFigure(
  p: Placeholder,
  ind: StoredIndicator,
  fig: StoredFigure | null,
  reader: DocumentFigures,
  parkPk: number,
  periodKey: string,
  settings: Settings,
  about: Record<string, string>,
): Outcome {
  const opts = { rounding: settings.rounding };
  if (p.options.includes('同比') || p.options.includes('增速')) {
    const growth = fig ? (fig.growth ?? growthFromPrevious(ind, fig, reader, parkPk, periodKey)) : null;
    if (growth === null) return { code: 'NO_GROWTH', params: about };
    const points = ind.kind === 'percent';
    // A target given only as a growth ("增长10%左右") carries its qualifier on the growth.
    const qualifier = fig!.value === null ? fig!.qualifier : null;
    const format = p.options.includes('同比') ? formatGrowth : formatRate;
    return { text: format(growth, { ...opts, points, qualifier }) };
  }

  const baseline = p.options.includes('原值');
  const number = baseline ? (fig?.baseline ?? null) : (fig?.value ?? null);
  if (fig === null || number === null) return { code: baseline ? 'NO_BASELINE' : 'NO_VALUE', params: about };
  const unitMismatch = { code: 'UNIT_MISMATCH' as const, params: { indicator: ind.name, from: fig.unit, unit: p.unit ?? '' } };
  if (p.unit && !convertible(fig.unit, p.unit)) return unitMismatch;
  const converting = p.unit !== null && p.unit !== fig.unit;
  const write = (decimals: number) =>
    formatFigure({ value: number, unit: fig.unit, qualifier: baseline ? null : fig.qualifier }, { decimals }, { ...opts, toUnit: p.unit, bare: p.options.includes('数值') });
  let decimals = converting ? convertedDecimals(ind.decimals, fig.unit, p.unit!) : ind.decimals;
  let text = write(decimals);
  // 30万元 is not "0.00亿元": a figure that is not zero keeps places until a digit shows.
  while (text !== null && converting && /[1-9]/.test(number) && !/[1-9]/.test(text) && decimals < 6) text = write(++decimals);
  return text === null ? unitMismatch : { text };
}

/**
 * Places for a converted figure: the precision it was reported with, carried into the new unit
 * (6950万元 → 0.6950亿元 would claim no more than was reported), but never more than two places,
 * as figures are printed (DOMAIN.md: 亿元 with 2 decimals): 6950万元 → 0.70亿元, 333.52亿元 → 3335200万元.
 */
function convertedDecimals(decimals: number, from: string, to: string): number {
  const shift = decimalShift(to, from);
  if (shift === null) return decimals;
  return Math.min(2, Math.max(0, decimals + shift));
}

function growthFromPrevious(ind: StoredIndicator, fig: StoredFigure, reader: DocumentFigures, parkPk: number, periodKey: string): Rational | null {
  const parts = parsePeriodKey(periodKey);
  if (!parts) return null;
  return yearOnYear(ind.kind, fig, reader.figures.figure(parkPk, previousYearKey(parts), 'actual', ind.pk));
}

export interface ResolveTarget {
  parkId: string;
  periodId: string;
  body: DocumentBody;
}

/** Fills every placeholder of a document from the store; problems are collected, never thrown. */
export function resolveDocument(db: Db, target: ResolveTarget, settings: Settings, reader: DocumentFigures = new DocumentFigures(db)): ResolvedDocument {
  const park = getParkRow(db, target.parkId);
  const period = getPeriodRow(db, target.periodId);
  const problems: Problem[] = [];
  // A lead or body paragraph may be a chart block: drawn from the store, or a marker with its problem.
  const paragraph = (prose: string, place: TextPlace): Run[] => {
    const block = parseChartBlock(prose);
    if (!block) return runs(prose, place);
    const r = resolveChart(db, block, reader, park, period, settings);
    if ('chart' in r) return [{ kind: 'chart', text: r.chart.title ?? block.source, source: block.source, chart: r.chart }];
    problems.push({ place, source: block.source, code: r.code, params: r.params });
    return [{ kind: 'marker', text: block.source, source: block.source, problem: r.code }];
  };
  const runs = (prose: string, place: TextPlace): Run[] => {
    const out: Run[] = [];
    for (const t of tokenize(prose, isUnit)) {
      if (t.kind === 'text') {
        out.push({ kind: 'text', text: t.text });
        continue;
      }
      if (t.kind === 'error') {
        problems.push({ place, source: t.source, code: 'SYNTAX', params: {} });
        out.push({ kind: 'marker', text: t.source, source: t.source, problem: 'SYNTAX' });
        continue;
      }
      const r = resolvePlaceholder(t.placeholder, reader, park.pk, period.key, settings);
      const source = t.placeholder.source;
      if ('text' in r) out.push({ kind: 'figure', text: r.text, source, ...(r.note ? { note: r.note } : {}) });
      else {
        problems.push({ place, source, code: r.code, params: r.params });
        out.push({ kind: 'marker', text: source, source, problem: r.code });
      }
    }
    return out;
  };

  const b = target.body;
  return {
    parkName: park.name,
    periodLabel: periodLabel(parsePeriodKey(period.key)!),
    title: runs(b.title, { field: 'title' }),
    subtitle: runs(b.subtitle, { field: 'subtitle' }),
    byline: b.byline,
    lead: b.lead.map((p, i) => paragraph(p, { field: 'lead', paragraph: i })),
    sections: b.sections.map((s, si) => ({
      heading: runs(s.heading, { field: 'heading', section: si }),
      level: s.level,
      paragraphs: s.paragraphs.map((p, pi) => paragraph(p, { field: 'paragraph', section: si, paragraph: pi })),
    })),
    photos: b.photos.map((ph, i) => ({
      ...getPhotoInfo(db, ph.photo),
      caption: runs(ph.caption, { field: 'caption', section: i }),
      credit: ph.credit,
      afterSection: ph.afterSection,
      span: ph.span ?? 'column',
      place: ph.place ?? 'flow',
    })),
    magazine: b.magazine,
    bulletin: b.bulletin,
    problems,
  };
}
