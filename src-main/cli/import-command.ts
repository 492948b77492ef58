// `parkbrief import FILE [--park --period] [--kind] [--dry-run] [--db]`: prints the preview — counts,
// every error with its place, warnings, what changes old → new — then applies it as one undo step,
// unless --dry-run or there is an error. The file is only read; preview and apply are the import
// dialog's imports.preview and imports.apply.

import { basename } from 'node:path';
import { formatCheck } from '../shared/checks.ts';
import { AppError, formatMessage, type Locale } from '../shared/errors.ts';
import { parsePeriodKey, periodLabel } from '../shared/period-key.ts';
import { figureText } from '../shared/figure/qualifiers.ts';
import { IMPORT_MAX_BYTES, type ImportPreview, type PreviewFigure, type PreviewItem } from '../shared/tables.ts';
import { issueText } from '../core/imports/issues.ts';
import { formatBytes } from '../core/imports/read-file.ts';
import { kindOf, parseWithFiles, usageError } from './args.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { readRegularFile } from './regular-file.ts';
import { withStore } from './store.ts';
import { escapeForTerminal } from './terminal-text.ts';

/** A value from the file, printed as one item: its line breaks must not pose as lines of ours. */
const one = (text: string) => escapeForTerminal(text, 'one-line');

/** Lines of new and of changed figures printed; the rest are counted. */
export const CLI_LISTED = 20;

export function cmdImport(argv: string[], io: CliIo): Promise<number> {
  const { args, files } = parseWithFiles(argv, {
    park: { type: 'string' },
    period: { type: 'string' },
    kind: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'create-missing': { type: 'boolean' },
    'create-park': { type: 'boolean' },
  });
  if (files.length !== 1) throw usageError('请给出一个要导入的文件', 'give one file to import');
  if ((args.park === undefined) !== (args.period === undefined)) throw usageError('--park 和 --period 要一起指定', '--park and --period go together');
  if ((args['create-missing'] || args['create-park']) && args.park === undefined) {
    throw usageError('--create-missing 和 --create-park 用于普通表格，需要 --park 和 --period', '--create-missing and --create-park are for a plain table, with --park and --period');
  }
  const file = files[0]!;
  const park = typeof args.park === 'string' ? args.park : undefined;
  const period = typeof args.period === 'string' ? args.period : undefined;
  const kind = kindOf(args);
  const bytes = readUserFile(file);
  const locale = cliLocale(io.env);
  return withStore(args, io, async (store) => {
    // By name and key: with --create-missing (--create-park) the ones the store lacks are planned in the preview.
    const preview = await store.call('imports.preview', {
      fileName: basename(file),
      base64: bytes.toString('base64'),
      ...(park !== undefined ? { parkName: park } : {}),
      ...(period !== undefined ? { periodKey: period } : {}),
      kind,
      createMissing: args['create-missing'] === true,
      createPark: args['create-park'] === true,
    });
    printPreview(io, preview, locale);
    const en = locale === 'en';
    if (park !== undefined && preview.format !== 'plain' && preview.format !== 'csv') io.out(formatMessage('IMPORT_TARGET_IGNORED', {}, locale));
    if (preview.counts.errors > 0) {
      io.err(en ? `Refused: ${preview.counts.errors} errors; nothing was written.` : `未导入：有 ${preview.counts.errors} 处错误，未写入任何数据。`);
      // Only the command line can fix a plain table without a park and period: a usage error.
      return preview.errors.every((e) => e.code === 'IMPORT_TARGET_MISSING') ? EXIT.usage : EXIT.failed;
    }
    if (args['dry-run']) {
      io.out(en ? 'Dry run: nothing was written.' : '试运行：未写入任何数据。');
      return EXIT.ok;
    }
    if (!preview.canApply) {
      io.out(en ? 'Nothing new or changed; nothing was written.' : '没有新增或修改的数值，未写入。');
      return EXIT.ok;
    }
    const applied = await store.call('imports.apply', { previewId: preview.previewId });
    io.out(
      en
        ? `Imported: ${applied.inserted} new, ${applied.updated} changed (one undo step: ${one(applied.history.undoLabel ?? '')}).`
        : `已导入：新增 ${applied.inserted} 项，修改 ${applied.updated} 项（可一步撤销：${one(applied.history.undoLabel ?? '')}）。`,
    );
    return EXIT.ok;
  });
}

/** The bytes, after checking kind and size without reading a special or huge file. */
function readUserFile(file: string): Buffer {
  return readRegularFile(file, IMPORT_MAX_BYTES, (size) => new AppError('IMPORT_TOO_LARGE', { size: formatBytes(size), max: formatBytes(IMPORT_MAX_BYTES) }));
}

