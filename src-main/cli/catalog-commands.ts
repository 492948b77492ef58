// `parkbrief parks add|rename`, `periods add`, `indicators add|list`, `units add`: the catalogue, parks
// and periods made from the command line as the app makes them — each a thin call of the contract's
// dispatch (the same validation, the same refusals, one undo step), then a line saying what was done.

import { basename } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { AppError, formatMessage, type ErrorCode } from '../shared/errors.ts';
import { writeFileAtomic } from '../core/files/write-file-atomic.ts';
import type { Host } from '../core/host.ts';
import { parseArgsError, usageError, type Args } from './args.ts';
import { withStore, type CliStore } from './store.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { readRegularFile } from './regular-file.ts';
import { IMPORT_MAX_BYTES } from '../shared/tables.ts';
import { formatBytes } from '../core/imports/read-file.ts';

type Options = ParseArgsOptionsConfig;
type Values = Record<string, string | boolean | string[] | undefined>;

function parse(argv: string[], options: Options): { args: Values; rest: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { db: { type: 'string' }, ...options }, strict: true, allowPositionals: true });
    return { args: r.values as Values, rest: r.positionals };
  } catch (e) {
    throw parseArgsError(e);
  }
}

const usage = usageError;

const text = (v: string | boolean | string[] | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** `parks add NAME [--short S] [--region R] [--level L]` and `parks rename OLD NEW`. */
export function cmdParksEdit(sub: string, argv: string[], io: CliIo): Promise<number> {
  const { args, rest } = parse(argv, { short: { type: 'string' }, region: { type: 'string' }, level: { type: 'string' } });
  const en = cliLocale(io.env) === 'en';
  if (sub === 'add') {
    if (rest.length !== 1) throw usage('parks add 需要一个园区名称', 'parks add takes one park name');
    return withStore(args as Args, io, async (store) => {
      const park = await store.call('parks.create', { name: rest[0]!, shortName: text(args.short), region: text(args.region), level: text(args.level) });
      io.out(en ? `Added park: ${park.name}` : `已新增园区：${park.name}`);
      return EXIT.ok;
    });
  }
  if (sub === 'rename') {
    if (rest.length !== 2) throw usage('parks rename 需要原名称和新名称', 'parks rename takes the old and the new name');
    return withStore(args as Args, io, async (store) => {
      const call = store.call;
      const wanted = rest[0]!.trim();
      const park = (await call('parks.list', {})).find((p) => p.name === wanted || p.shortName === wanted);
      if (!park) throw new AppError('PARK_NOT_FOUND', { park: wanted });
      const renamed = await call('parks.update', { id: park.id, name: rest[1]! });
      io.out(en ? `Renamed park: ${park.name} → ${renamed.name}` : `已改名：${park.name} → ${renamed.name}`);
      return EXIT.ok;
    });
  }
  throw usage(`未知的 parks 子命令「${sub}」`, `unknown parks subcommand "${sub}"`);
}

/** `periods add KEY`. */
export function cmdPeriods(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...more] = argv;
  if (sub !== 'add') throw usage('用法：parkbrief periods add 期别', 'usage: parkbrief periods add KEY');
  const { args, rest } = parse(more, {});
  if (rest.length !== 1) throw usage('periods add 需要一个期别，如 2022、2022Q3、2018M1-4', 'periods add takes one period key, e.g. 2022, 2022Q3, 2018M1-4');
  const en = cliLocale(io.env) === 'en';
  return withStore(args as Args, io, async (store) => {
    const p = await store.call('periods.create', { key: rest[0]! });
    io.out(en ? `Added period: ${p.key}` : `已新增期别：${p.label}（${p.key}）`);
    return EXIT.ok;
  });
}

