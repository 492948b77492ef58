// Test support: another process holding a store's write lock, as the app does in the middle of a
// long write. Takes the lock (BEGIN IMMEDIATE), prints "locked", and holds it until a line arrives
// on stdin (or stdin closes); then rolls back, prints "released <epoch ms>" and exits.
//
//   node hold-write-lock.ts STORE

import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-write-lock.ts STORE');
const db = new Database(path, { timeout: 10_000 });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');

let done = false;
const release = () => {
  if (done) return;
  done = true;
  db.exec('ROLLBACK');
  db.close();
  process.stdout.write(`released ${Date.now()}\n`);
  process.exit(0);
};
const lines = createInterface({ input: process.stdin });
lines.on('line', release);
lines.on('close', release);