const FORMAT_NAMES: Record<ImportPreview['format'], { zh: string; en: string }> = {
  fill: { zh: '填报模板', en: 'fill-in template' },
  table: { zh: 'ParkBrief 指标表', en: 'ParkBrief table' },
  compare: { zh: 'ParkBrief 多园区对比表', en: 'ParkBrief comparison' },
  plain: { zh: '普通表格', en: 'plain table' },
  csv: { zh: 'CSV 表格', en: 'CSV table' },
};

export function printPreview(io: CliIo, p: ImportPreview, locale: Locale): void {
  const en = locale === 'en';
  const c = p.counts;
  const format = FORMAT_NAMES[p.format][en ? 'en' : 'zh'];
  io.out(
    en
      ? `Import preview of "${one(p.fileName)}" (${format}): ${c.new} new · ${c.changed} changed · ${c.unchanged} unchanged · ${c.warnings} warnings · ${c.errors} errors`
      : `导入预览「${one(p.fileName)}」（${format}）：新增 ${c.new} · 修改 ${c.changed} · 未变 ${c.unchanged} · 警告 ${c.warnings} · 错误 ${c.errors}`,
  );
  const made = p.creates;
  if (made.park) io.out(en ? `Creates the park: ${made.park}` : `将新建园区：${made.park}`);
  if (made.period) io.out(en ? `Creates the period: ${made.period}` : `将新建期别：${made.period}`);
  if (made.indicators.length) {
    io.out(en ? `Creates ${made.indicators.length} indicators:` : `将新建指标 ${made.indicators.length} 个：`);
    for (const i of made.indicators) io.out(`  + ${i.name}（${i.unit}）`);
  }
  const more = (n: number, what: { zh: string; en: string }) => {
    if (n > 0) io.out(en ? `  … ${n} more ${what.en} not listed` : `  … 另有 ${n} ${what.zh}未列出`);
  };
  if (p.errors.length) {
    io.err(en ? `Errors (${c.errors}):` : `错误（${c.errors}）：`);
    for (const e of p.errors) io.err(`  · ${one(issueText(e, locale))}`);
    if (c.errors > p.errors.length) io.err(en ? `  … ${c.errors - p.errors.length} more errors not listed` : `  … 另有 ${c.errors - p.errors.length} 处错误未列出`);
  }
  const readWarnings = c.warnings - c.checks;
  if (p.warnings.length) {
    io.out(en ? `Warnings (${readWarnings}):` : `警告（${readWarnings}）：`);
    for (const w of p.warnings) io.out(`  · ${one(issueText(w, locale))}`);
    more(readWarnings - p.warnings.length, { zh: '条警告', en: 'warnings' });
  }
  if (c.checks) {
    io.out(en ? `Check rules (${c.checks}):` : `审核提示（${c.checks}）：`);
    for (const w of p.checks.slice(0, CLI_LISTED)) io.out(`  · ${one(`${w.rule} ${formatCheck(w, locale)}`)}`);
    more(c.checks - Math.min(CLI_LISTED, p.checks.length), { zh: '条审核提示', en: 'check warnings' });
  }
  for (const status of ['changed', 'new'] as const) {
    const items = p.items.filter((i) => i.status === status);
    if (!items.length) continue;
    const total = c[status];
    io.out(status === 'changed' ? (en ? `Changed (${total}):` : `修改（${total}）：`) : en ? `New (${total}):` : `新增（${total}）：`);
    for (const i of items.slice(0, CLI_LISTED)) io.out(`  · ${one(itemLine(i, locale))}`);
    more(total - Math.min(CLI_LISTED, items.length), { zh: '项', en: 'figures' });
  }
}

function itemLine(i: PreviewItem, locale: Locale): string {
  const parts = parsePeriodKey(i.periodKey);
  const period = parts ? periodLabel(parts, locale) : i.periodKey;
  const target = i.kind === 'target' ? (locale === 'en' ? ' (target)' : '（目标）') : '';
  const head = `${i.park} · ${period}${target} · ${i.indicator}`;
  return i.before ? `${head}：${figure(i.before, locale)} → ${figure(i.after, locale)}` : `${head}：${figure(i.after, locale)}`;
}

function figure(f: PreviewFigure, locale: Locale): string {
  const main = f.value === null ? '' : figureText(f.value, f.unit, f.qualifier);
  // A growth-only figure carries the qualifier on its rate (增长10%左右).
  const rate = f.growth === null ? '' : f.value === null ? figureText(f.growth, '%', f.qualifier) : `${f.growth}%`;
  const growth = rate ? `${locale === 'en' ? 'YoY' : '同比'} ${rate}` : '';
  return [main, growth].filter(Boolean).join(locale === 'en' ? ', ' : '，') || '—';
}
