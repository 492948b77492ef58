// Reading an article for the review: its figures, each beside the store's current figure for its
// indicator, period and kind (new / changed / unchanged, as the import preview says it), and the
// park and period the article is about. Writes nothing.

import { AppError } from '../../shared/errors.ts';
import { sameDecimal } from '../../shared/figure/exact.ts';
import type { ArticleReview, FoundFigure, ReviewFigure, StoredShape } from '../../shared/extraction.ts';
import { canonicalPeriodKey } from '../repos/periods.ts';
import type { CoreContext } from '../context.ts';
import { FigureReader } from '../figures/read-figures.ts';
import { getParkRow } from '../repos/parks.ts';
import type { ParkRow } from '../repos/rows.ts';
import { catalogueEntries } from './catalogue.ts';
import { extractFigures } from './extract.ts';

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
    return { ...f, indicatorId: entry?.id ?? null, stored, status: statusOf(f, stored) };
  });
  const named = extraction.park;
  return {
    fileName: input.fileName,
    text: input.text,
    figures,
    period: extraction.period,
    park: { name: named, id: named ? storedParkId(ctx, named) : null },
    title: extraction.layout.title?.text ?? '',
    headings: extraction.layout.sections.map((s) => s.heading.map((h) => h.text).join(' ')),
  };
}

/** Fields a figure of the article sets; the store's other fields (source, status) are not compared. */
function statusOf(f: FoundFigure, stored: StoredShape | null): ReviewFigure['status'] {
  if (!stored) return 'new';
  const same =
    sameDecimal(f.value, stored.value) &&
    (f.value === null || f.unit === stored.unit) &&
    (f.qualifier ?? null) === stored.qualifier &&
    (f.growth === null || sameDecimal(f.growth, stored.growth)) &&
    (f.baseline === null || sameDecimal(f.baseline, stored.baseline));
  return same ? 'unchanged' : 'changed';
}

function storedParkId(ctx: CoreContext, name: string): string | null {
  const r = ctx.db.prepare('SELECT * FROM parks WHERE name = ? OR short_name = ? LIMIT 1').get(name, name) as ParkRow | undefined;
  return r?.id ?? null;
}
