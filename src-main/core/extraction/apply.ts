// 应用: an article's accepted figures into the store and its document, in one transaction and one
// undo step — the new indicators created through the catalogue's own add, the periods the figures
// name, the figures written through the grid's field rules, and the park-period's document built
// from the article with each accepted figure replaced by its placeholder. A placeholder goes in
// only where it writes back exactly what the article says (checked by resolving it in the same
// transaction): otherwise that stretch stays as written, so exporting gives the article's text.

import type { DocumentBody } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import { bulletinDefaults, magazineDefaults } from '../../shared/document-defaults.ts';
import type { AcceptedFigure, ArticleApplied } from '../../shared/extraction.ts';
import type { CheckWarning } from '../../shared/checks.ts';
import type { CellEdit } from '../../shared/contract.ts';
import { unitDef } from '../../shared/figure/units.ts';
import type { ValueKind } from '../../shared/model.ts';
import { placeholderText } from '../../shared/placeholder.ts';
import { insertIndicator } from '../catalog/catalog.ts';
import { IndicatorMatcher } from '../catalog/match-indicator.ts';
import { checkFigures } from '../checks/run-checks.ts';
import type { CoreContext } from '../context.ts';
import { putDocument } from '../documents/documents.ts';
import { resolveDocument } from '../documents/resolve.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { getParkRow, insertPark } from '../repos/parks.ts';
import { ensurePeriod, canonicalPeriodKey } from '../repos/periods.ts';
import { readSettings } from '../settings/settings.ts';
import { prepareValueEdits, writePreparedEdits } from '../values/edit-values.ts';
import { articleDocument, type Replacement } from './article-document.ts';
import { unitOfGrowthOnly } from './extract.ts';
import { FIGURE_CONTENT, figureStatus } from '../values/same-figure.ts';
import { readLayout } from './layout.ts';

export interface ApplyInput {
  fileName: string;
  text: string;
  /** A stored park, or a new one made in the same undo step as the article's figures. */
  park: { id: string } | { newName: string };
  /** The period the article reports: its document's period. */
  period: string;
  figures: readonly AcceptedFigure[];
}

/** Words before a value that a placeholder does not write: 达到57.97亿元, 缩短为5个工作日. */
const VALUE_LEADS = /^(?:达到了?|达|共计|合计|总计|共|(?:缩短|压缩|降|下降|减少|减|上升|提高|提升|增长|增加|扩大|升)了?[至到为])\s*/u;
/** Words before a growth that 同比 does not write, and then the verb that 增速 does not. */
const GROWTH_COMPARED = /^(?:同比|比上年同期|较上年同期|比上年|较上年|比去年|较去年)\s*/u;
const GROWTH_VERB = /^(?:增长|增加|提高|提升|上升|上涨|增|下降|降低|减少|下滑|回落|降|减)了?\s*(?:达到|达)?\s*/u;

export function applyArticle(ctx: CoreContext, input: ApplyInput): ArticleApplied {
  const { db } = ctx;
  if ('id' in input.park) getParkRow(db, input.park.id);
  checkSpans(input);
  checkConflicts(input.figures);
  const docPeriodKey = canonicalPeriodKey(input.period);
  return writeBatch(ctx, `从文章导入「${input.fileName}」`, (log) => {
    const park = 'id' in input.park ? getParkRow(db, input.park.id) : insertPark(ctx, log, { name: input.park.newName });
    const docPeriod = ensurePeriod(ctx, log, docPeriodKey);
    const indicators = ensureIndicators(ctx, log, input.figures);
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    const warnings: CheckWarning[] = [];
    for (const [key, group] of groupBy(input.figures, (f) => `${canonicalPeriodKey(f.period)}|${f.kind}`)) {
      const [periodKey, kind] = key.split('|') as [string, ValueKind];
      const periodId = ensurePeriod(ctx, log, periodKey).id;
      const edits = group.flatMap((f) => editsOf(f, indicators.get(f.indicator)!.id));
      const prepared = prepareValueEdits(ctx, { parkId: park.id, periodId, kind, edits });
      for (const p of prepared.pending) {
        const status = figureStatus(p.before, p.after, FIGURE_CONTENT);
        counts[status === 'new' ? 'inserted' : status === 'changed' ? 'updated' : 'unchanged']++;
      }
      writePreparedEdits(ctx, log, prepared);
      warnings.push(...checkFigures(db, { parkId: park.id, periodId, kind }));
    }
    const replacements = chooseReplacements(ctx, park.id, docPeriod.id, docPeriodKey, input);
    const layout = readLayout(input.text);
    const body = articleDocument(input.text, layout, replacements.chosen, park.name);
    const doc = putDocument(ctx, log, park.id, docPeriod.id, body, { createOnly: true });
    return {
      documentId: doc.id,
      parkId: park.id,
      periodId: docPeriod.id,
      indicatorsCreated: [...indicators.values()].filter((i) => i.created).length,
      values: counts,
      placeholders: replacements.chosen.length,
      keptAsText: replacements.kept,
      warnings,
    };
  });
}

