// `parkbrief backup | backups | restore | salvage`: the store's backups from the terminal, for the
// office that scripts its own copies and for the user whose app will not open the store. They work
// on the store file itself, not through the contract: its backups.* methods belong to the app's
// session, which holds the store open and keeps to its backups folder, while these must also run
// on a store nothing can open (damaged, from a newer version) and take any --out or backup file.

import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_REASON_LABELS, type BackupEntry } from '../shared/backups.ts';
import { AppError } from '../shared/errors.ts';
import { backupsFolder, describeBackup, freshBackupPath, listBackups } from '../core/backups/backup-files.ts';
import { backupStoreFile } from '../core/backups/create-backup.ts';
import { restoreStore } from '../core/backups/restore.ts';
import { salvageStore } from '../core/backups/salvage.ts';
import { openForHost } from '../core/session/open-for-host.ts';
import { checkStoreFile } from '../core/store/check-store.ts';
import { parse, parseWithFiles, usageError } from './args.ts';
import { cliLocale, EXIT, type CliIo } from './io.ts';
import { busyTimeoutMs, storePathOf } from './store.ts';

/** A command on a store that must already exist: a backup of nothing would be a new demo store. */
function existingStore(path: string): string {
  if (!existsSync(path)) throw new AppError('STORE_UNREADABLE', { path, detail: 'file not found' });
  return path;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;

function describe(e: BackupEntry, en: boolean): string {
  const what = e.restorable ? (en ? `${e.parks} parks, ${e.figures} figures` : `${e.parks} 个园区，${e.figures} 个数值`) : en ? 'not restorable' : '不可恢复';
  return `${e.name}\t${BACKUP_REASON_LABELS[e.reason][en ? 'en' : 'zh']}\t${what}\t${kb(e.bytes)}`;
}

export async function cmdBackup(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { out: { type: 'string' } });
  const path = existingStore(storePathOf(args, io));
  checkStoreFile(path);
  const out = typeof args.out === 'string' ? resolve(args.out) : undefined;
  if (out && existsSync(out) && realpathSync(out) === realpathSync(path)) {
    throw usageError('--out 不能是数据库本身', '--out is the store itself');
  }
  const made = await backupStoreFile({ storePath: path, reason: 'manual', busyTimeoutMs: busyTimeoutMs(io.env), ...(out ? { out } : {}) });
  const en = cliLocale(io.env) === 'en';
  io.out(en ? `Backed up: ${made.path}` : `已备份：${made.path}`);
  io.out(`  ${describe(made.entry, en).split('\t').slice(2).join('，')}`);
  return EXIT.ok;
}

export function cmdBackups(argv: string[], io: CliIo): number {
  const args = parse(argv, { json: { type: 'boolean' } });
  const path = storePathOf(args, io);
  const list = listBackups(path);
  if (args.json) {
    io.out(JSON.stringify({ folder: backupsFolder(path), backups: list }, null, 2));
    return EXIT.ok;
  }
  const en = cliLocale(io.env) === 'en';
  io.out(en ? `Backups of ${path} in ${backupsFolder(path)} (newest first):` : `数据库 ${path} 的备份，位于 ${backupsFolder(path)}（新的在前）：`);
  if (!list.length) io.out(en ? '  (none)' : '  （没有备份）');
  for (const b of list) io.out(`  ${describe(b, en)}`);
  return EXIT.ok;
}

export async function cmdRestore(argv: string[], io: CliIo): Promise<number> {
  const { args, files } = parseWithFiles(argv, {});
  if (files.length !== 1) throw usageError('请给出一个要恢复的备份文件', 'give one backup file to restore');
  const file = files[0]!;
  const path = storePathOf(args, io);
  const en = cliLocale(io.env) === 'en';
  // A bare name means one from the backups folder, as `parkbrief backups` lists them.
  const source = existsSync(file) || file.includes('/') || file.includes('\\') ? file : resolve(backupsFolder(path), file);
  const outcome = await restoreStore(path, source);
  // Opening migrates a backup made by an earlier version (after its own pre-migration backup).
  const opened = await openForHost(path, { origin: 'cli', demoIfNew: false, backupOnStart: false, busyTimeoutMs: busyTimeoutMs(io.env) });
  opened.ctx.db.close();
  const r = outcome.restored;
  io.out(en ? `Restored ${path} from ${source} (${r.parks} parks, ${r.figures} figures).` : `已用「${source}」恢复数据库「${path}」（${r.parks} 个园区，${r.figures} 个数值）。`);
  if (outcome.replacedPath) {
    io.out(en ? `The replaced store was kept as ${outcome.replacedPath}` : `被替换的数据库已保存为：${outcome.replacedPath}`);
    io.out(en ? `To undo: parkbrief restore "${outcome.replacedPath}" --db "${path}"` : `要撤销这次恢复：parkbrief restore "${outcome.replacedPath}" --db "${path}"`);
  }
  return EXIT.ok;
}

export async function cmdSalvage(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, { out: { type: 'string' } });
  const path = existingStore(storePathOf(args, io));
  const out = typeof args.out === 'string' ? resolve(args.out) : freshBackupPath(path, 'salvaged', new Date());
  if (existsSync(out)) throw usageError('--out 指向的文件已存在，未覆盖', `${out} exists; it was not overwritten`);
  const { tables } = await salvageStore(path, out);
  const en = cliLocale(io.env) === 'en';
  io.out(en ? `Saved what was readable to ${out}; ${path} was not changed.` : `已把可读取的数据保存到：${out}；原库「${path}」未做任何改动。`);
  for (const t of tables) {
    const lost = t.unreadableRanges || t.orphansDropped;
    io.out(
      en
        ? `  ${t.table}: ${t.kept} rows${lost ? `, ${t.unreadableRanges} unreadable ranges, ${t.orphansDropped} rows dropped as orphans` : ''}`
        : `  ${t.table}：${t.kept} 行${lost ? `，${t.unreadableRanges} 段无法读取，${t.orphansDropped} 行因所属数据丢失而舍弃` : ''}`,
    );
  }
  const e = describeBackup(out);
  io.out(en ? `To use it: parkbrief restore "${out}" --db "${path}"` : `要使用它：parkbrief restore "${out}" --db "${path}"（${e.parks ?? 0} 个园区，${e.figures ?? 0} 个数值）`);
  return EXIT.ok;
}