/** `indicators add NAME --unit U [--category C] [--alias A]… [--decimals N]` and `indicators list [--json]`. */
export function cmdIndicators(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...more] = argv;
  const en = cliLocale(io.env) === 'en';
  if (sub === 'list') {
    const { args, rest } = parse(more, { json: { type: 'boolean' }, all: { type: 'boolean' } });
    if (rest.length) throw usage('indicators list 不带参数', 'indicators list takes no arguments');
    return withStore(args as Args, io, async (store) => {
      const cat = await store.call('catalog.get', {});
      const cats = new Map(cat.categories.map((c) => [c.code, c.name]));
      const list = cat.indicators
        .filter((i) => args.all || !i.retired)
        .map((i) => ({
          code: i.code,
          name: i.name,
          unit: i.unit,
          category: cats.get(i.categoryCode) ?? i.categoryCode,
          decimals: i.decimals,
          aliases: cat.aliases[i.id] ?? [],
          parent: i.parentCode,
          retired: i.retired,
          builtin: i.builtin,
        }));
      if (args.json) io.out(JSON.stringify(list, null, 2));
      else for (const i of list) io.out([i.code, i.name, i.unit, i.category, i.aliases.join('、'), i.retired ? (en ? 'retired' : '已停用') : ''].join('\t').replace(/\t+$/, ''));
      return EXIT.ok;
    });
  }
  if (sub !== 'add') throw usage('用法：parkbrief indicators add 名称 --unit 单位 … 或 indicators list', 'usage: parkbrief indicators add NAME --unit U … or indicators list');
  const { args, rest } = parse(more, {
    unit: { type: 'string' },
    category: { type: 'string' },
    alias: { type: 'string', multiple: true },
    decimals: { type: 'string' },
    park: { type: 'string' },
  });
  if (rest.length !== 1) throw usage('indicators add 需要一个指标名称', 'indicators add takes one indicator name');
  const unit = text(args.unit);
  if (!unit) throw usage('缺少 --unit', 'missing --unit');
  const decimals = args.decimals === undefined ? 2 : Number(args.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw usage('--decimals 应为 0—6 的整数', '--decimals is a whole number 0–6');
  return withStore(args as Args, io, async (store) => {
    const call = store.call;
    const categoryCode = text(args.category) === undefined ? undefined : await categoryOf(call, text(args.category)!);
    const onlyParkId = text(args.park) === undefined ? undefined : await parkOf(call, text(args.park)!);
    const aliases = (args.alias as string[] | undefined) ?? [];
    const ind = await call('catalog.createIndicator', { name: rest[0]!, unit, decimals, categoryCode, aliases, onlyParkId });
    const tail = aliases.length ? (en ? `, aliases ${aliases.join(', ')}` : `，别名 ${aliases.join('、')}`) : '';
    io.out(en ? `Added indicator ${ind.code}: ${ind.name} (${ind.unit}${tail})` : `已新增指标 ${ind.code}：${ind.name}（${ind.unit}${tail}）`);
    return EXIT.ok;
  });
}

async function categoryOf(call: CliStore['call'], wanted: string): Promise<string> {
  const cat = await call('catalog.get', {});
  const c = cat.categories.find((x) => x.code === wanted || x.name === wanted || x.nameEn === wanted);
  if (!c) throw new AppError('CATEGORY_NOT_FOUND', { category: wanted });
  return c.code;
}

async function parkOf(call: CliStore['call'], wanted: string): Promise<string> {
  const park = (await call('parks.list', {})).find((p) => p.name === wanted || p.shortName === wanted);
  if (!park) throw new AppError('PARK_NOT_FOUND', { park: wanted });
  return park.id;
}

/** `units add NAME --equals "N UNIT"` (--equals "0.01 平方公里"). */
export function cmdUnits(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...more] = argv;
  if (sub !== 'add') throw usage('用法：parkbrief units add 名称 --equals "数量 单位"', 'usage: parkbrief units add NAME --equals "N UNIT"');
  const { args, rest } = parse(more, { equals: { type: 'string' }, en: { type: 'string' } });
  if (rest.length !== 1) throw usage('units add 需要一个单位名称（带空格的换算关系请加引号，如 --equals "0.01 平方公里"）', 'units add takes one unit name (quote a conversion that holds blanks: --equals "0.01 平方公里")');
  const equals = text(args.equals);
  if (!equals) throw usage('缺少 --equals，如 --equals "0.01 平方公里"', 'missing --equals, e.g. --equals "0.01 平方公里"');
  const en = cliLocale(io.env) === 'en';
  return withStore(args as Args, io, async (store) => {
    const u = await store.call('catalog.addUnit', { code: rest[0]!, equals, en: text(args.en) });
    io.out(en ? `Added unit ${u.code} = ${equals} (${u.dimension}, exactly ${u.factor} of the base unit)` : `已新增计量单位 ${u.code} = ${equals}（量纲 ${u.dimension}，折合基本单位 ${u.factor}）`);
    return EXIT.ok;
  });
}

