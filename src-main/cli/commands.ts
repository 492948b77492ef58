import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TEMPLATES, type Template } from '../shared/document.ts';
import { AppError, formatMessage, type ErrorCode } from '../shared/errors.ts';
import type { CellEdit } from '../shared/contract.ts';
import type { EditableField, ValueKind } from '../shared/model.ts';
import { figureText } from '../shared/figure/qualifiers.ts';
import { findIndicator } from '../core/catalog/catalog.ts';
import type { CoreContext } from '../core/context.ts';
import { writeBatch } from '../core/history/change-log.ts';
import { exportDocx } from '../core/documents/export-docx.ts';
import { writeFileAtomic } from '../core/files/write-file-atomic.ts';
import { defaultStorePath } from '../core/paths.ts';
import { findParkByName, listParks } from '../core/repos/parks.ts';
import { ensurePeriod, findPeriodByKey, requirePeriodByKey } from '../core/repos/periods.ts';
import { openForHost, type HostOpened } from '../core/session/open-for-host.ts';
import { StoreSession } from '../core/session/store-session.ts';
import { storeBusyError } from '../core/store/busy.ts';
import { editValues } from '../core/values/edit-values.ts';
import { readGrid } from '../core/values/grid.ts';
import { warningsFor } from '../core/checks/warnings-for.ts';
import { formatCheck } from '../shared/checks.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { cmdExportXlsx, XLSX_ONLY } from './export-xlsx-command.ts';

export const USAGE = `园区简报 ParkBrief 命令行

用法：
  parkbrief serve [--db FILE] [--port N]        浏览器模式（仅 127.0.0.1），打印带令牌的网址；--port 0 自动选端口
  parkbrief parks [--db FILE] [--json]          列出园区
  parkbrief show --park 园区 --period 期别 [--kind actual|target] [--db FILE] [--json]
                                                 显示园区某期的指标值
  parkbrief set --park 园区 --period 期别 --indicator 指标 --value 数值
                [--unit 单位] [--qualifier 限定词] [--growth 增速] [--kind actual|target] [--source 备注] [--db FILE]
                                                 写入一个指标值（与界面同样校验；成功即已落盘）
  parkbrief export --park 园区 --period 期别 --template magazine|bulletin --out 文件.docx
                [--allow-markers] [--db FILE]    导出 Word 文稿（magazine 园区风采 · bulletin 工作简报）；
                                                 有无法填写的数据占位符时逐条列出并拒绝导出，除非加 --allow-markers
  parkbrief export --all-parks --period 期别 --template magazine --out 年鉴.docx
                                                 把该期所有有文稿的园区合成一本（每园区一篇）
  parkbrief export --format xlsx --template table|compare|form|fill --park 园区 --period 期别 --out 文件.xlsx
                [--years 2018-2022] [--parks 甲,乙,…] [--kind actual|target] [--db FILE]
                                                 导出 Excel：table 指标表（多期对比）· compare 多园区对比
                                                 · form 统计报表 · fill 填报模板（发给同事离线填写后导入）；
                                                 compare 不需 --park，缺省对比全部园区
  parkbrief import 文件.xlsx|文件.csv [--park 园区 --period 期别] [--kind actual|target] [--dry-run] [--db FILE]
                                                 导入填报模板或普通表格：先列出新增、修改、未变、警告和错误；
                                                 有错误时不写入任何数据；--dry-run 只预览不写入；一次导入可一步撤销
  parkbrief backup [--db FILE] [--out FILE]     用 SQLite 在线备份接口备份数据库（应用打开时也可）；缺省存入库旁的 backups 文件夹
  parkbrief backups [--db FILE] [--json]        列出备份（启动时、每日、升级前自动备份，以及手动备份）
  parkbrief restore 备份文件 [--db FILE]         用备份替换数据库；被替换的库保存在 backups 文件夹，可再恢复以撤销
  parkbrief salvage [--db FILE] [--out FILE]    从损坏的数据库中导出仍可读取的数据到新文件（原文件不改动）

期别写法：2022（年度）· 2022Q3（季度）· 2018M1-4（1—4月累计）· 2018M4（4月）
--db 缺省为本机应用数据目录中的库；环境变量 PARKBRIEF_DB 可覆盖。--db 指向的文件不存在时，将新建并载入演示数据。
PARKBRIEF_LANG=en 输出英文信息。
库正被应用或另一条命令写入时，命令等候其写完（缺省最多 5 秒，PARKBRIEF_BUSY_TIMEOUT_MS=毫秒 可改），超时则报告并以退出码 3 结束。`;

