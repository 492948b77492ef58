// Articles read and waiting to be applied, in memory: the text crosses from the caller once, when it
// is read, and applying names it by the id the reading gave. A few at a time, for a limited time,
// each tied to the store it was read against.

import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open.ts';

export const READ_TTL_MS = 60 * 60 * 1000;
export const MAX_READS = 5;

interface Read {
  db: Db;
  fileName: string;
  text: string;
  expiresAt: number;
}

const reads = new Map<string, Read>();

export function keepRead(db: Db, fileName: string, text: string, now = Date.now()): string {
  for (const [id, r] of reads) if (r.expiresAt <= now || !r.db.open) reads.delete(id);
  while (reads.size >= MAX_READS) reads.delete(reads.keys().next().value!);
  const id = randomBytes(18).toString('base64url');
  reads.set(id, { db, fileName, text, expiresAt: now + READ_TTL_MS });
  return id;
}

export function takeRead(db: Db, id: string, now = Date.now()): { fileName: string; text: string } {
  const r = reads.get(id);
  if (!r || r.db !== db || r.expiresAt <= now) throw new AppError('EXTRACT_EXPIRED');
  return { fileName: r.fileName, text: r.text };
}