/** Receives an export and writes it atomically to the path the command was given. */
function fileHost(out: string): Host {
  return {
    async deliver(file) {
      writeFileAtomic(out, file.bytes);
      return { status: 'saved', path: out, fileName: basename(out) };
    },
    openFile: async () => false,
  };
}

/** `catalog export FILE` and `catalog import FILE [--dry-run]`: the catalogue as a workbook, and back with a preview. */
export function cmdCatalog(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...more] = argv;
  const { args, rest } = parse(more, { 'dry-run': { type: 'boolean' } });
  const en = cliLocale(io.env) === 'en';
  if (rest.length !== 1 || (sub !== 'export' && sub !== 'import')) throw usage('用法：parkbrief catalog export 文件.xlsx 或 catalog import 文件.xlsx [--dry-run]', 'usage: parkbrief catalog export FILE.xlsx or catalog import FILE.xlsx [--dry-run]');
  const file = rest[0]!;
  if (sub === 'export') {
    return withStore(
      args as Args,
      io,
      async (store) => {
        await store.call('catalog.export', {});
        io.out(en ? `Exported the catalogue: ${file}` : `已导出指标库：${file}`);
        return EXIT.ok;
      },
      fileHost(file),
    );
  }
  const bytes = readRegularFile(file, IMPORT_MAX_BYTES, (size) => new AppError('IMPORT_TOO_LARGE', { size: formatBytes(size), max: formatBytes(IMPORT_MAX_BYTES) }));
  return withStore(args as Args, io, async (store) => {
    const call = store.call;
    const p = await call('catalog.importPreview', { fileName: basename(file), base64: bytes.toString('base64') });
    io.out(en ? `Catalogue import preview of "${p.fileName}": ${p.changes.length} changes · ${p.errors.length} errors` : `指标库导入预览「${p.fileName}」：${p.changes.length} 项改动 · 错误 ${p.errors.length}`);
    for (const c of p.changes) {
      const what = (en ? { indicator: 'indicator', unit: 'unit', qualifier: 'qualifier', rule: 'rule' } : { indicator: '指标', unit: '计量单位', qualifier: '限定词', rule: '审核关系' })[c.kind];
      const fields = c.fields.map((f) => (f.before === null ? `${f.field} ${f.after}` : `${f.field} ${f.before || '—'} → ${f.after || '—'}`)).join(en ? '; ' : '；');
      io.out(`  ${c.status === 'new' ? '+' : '~'} ${what} ${c.name}${fields ? (en ? `: ${fields}` : `：${fields}`) : ''}`);
    }
    for (const e of p.errors) io.err(`  · ${e.sheet} ${en ? `row ${e.row}` : `第 ${e.row} 行`}：${formatMessage(e.code as ErrorCode, e.params, en ? 'en' : 'zh-CN')}`);
    if (p.errors.length) {
      io.err(en ? `Refused: ${p.errors.length} errors; nothing was written.` : `未导入：有 ${p.errors.length} 处错误，未写入任何数据。`);
      return EXIT.failed;
    }
    if (args['dry-run'] || !p.canApply) {
      io.out(args['dry-run'] ? (en ? 'Dry run: nothing was written.' : '试运行：未写入任何数据。') : en ? 'Nothing changes; nothing was written.' : '没有改动，未写入。');
      return EXIT.ok;
    }
    const applied = await call('catalog.importApply', { previewId: p.previewId });
    io.out(en ? `Imported ${applied.changed} changes (one undo step).` : `已导入 ${applied.changed} 项改动（可一步撤销：${applied.history.undoLabel ?? ''}）。`);
    return EXIT.ok;
  });
}
