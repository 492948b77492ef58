// Reading an article for the review: its figures, each beside the store's current figure for its
// indicator, period and kind (new / changed / unchanged, as the import preview says it), and the
// park and period the article is about. Writes nothing.

import { AppError } from '../../shared/errors.ts';
import type { ArticleReview, FoundFigure, ReviewFigure, StoredShape } from '../../shared/extraction.ts';
import type { CheckWarning } from '../../shared/checks.ts';
import type { ValueKind } from '../../shared/model.ts';
import { checkFigures, type PendingFigure } from '../checks/run-checks.ts';
import { canonicalPeriodKey, findPeriodByKey } from '../repos/periods.ts';
import type { CoreContext } from '../context.ts';
import { FigureReader } from '../figures/read-figures.ts';
import { getParkRow } from '../repos/parks.ts';
import type { ParkRow } from '../repos/rows.ts';
import { catalogueEntries } from './catalogue.ts';
import { extractFigures } from './extract.ts';
import { FIGURE_CONTENT, figureStatus } from '../values/same-figure.ts';
import type { CatalogueEntry } from './naming.ts';

export interface ReviewInput {
  fileName: string;
  text: string;
  parkId?: string | undefined;
  period?: string | undefined;
}

export function reviewArticle(ctx: CoreContext, input: ReviewInput): ArticleReview {
  const period = input.period === undefined ? undefined : canonicalPeriodKey(input.period);
  const park = input.parkId === undefined ? null : getParkRow(ctx.db, input.parkId);
  const catalogue = catalogueEntries(ctx.db);
  const extraction = extractFigures(input.text, { catalogue, period });
  if (!extraction.figures.length) throw new AppError('ARTICLE_NO_FIGURES', { file: input.fileName });
  const byCode = new Map(catalogue.map((e) => [e.code, e]));
  const reader = new FigureReader(ctx.db);
  const pkOf = ctx.db.prepare('SELECT pk FROM indicators WHERE id = ?').pluck();
  const figures: ReviewFigure[] = extraction.figures.map((f) => {
    const entry = f.code === null ? null : (byCode.get(f.code) ?? null);
    const storedRow = park && entry && f.period ? reader.figure(park.pk, f.period, f.kind, pkOf.get(entry.id) as number) : null;
    const stored: StoredShape | null = storedRow
      ? { value: storedRow.value, unit: storedRow.unit, qualifier: storedRow.qualifier, growth: storedRow.growth, baseline: storedRow.baseline }
      : null;
    return { ...f, indicatorId: entry?.id ?? null, stored, status: figureStatus(stored, asWritten(f, stored), FIGURE_CONTENT) };
  });
  const named = extraction.park;
  const checks = park ? checkProposed(ctx, park.id, figures, catalogue, extraction.period) : [];
  return {
    fileName: input.fileName,
    text: input.text,
    figures,
    period: extraction.period,
    park: { name: named, id: named ? storedParkId(ctx, named) : null },
    title: extraction.layout.title?.text ?? '',
    headings: extraction.layout.sections.map((s) => s.heading.map((h) => h.text).join(' ')),
    checks,
  };
}

/**
 * The check rules (审核关系) over the park's figures with the article's in their place, before
 * anything is written — as the import preview gives them. A period the store does not have yet
 * holds no figures to check against; a proposed new indicator is in no rule yet.
 */
function checkProposed(ctx: CoreContext, parkId: string, figures: readonly ReviewFigure[], catalogue: readonly CatalogueEntry[], articlePeriod: string | null): CheckWarning[] {
  const unitOf = new Map(catalogue.map((e) => [e.id, e.unit]));
  const groups = new Map<string, { periodId: string; kind: ValueKind; pending: Map<string, PendingFigure> }>();
  for (const f of figures) {
    const key = f.period ?? articlePeriod;
    if (!f.indicatorId || !key) continue;
    const period = findPeriodByKey(ctx.db, key);
    if (!period) continue;
    const g = groups.get(`${period.id}|${f.kind}`) ?? { periodId: period.id, kind: f.kind, pending: new Map<string, PendingFigure>() };
    groups.set(`${period.id}|${f.kind}`, g);
    // A growth stated alone leaves the stored value as it is, and a value alone the stored growth.
    g.pending.set(f.indicatorId, {
      value: f.value ?? f.stored?.value ?? null,
      unit: f.unit ?? f.stored?.unit ?? unitOf.get(f.indicatorId)!,
      qualifier: f.value !== null ? f.qualifier : (f.stored?.qualifier ?? null),
      growth: f.growth ?? f.stored?.growth ?? null,
    });
  }
  return [...groups.values()].flatMap((g) => checkFigures(ctx.db, { parkId, periodId: g.periodId, kind: g.kind }, g.pending));
}

/**
 * The stored figure as applying the article would leave it (`apply.ts` editsOf): the fields the
 * article gives replace the stored ones, its qualifier always (none is none), the rest stay.
 */
function asWritten(f: FoundFigure, stored: StoredShape | null): StoredShape {
  return {
    value: f.value ?? stored?.value ?? null,
    unit: (f.value !== null ? f.unit : null) ?? stored?.unit ?? f.unit ?? '',
    qualifier: f.qualifier ?? null,
    growth: f.growth ?? stored?.growth ?? null,
    baseline: f.baseline ?? stored?.baseline ?? null,
  };
}

function storedParkId(ctx: CoreContext, name: string): string | null {
  const r = ctx.db.prepare('SELECT * FROM parks WHERE name = ? OR short_name = ? LIMIT 1').get(name, name) as ParkRow | undefined;
  return r?.id ?? null;
}
