// The store tasks a job's worker runs (runner.ts starts them like a method's job): the check of a
// store before it is opened, a backup's copy and a salvage. Each works on files the main thread
// named, so that when the worker is ended midway the main thread knows what to remove
// (store-jobs.ts); none renames anything into place.
import Database from 'better-sqlite3';
import type { SalvageReport } from '../backups/salvage.ts';
import type { Progress } from '../progress.ts';
import type { StoreTask } from './messages.ts';

export interface BackupTaskInput {
  storePath: string;
  /** The temporary file the copy is written to. */
  tmp: string;
}

export interface SalvageTaskInput {
  storePath: string;
  out: string;
  scratch: { work: string; building: string };
}

export interface CheckTaskInput {
  path: string;
}

export interface StoreResults {
  check: { version: number };
  backup: null;
  salvage: SalvageReport;
}

interface StoreInputs {
  check: CheckTaskInput;
  backup: BackupTaskInput;
  salvage: SalvageTaskInput;
}

type StoreWork = { [T in StoreTask]: (input: StoreInputs[T], progress: Progress) => Promise<StoreResults[T]> };

export const storeWork: StoreWork = {
  check: async ({ path }, progress) => {
    const { checkStoreFile } = await import('../store/check-store.ts');
    // SQLite's quick_check reads every page in one call: no count to report, only the stage.
    progress('checking', 0);
    return checkStoreFile(path);
  },
  backup: async ({ storePath, tmp }, progress) => {
    const { copyStoreTo } = await import('../backups/create-backup.ts');
    // A connection of this thread's own, read-only: it never writes to or checkpoints the store.
    const db = new Database(storePath, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      // One read transaction over every step of the copy: the backup API reads from that one moment
      // of the WAL store while the app goes on writing, instead of starting over at each commit it
      // sees (what a copy on another connection does between steps otherwise).
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      await copyStoreTo(
        db,
        tmp,
        (copied, total) => progress('copying', copied, total),
        () => progress('checking', 0),
      );
      db.exec('COMMIT');
      return null;
    } finally {
      db.close();
    }
  },
  salvage: async ({ storePath, out, scratch }, progress) => {
    const { salvageStore } = await import('../backups/salvage.ts');
    progress('copying', 0);
    return salvageStore(storePath, out, { scratch, onRows: (rows) => progress('copying', rows) });
  },
};
