// Where backups live, how they are named, what a folder holds, and which ones retention removes.

import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { BACKUP_NAME, BACKUP_REASONS, type BackupEntry, type BackupReason } from '../../shared/backups.ts';
import { SCHEMA_VERSION } from '../store/migrations/index.ts';

/** Beside the store, so a backup shares its disk, its permissions and the user's own backup of the folder. */
export function backupsFolder(storePath: string): string {
  return join(dirname(storePath), 'backups');
}

/** The store's name without extension: backups of several stores can share one folder. */
export function storeStem(storePath: string): string {
  const stem = basename(storePath, extname(storePath)).replace(/[/\\:*?"<>|\0]/g, '_');
  return stem.slice(0, 100) || 'store';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local time in the name: the user reads it in the folder; sortable as text. */
export function backupFileName(storePath: string, reason: BackupReason, at: Date, serial = 0): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`;
  return `${storeStem(storePath)}-${stamp}${serial ? `-${serial}` : ''}-${reason}.sqlite`;
}

/** A name that is not taken yet (two backups within one millisecond get a serial). */
export function freshBackupPath(storePath: string, reason: BackupReason, at: Date): string {
  const folder = backupsFolder(storePath);
  for (let serial = 0; ; serial++) {
    const path = join(folder, backupFileName(storePath, reason, at, serial));
    if (!existsSync(path)) return path;
  }
}

interface ParsedName {
  stem: string;
  createdAt: Date;
  reason: BackupReason;
}

export function parseBackupName(name: string): ParsedName | null {
  if (!BACKUP_NAME.test(name)) return null;
  const m = /^(.*)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-\d+)?-([a-z-]+)\.sqlite$/.exec(name);
  if (!m) return null;
  const reason = m[9] as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(2, 9).map(Number) as [number, number, number, number, number, number, number];
  return { stem: m[1]!, createdAt: new Date(y, mo - 1, d, h, mi, s, ms), reason };
}

/** This store's backups, newest first, each opened read-only to say what it holds. */
export function listBackups(storePath: string): BackupEntry[] {
  const folder = backupsFolder(storePath);
  if (!isFolder(folder)) return [];
  const stem = storeStem(storePath);
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed || parsed.stem !== stem) continue;
    entries.push(describeBackup(join(folder, name), parsed));
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * What a backup holds, by path, size and time: counting a big store's figures takes tens of
 * milliseconds a file, and a backup does not change once made (a changed file is read again).
 */
const described = new Map<string, { key: string; entry: BackupEntry }>();

export function describeBackup(path: string, parsed = parseBackupName(basename(path))): BackupEntry {
  const st = statSync(path);
  const key = `${st.size}:${st.mtimeMs}`;
  const cached = described.get(path);
  if (cached?.key === key) return { ...cached.entry };
  const entry = readBackup(path, st, parsed);
  if (described.size > 500) described.clear();
  described.set(path, { key, entry });
  return { ...entry };
}

function readBackup(path: string, st: Stats, parsed: ParsedName | null): BackupEntry {
  const name = basename(path);
  const entry: BackupEntry = {
    name,
    reason: parsed?.reason ?? 'manual',
    createdAt: (parsed?.createdAt ?? st.mtime).toISOString(),
    bytes: st.size,
    schemaVersion: null,
    parks: null,
    figures: null,
    restorable: false,
  };
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    entry.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    entry.parks = db.prepare('SELECT count(*) FROM parks').pluck().get() as number;
    entry.figures = db.prepare('SELECT count(*) FROM indicator_values').pluck().get() as number;
    entry.restorable = entry.schemaVersion >= 1 && entry.schemaVersion <= SCHEMA_VERSION;
  } catch {
    // A file that does not open as a store is listed (the user sees it is there) but not offered.
  } finally {
    db?.close();
  }
  return entry;
}

/**
 * How many of each automatic kind are kept. Enough start backups to go back over a working week
 * of restarts, two weeks of dailies; manual backups, set-aside stores and salvages are the user's
 * decisions and are never removed here.
 */
export const RETENTION: Partial<Record<BackupReason, number>> = {
  start: 10,
  daily: 14,
  'pre-migration': 5,
  'before-restore': 10,
};

/** Removes the oldest automatic backups beyond RETENTION; returns the names removed. */
export function pruneBackups(storePath: string): string[] {
  const folder = backupsFolder(storePath);
  const removed: string[] = [];
  const seen = new Map<BackupReason, number>();
  for (const b of listBackupNames(storePath)) {
    const keep = RETENTION[b.reason];
    if (keep === undefined) continue;
    const n = (seen.get(b.reason) ?? 0) + 1;
    seen.set(b.reason, n);
    if (n > keep) {
      rmSync(join(folder, b.name), { force: true });
      removed.push(b.name);
    }
  }
  return removed;
}

/** Names only, newest first: retention and the daily check need no file opened. */
export function listBackupNames(storePath: string): { name: string; reason: BackupReason; createdAt: Date }[] {
  const folder = backupsFolder(storePath);
  if (!isFolder(folder)) return [];
  const stem = storeStem(storePath);
  const out: { name: string; reason: BackupReason; createdAt: Date }[] = [];
  for (const name of readdirSync(folder)) {
    const p = parseBackupName(name);
    if (p && p.stem === stem) out.push({ name, reason: p.reason, createdAt: p.createdAt });
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A daily backup is due when no automatic backup is younger than a day. */
export function dailyBackupDue(storePath: string, now: Date): boolean {
  const newest = listBackupNames(storePath).find((b) => b.reason === 'start' || b.reason === 'daily' || b.reason === 'pre-migration');
  return !newest || now.getTime() - newest.createdAt.getTime() >= DAY_MS;
}