function checkSpans(input: ApplyInput): void {
  const spans = input.figures.flatMap((f, i) => Object.values(f.parts).flatMap((s) => (s ? [{ ...s, index: i + 1 }] : [])));
  const n = input.text.length;
  for (const s of spans) {
    if (s.start >= s.end || s.end > n) throw new AppError('EXTRACT_SPAN', { index: s.index, start: s.start, end: s.end });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw new AppError('EXTRACT_SPAN', { index: spans[i]!.index, start: spans[i]!.start, end: spans[i]!.end });
  }
}

/** One indicator, period and kind holds one figure: two rows that say different figures for it cannot both be written. */
function checkConflicts(figures: readonly AcceptedFigure[]): void {
  const seen = new Map<string, number>();
  figures.forEach((f, i) => {
    const key = `${f.indicator}|${canonicalPeriodKey(f.period)}|${f.kind}`;
    const j = seen.get(key);
    if (j === undefined) {
      seen.set(key, i);
      return;
    }
    const g = figures[j]!;
    if (f.value !== g.value || f.unit !== g.unit || f.qualifier !== g.qualifier || f.growth !== g.growth || f.baseline !== g.baseline) {
      throw new AppError('EXTRACT_CONFLICT', { index: i + 1, other: j + 1, indicator: f.indicator, period: f.period });
    }
  });
}

interface Target {
  id: string;
  name: string;
  created: boolean;
}

/**
 * Each named indicator: the one the catalogue answers to by that name (its name, code or an alias —
 * a row corrected to 规模以上工业增加值 is 规上工业增加值), else by the figure's code, else a new one
 * through the catalogue's add.
 */
function ensureIndicators(ctx: CoreContext, log: ChangeLog, figures: readonly AcceptedFigure[]): Map<string, Target> {
  const out = new Map<string, Target>();
  const matcher = new IndicatorMatcher(ctx.db);
  for (const [name, group] of groupBy(figures, (f) => f.indicator)) {
    const f = group[0]!;
    const found = matcher.match(name)?.indicator ?? (f.code ? matcher.match(f.code)?.indicator : undefined);
    if (found) {
      out.set(name, { id: found.id, name: found.name, created: false });
      continue;
    }
    const unit = group.find((g) => g.unit !== null)?.unit ?? unitOfGrowthOnly(group.find((g) => g.growthUnit !== null)?.growthUnit);
    const dim = unitDef(unit)?.dimension;
    const minimum = dim === 'cny' || dim === 'usd' || dim === 'area' ? 2 : dim === 'percent' ? 1 : 0;
    const decimals = Math.max(minimum, ...group.map((g) => g.decimals));
    const created = insertIndicator(ctx, log, { categoryCode: f.categoryCode, name, unit, decimals });
    out.set(name, { id: created.id, name: created.name, created: true });
  }
  return out;
}