type Args = Record<string, string | boolean | undefined>;

export function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): Args {
  try {
    return parseArgs({ args: joinNegativeValues(argv), options: { db: { type: 'string' }, ...options }, strict: true, allowPositionals: false }).values as Args;
  } catch (e) {
    throw new AppError('USAGE', { detail: `${(e as Error).message}\n\n${USAGE}` });
  }
}

/** `--value -3` would read as an unknown option "-3"; a negative number is a value, so bind it. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function required(args: Args, name: string): string {
  const v = args[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('USAGE', { detail: `缺少 --${name}（missing --${name}）\n\n${USAGE}` });
  return v;
}

export function kindOf(args: Args): ValueKind {
  const k = (args.kind as string | undefined) ?? 'actual';
  if (k !== 'actual' && k !== 'target') throw new AppError('USAGE', { detail: `--kind 只能是 actual 或 target（got ${k}）` });
  return k;
}

/**
 * Every command opens the store as the app does (core/session/open-for-host.ts): checked first, backed
 * up before a migration and once a day, never replaced when damaged.
 */
async function open(args: Args, io: CliIo): Promise<CoreContext> {
  const path = typeof args.db === 'string' ? args.db : defaultStorePath(io.env);
  let opened: HostOpened;
  try {
    opened = await openForHost(path, { origin: 'cli', demoIfNew: true, busyTimeoutMs: busyTimeoutMs(io.env), backupOnStart: false });
  } catch (e) {
    throw storeBusyError(e, path);
  }
  const en = cliLocale(io.env) === 'en';
  if (opened.backup?.reason === 'pre-migration') {
    io.err(en ? `Backed up before upgrading the store: ${opened.backup.name}` : `升级数据库前已备份：${opened.backup.name}`);
  }
  if (opened.backupWarning) io.err(`${en ? 'Warning: ' : '警告：'}${formatMessage(opened.backupWarning.code, opened.backupWarning.params, en ? 'en' : 'zh-CN')}`);
  return opened.ctx;
}

/** How long a command waits for the app (or another command) to finish writing: 5 s unless PARKBRIEF_BUSY_TIMEOUT_MS says. */
export function busyTimeoutMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.PARKBRIEF_BUSY_TIMEOUT_MS);
  return env.PARKBRIEF_BUSY_TIMEOUT_MS && Number.isInteger(ms) && ms >= 0 ? ms : 5000;
}

export async function withStore<T>(args: Args, io: CliIo, fn: (ctx: CoreContext) => T | Promise<T>): Promise<T> {
  const ctx = await open(args, io);
  try {
    return await fn(ctx);
  } catch (e) {
    throw storeBusyError(e, ctx.storePath);
  } finally {
    ctx.db.close();
  }
}

export function cmdParks(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { json: { type: 'boolean' } });
  return withStore(args, io, (ctx) => {
    const parks = listParks(ctx.db);
    if (args.json) io.out(JSON.stringify(parks, null, 2));
    else for (const p of parks) io.out([p.name, p.region ?? '', p.level ?? ''].filter(Boolean).join('\t'));
    return EXIT.ok;
  });
}

