// Backups of the store and the recovery of a store that fails its check on open. Shapes shared by
// the core, both transports and the renderer.

import { z } from 'zod';
import type { ErrorBody } from './contract.ts';
import type { JobProgress } from './jobs.ts';

/**
 * Why a backup exists. The automatic ones are pruned by count; a manual backup is the user's and
 * is never deleted automatically; 'replaced' is a store a restore or a fresh start set aside.
 */
export const BACKUP_REASONS = ['start', 'daily', 'pre-migration', 'manual', 'before-restore', 'replaced', 'salvaged'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How each kind is named to the user: the CLI's list and the app's backup dialog say the same. */
export const BACKUP_REASON_LABELS: Record<BackupReason, { zh: string; en: string }> = {
  start: { zh: '启动时自动备份', en: 'at start-up' },
  daily: { zh: '每日自动备份', en: 'daily' },
  'pre-migration': { zh: '升级数据库前', en: 'before an upgrade' },
  manual: { zh: '手动备份', en: 'manual' },
  'before-restore': { zh: '恢复前的原库', en: 'the store before a restore' },
  replaced: { zh: '被移开的原库', en: 'a store set aside' },
  salvaged: { zh: '抢救出的数据', en: 'salvaged data' },
};

/**
 * A backup is named by the renderer only by its file name in the backups folder, never by a path:
 * nothing the page sends can make the core read or replace a file elsewhere.
 */
export const BACKUP_NAME = /^[^/\\:*?"<>|\0]{1,120}-\d{8}-\d{6}-\d{3}(?:-\d+)?-[a-z-]{3,20}\.sqlite$/;
export const backupNameSchema = z.string().max(200).regex(BACKUP_NAME);

export interface BackupEntry {
  /** File name inside the backups folder. */
  name: string;
  reason: BackupReason;
  /** When it was made, ISO 8601 (from the name: copying the file does not change it). */
  createdAt: string;
  bytes: number;
  /** What it holds, when it opens: a damaged or foreign file shows as not restorable. */
  schemaVersion: number | null;
  parks: number | null;
  figures: number | null;
  restorable: boolean;
}

export interface BackupList {
  folder: string;
  backups: BackupEntry[];
}

export interface RestoreResult {
  restored: BackupEntry;
  /** The store that was replaced, kept in the backups folder so the restore can be undone. */
  replaced: BackupEntry | null;
}

export interface SalvageTable {
  table: string;
  kept: number;
  /** Row ranges that could not be read, and rows dropped because what they belonged to was lost. */
  unreadableRanges: number;
  orphansDropped: number;
}

export interface SalvageResult {
  saved: BackupEntry;
  tables: SalvageTable[];
}

/** What the app shows first: the normal workspace, or the recovery screen with why. */
/** A store's check, a backup or a salvage running in a worker (core/jobs/store-jobs.ts): pages or rows copied so far. */
export interface StoreTaskStatus {
  task: 'check' | 'backup' | 'salvage';
  progress: JobProgress;
}

export type StoreStatus =
  /** The store is being checked and backed up before it opens (StoreSession.start): requests wait for it. */
  | { state: 'opening'; storePath: string; backupsFolder: string; running?: StoreTaskStatus }
  | { state: 'open'; storePath: string; backupsFolder: string; running?: StoreTaskStatus }
  | { state: 'failed'; storePath: string; backupsFolder: string; error: ErrorBody; canSalvage: boolean; running?: StoreTaskStatus };