/** A figure's fields as the grid's cells would be typed: the article's figure replaces the stored one. */
function editsOf(f: AcceptedFigure, indicatorId: string): CellEdit[] {
  const edits: CellEdit[] = [];
  const cell = (field: CellEdit['field'], text: string) => edits.push({ indicatorId, field, text });
  if (f.value !== null) {
    cell('value', f.value);
    if (f.unit) cell('unit', f.unit);
  }
  cell('qualifier', f.qualifier ?? '');
  if (f.growth !== null) cell('growth', f.growthUnit === '个百分点' ? `${f.growth}个百分点` : f.growth);
  if (f.baseline !== null) cell('baseline', f.baseline);
  if (f.quote) cell('source', f.quote.slice(0, 2000));
  return edits;
}

interface Candidate {
  figure: number;
  start: number;
  end: number;
  placeholder: string;
}

/**
 * For each part of each figure, the placeholders that could stand for it, longest stretch first;
 * the first that resolves to exactly the stretch's text (blanks aside) is chosen.
 */
function chooseReplacements(ctx: CoreContext, parkId: string, periodId: string, docPeriodKey: string, input: ApplyInput): { chosen: Replacement[]; kept: number } {
  const { text } = input;
  const groups: Candidate[][] = [];
  input.figures.forEach((f, i) => {
    const head = f.indicator + (canonicalPeriodKey(f.period) === docPeriodKey ? '' : `@${canonicalPeriodKey(f.period)}`);
    const target = f.kind === 'target' ? ['目标'] : [];
    const ph = (...options: string[]) => placeholderText({ indicator: head, options: [...target, ...options] });
    const { value, growth, baseline } = f.parts;
    if (value) groups.push(trimmed(text, value, [VALUE_LEADS]).map((s) => ({ figure: i, ...s, placeholder: ph() })));
    if (growth) {
      const compared = trimmed(text, growth, [GROWTH_COMPARED]);
      const bare = trimmed(text, growth, [GROWTH_COMPARED, GROWTH_VERB]).slice(-1);
      groups.push([...compared.map((s) => ({ figure: i, ...s, placeholder: ph('同比') })), ...bare.map((s) => ({ figure: i, ...s, placeholder: ph('增速') }))]);
    }
    if (baseline) {
      const number = /[0-9０-９][0-9０-９.,．，]*/u.exec(text.slice(baseline.start, baseline.end));
      const s = f.baselineBare && number ? { start: baseline.start + number.index, end: baseline.start + number.index + number[0].length } : baseline;
      groups.push([{ figure: i, ...s, placeholder: f.baselineBare ? ph('原值', '数值') : ph('原值') }]);
    }
  });
  const all = groups.flat();
  const written = resolveAll(ctx, parkId, periodId, all.map((c) => c.placeholder));
  const chosen: Replacement[] = [];
  let kept = 0;
  let k = 0;
  for (const g of groups) {
    const pick = g.find((c, j) => written[k + j] === blankless(text.slice(c.start, c.end)));
    k += g.length;
    if (pick) chosen.push({ start: pick.start, end: pick.end, placeholder: pick.placeholder });
    else kept++;
  }
  return { chosen, kept };
}

/** The span, then the span without each leading pattern in turn (each only where it matched). */
function trimmed(text: string, span: { start: number; end: number }, leads: RegExp[]): { start: number; end: number }[] {
  const out = [span];
  let start = span.start;
  for (const re of leads) {
    const m = re.exec(text.slice(start, span.end));
    if (m && m[0].length) {
      start += m[0].length;
      if (start < span.end) out.push({ start, end: span.end });
    }
  }
  return out;
}

/** What each placeholder writes now, inside this transaction (null where it cannot be filled). */
function resolveAll(ctx: CoreContext, parkId: string, periodId: string, placeholders: readonly string[]): (string | null)[] {
  const now = new Date();
  const body: DocumentBody = {
    title: '',
    subtitle: '',
    byline: '',
    lead: placeholders.slice(),
    sections: [],
    photos: [],
    magazine: magazineDefaults(now),
    bulletin: bulletinDefaults('', now),
  };
  const doc = resolveDocument(ctx.db, { parkId, periodId, body }, readSettings(ctx.db));
  return doc.lead.map((runs) => (runs.length === 1 && runs[0]!.kind === 'figure' ? blankless(runs[0]!.text) : null));
}

function blankless(s: string): string {
  return s.replace(/\s+/gu, '');
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}