export function cmdShow(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { park: { type: 'string' }, period: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } });
  const parkName = required(args, 'park');
  const periodKey = required(args, 'period');
  const kind = kindOf(args);
  return withStore(args, io, (ctx) => {
    const park = findParkByName(ctx.db, parkName);
    const period = requirePeriodByKey(ctx.db, periodKey);
    const grid = readGrid(ctx.db, park.id, period.id, kind);
    const cats = new Map(grid.categories.map((c) => [c.code, c.name]));
    const rows = grid.rows
      .filter((r) => r.current)
      .map((r) => ({
        indicator: r.indicator.name,
        code: r.indicator.code,
        category: cats.get(r.indicator.categoryCode) ?? r.indicator.categoryCode,
        value: r.current!.value,
        unit: r.current!.unit,
        qualifier: r.current!.qualifier,
        kind,
        growth: r.current!.growth ?? r.computedGrowth,
        growthSource: r.current!.growth !== null ? 'reported' : r.computedGrowth !== null ? 'computed' : null,
        baseline: r.current!.baseline,
        previous: r.previous?.value ?? null,
        source: r.current!.source,
        status: r.current!.status,
      }));
    if (args.json) {
      io.out(JSON.stringify(rows, null, 2));
      return EXIT.ok;
    }
    io.out(`${park.name} · ${period.label} · ${kind === 'actual' ? '实际' : '目标'}（${rows.length} 项）`);
    let lastCat = '';
    for (const r of rows) {
      if (r.category !== lastCat) io.out(`【${(lastCat = r.category)}】`);
      const fig = r.value === null ? '—' : (r.baseline ? `${r.baseline}→` : '') + figureText(r.value, r.unit, r.qualifier);
      const growth = r.growth === null ? '' : `  同比 ${r.value === null ? figureText(r.growth, '%', r.qualifier) : r.growth + '%'}${r.growthSource === 'computed' ? '（计算）' : ''}`;
      io.out(`  ${r.indicator}\t${fig}${growth}`);
    }
    return EXIT.ok;
  });
}

export function cmdSet(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, {
    park: { type: 'string' },
    period: { type: 'string' },
    indicator: { type: 'string' },
    value: { type: 'string' },
    unit: { type: 'string' },
    qualifier: { type: 'string' },
    growth: { type: 'string' },
    baseline: { type: 'string' },
    source: { type: 'string' },
    kind: { type: 'string' },
  });
  const parkName = required(args, 'park');
  const periodKey = required(args, 'period');
  const indicatorName = required(args, 'indicator');
  if (args.value === undefined && args.growth === undefined) required(args, 'value');
  const kind = kindOf(args);
  return withStore(args, io, (ctx) => {
    const park = findParkByName(ctx.db, parkName);
    const indicator = findIndicator(ctx.db, indicatorName);
    const edits: CellEdit[] = [];
    // Unit first: the value is validated in the unit it is given in.
    for (const field of ['unit', 'value', 'qualifier', 'growth', 'baseline', 'source'] as EditableField[]) {
      const v = args[field];
      if (typeof v === 'string') edits.push({ indicatorId: indicator.id, field, text: v });
    }
    // A new period is created with the value, in the same transaction: a refused value leaves no trace.
    // IMMEDIATE: a transaction that reads first and then writes cannot wait for the lock (SQLite
    // answers SQLITE_BUSY at once when another writer committed meanwhile), so take it up front.
    const result = ctx.db
      .transaction(() => {
        const period =
          findPeriodByKey(ctx.db, periodKey) ?? writeBatch(ctx, `新增期别「${periodKey}」`, (log) => ensurePeriod(ctx, log, periodKey));
        return { period, ...editValues(ctx, { parkId: park.id, periodId: period.id, kind, edits }) };
      })
      .immediate();
    io.out(
      result.changed
        ? `已保存：${park.name} · ${result.period.label} · ${indicator.name}`
        : `未改变：${park.name} · ${result.period.label} · ${indicator.name}（与库中相同）`,
    );
    // Saved all the same: a check rule asks for a second look, it never refuses a figure.
    const locale = cliLocale(io.env);
    for (const w of warningsFor(ctx.db, { parkId: park.id, periodId: result.period.id, kind }, [indicator.id])) {
      io.err(`${locale === 'en' ? `Check ${w.rule}: ` : `审核提示 ${w.rule}：`}${formatCheck(w, locale)}`);
    }
    return EXIT.ok;
  });
}

