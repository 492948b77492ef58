// `parkbrief extract FILE [--park NAME] [--period KEY] [--json] [--apply] [--db FILE]`: the figures of
// an article (.txt, .md, .docx) through the contract (articles.read); with --apply they are written
// with the park-period's document in one undo step (articles.apply). Without --apply nothing is
// written.

import { basename } from 'node:path';
import { AppError } from '../shared/errors.ts';
import { acceptedOf, type AcceptedFigure, type ArticleFigure, type ReviewFigure } from '../shared/extraction.ts';
import { figureText } from '../shared/figure/qualifiers.ts';
import { IMPORT_MAX_BYTES } from '../shared/tables.ts';
import { formatBytes } from '../core/imports/read-file.ts';
import { parseWithFiles, usageError } from './args.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { readRegularFile } from './regular-file.ts';
import { withStore } from './store.ts';

export function cmdExtract(argv: string[], io: CliIo): Promise<number> {
  const { args, files } = parseWithFiles(argv, { park: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' }, apply: { type: 'boolean' } });
  if (files.length !== 1) throw usageError('请给出一个文章文件（.txt、.md 或 .docx）', 'give one article file (.txt, .md or .docx)');
  const park = typeof args.park === 'string' ? args.park : undefined;
  const givenPeriod = typeof args.period === 'string' ? args.period : undefined;
  if (args.apply && park === undefined) throw new AppError('EXTRACT_PARK_REQUIRED');
  const file = files[0]!;
  const bytes = readArticleBytes(file);
  const en = cliLocale(io.env) === 'en';
  return withStore(args, io, async (store) => {
    const parkId = park === undefined ? undefined : (await store.call('names.resolve', { park })).park!.id;
    const review = await store.call('articles.read', { fileName: basename(file), base64: bytes.toString('base64'), parkId, period: givenPeriod });
    if (args.json) io.out(JSON.stringify(review.figures.map(jsonFigure), null, 2));
    else printFigures(io, review.figures, en);
    if (!args.apply) return EXIT.ok;
    const period = givenPeriod ?? review.period;
    if (!period) throw new AppError('EXTRACT_PERIOD_REQUIRED');
    const { accepted, skipped } = acceptAll(review.figures, period);
    for (const s of skipped) io.err(en ? `Skipped (same indicator as an earlier figure, other figure): ${s.indicator} «${s.quote}»` : `已跳过（与前面某项同一指标而数值不同）：${s.indicator}「${s.quote}」`);
    const applied = await store.call('articles.apply', { readId: review.readId, parkId: parkId!, period, figures: accepted });
    const w = applied.warnings.length;
    io.out(
      en
        ? `Applied: ${applied.indicatorsCreated} indicators created, ${applied.values.inserted} figures new, ${applied.values.updated} changed, ${applied.values.unchanged} unchanged; the document holds ${applied.placeholders} placeholders (${applied.keptAsText} figures kept as written)${w ? `, ${w} check-rule hints` : ''}. One undo step: ${applied.history.undoLabel ?? ''}`
        : `已应用：新建指标 ${applied.indicatorsCreated} 个，数值新增 ${applied.values.inserted} 项、修改 ${applied.values.updated} 项、未变 ${applied.values.unchanged} 项；文稿中 ${applied.placeholders} 处改为数据占位符（${applied.keptAsText} 处按原文保留）${w ? `，审核提示 ${w} 条` : ''}。可一步撤销：${applied.history.undoLabel ?? ''}`,
    );
    return EXIT.ok;
  });
}

/** Kind and size are checked before the file is read: a FIFO, a device or a 2 GB file is refused without reading it. */
function readArticleBytes(file: string): Buffer {
  return readRegularFile(file, IMPORT_MAX_BYTES, (size) => new AppError('ARTICLE_TOO_LARGE', { file: basename(file), size: formatBytes(size), max: formatBytes(IMPORT_MAX_BYTES) }));
}

/** The `--json` shape (shared/extraction.ts ArticleFigure), field by field, in the documented order. */
function jsonFigure(f: ReviewFigure): ArticleFigure {
  return {
    indicator: f.indicator,
    code: f.code,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    growth: f.growth,
    growthUnit: f.growthUnit,
    baseline: f.baseline,
    kind: f.kind,
    period: f.period,
    start: f.start,
    end: f.end,
    quote: f.quote,
  };
}

function printFigures(io: CliIo, figures: readonly ReviewFigure[], en: boolean): void {
  io.out(en ? `${figures.length} figures found:` : `找到 ${figures.length} 项数据：`);
  figures.forEach((f, i) => {
    const main = f.value === null ? '' : figureText(f.value, f.unit ?? '', f.qualifier);
    const growth = f.growth === null ? '' : `${en ? 'growth' : '增长'} ${f.value === null ? figureText(f.growth, f.growthUnit ?? '%', f.qualifier) : f.growth + (f.growthUnit ?? '%')}`;
    const before = f.baseline === null ? '' : `${en ? 'from' : '原'} ${f.baseline}`;
    const kind = f.kind === 'target' ? (en ? ' target' : ' 目标') : '';
    const code = f.code ? ` (${f.code})` : en ? ' (new)' : '（新指标）';
    const stored = f.status === 'changed' && f.stored ? `  ${en ? 'store' : '库中'}: ${f.stored.value === null ? '' : figureText(f.stored.value, f.stored.unit, f.stored.qualifier)}` : '';
    io.out(`  ${i + 1}. ${f.indicator}${code} · ${[main, growth, before].filter(Boolean).join(' · ')} · ${f.period ?? '?'}${kind}${stored}`);
  });
}

/** Every figure, except a later one that gives the same indicator, period and kind another figure. */
function acceptAll(figures: readonly ReviewFigure[], period: string): { accepted: AcceptedFigure[]; skipped: ReviewFigure[] } {
  const seen = new Map<string, ReviewFigure>();
  const accepted: AcceptedFigure[] = [];
  const skipped: ReviewFigure[] = [];
  for (const f of figures) {
    const key = `${f.indicator}|${f.period ?? period}|${f.kind}`;
    const first = seen.get(key);
    if (first && (first.value !== f.value || first.unit !== f.unit || first.qualifier !== f.qualifier || first.growth !== f.growth || first.baseline !== f.baseline)) {
      skipped.push(f);
      continue;
    }
    seen.set(key, f);
    accepted.push(acceptedOf(f, period));
  }
  return { accepted, skipped };
}
