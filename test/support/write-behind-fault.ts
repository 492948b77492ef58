// A fault for proving the crash test can fail, loaded into a host process with
// `node --import <this file> src-main/cli.ts serve …`: from the first write made while serving, every write
// transaction is folded into one outer transaction that is never committed — a "write-behind" host
// that acknowledges edits it has not yet made durable. Killed, it loses acknowledged edits, and
// the crash test must say so. Never imported by the product.
import Database from 'better-sqlite3';

type Tx = ((...args: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', (...args: unknown[]) => unknown>;

/** Only writes made while serving are held: opening the store (migrations, backups, checks) runs as usual. */
let serving = false;
const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
  if (String(chunk).includes('/?token=')) serving = true;
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

const original = Database.prototype.transaction as unknown as (this: Database.Database, fn: (...args: unknown[]) => unknown) => Tx;

function holdingTransaction(db: Database.Database, fn: (...args: unknown[]) => unknown): Tx {
  const tx = original.call(db, fn);
  if (db.readonly) return tx;
  const held =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      // Inside an open transaction better-sqlite3 runs a transaction as a savepoint: it "commits"
      // into the outer one, which nothing ever commits.
      if (serving && !db.inTransaction) db.exec('BEGIN IMMEDIATE');
      return run(...args);
    };
  return Object.assign(held(tx), { deferred: held(tx.deferred), immediate: held(tx.immediate), exclusive: held(tx.exclusive) });
}

(Database.prototype as unknown as { transaction: unknown }).transaction = function (this: Database.Database, fn: (...args: unknown[]) => unknown) {
  return holdingTransaction(this, fn);
};