export async function cmdServe(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parse(argv, { port: { type: 'string' } });
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('USAGE', { detail: `--port 应为 0—65535 的整数（got ${args.port}）` });
  const path = typeof args.db === 'string' ? args.db : defaultStorePath(io.env);
  const session = await StoreSession.open(path, { origin: 'app', demoIfNew: true });
  // Imported here, not at the top: every other command would pay for loading the HTTP host.
  const { startServer } = await import('../http/server.ts');
  const server = await startServer({ session, port });
  const en = cliLocale(io.env) === 'en';
  io.out(`ParkBrief 浏览器模式：${server.url}`);
  io.out(`数据库：${path}`);
  const status = session.status();
  if (status.state === 'failed') {
    // Not an exit: the recovery screen at the URL above is where the user restores or salvages.
    io.err(`${en ? 'Error: ' : '错误：'}${formatMessage(status.error.code as ErrorCode, status.error.params ?? {}, en ? 'en' : 'zh-CN')}`);
    io.err(en ? 'Open the URL above to restore a backup, export what is readable, or start a new store.' : '请打开上面的网址：可恢复备份、导出仍可读取的数据，或新建数据库。');
  } else if (session.lastBackup) {
    io.out(`${en ? 'Start-up backup: ' : '启动备份：'}${join(status.backupsFolder, session.lastBackup.name)}`);
  }
  if (session.backupWarning) io.err(`${en ? 'Warning: ' : '警告：'}${formatMessage(session.backupWarning.code, session.backupWarning.params, en ? 'en' : 'zh-CN')}`);
  io.out('按 Ctrl+C 退出。');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  await server.close();
  session.close();
  return EXIT.ok;
}

export function cmdExport(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, {
    park: { type: 'string' },
    'all-parks': { type: 'boolean' },
    period: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    'allow-markers': { type: 'boolean' },
    format: { type: 'string' },
    years: { type: 'string' },
    parks: { type: 'string' },
    kind: { type: 'string' },
  });
  const format = typeof args.format === 'string' ? args.format.trim().toLowerCase() : 'docx';
  if (format === 'xlsx') return cmdExportXlsx(args, io);
  if (format !== 'docx') throw new AppError('EXPORT_FORMAT_UNKNOWN', { format: String(args.format) });
  for (const o of XLSX_ONLY) {
    if (args[o] !== undefined) throw new AppError('USAGE', { detail: `--${o} 只用于 --format xlsx（--${o} is for --format xlsx）\n\n${USAGE}` });
  }
  const periodKey = required(args, 'period');
  const template = required(args, 'template');
  const out = required(args, 'out');
  if (!(TEMPLATES as readonly string[]).includes(template)) throw new AppError('TEMPLATE_UNKNOWN', { template });
  if (!args['all-parks']) required(args, 'park');
  return withStore(args, io, async (ctx) => {
    const period = requirePeriodByKey(ctx.db, periodKey);
    const parks = args['all-parks']
      ? (ctx.db.prepare('SELECT p.id FROM documents d JOIN parks p ON p.pk = d.park JOIN periods q ON q.pk = d.period WHERE q.id = ? ORDER BY p.name').pluck().all(period.id) as string[])
      : [findParkByName(ctx.db, args.park as string).id];
    const documents = parks.map((parkId) => ({ parkId, periodId: period.id }));
    if (!documents.length) throw new AppError('DOCUMENT_NOT_FOUND', { park: '所有园区', period: period.key });
    const file = await exportDocx(ctx, { documents, template: template as Template, allowMarkers: args['allow-markers'] === true });
    writeFileAtomic(out, file.bytes);
    io.out(`已导出：${out}（${documents.length} 篇，${Math.round(file.bytes.length / 1024)} KB）`);
    return EXIT.ok;
  });
}
