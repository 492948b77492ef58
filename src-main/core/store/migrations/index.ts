import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.ts';
import { up as documents } from './002-documents.ts';
import { up as checkRules } from './003-check-rules.ts';
import { up as catalogueShape } from './004-catalogue-shape.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

// Append only. A migration, once released, is never edited: stores in the field were made by it.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'documents', up: documents },
  { version: 3, name: 'check-rules', up: checkRules },
  { version: 4, name: 'catalogue-shape', up: catalogueShape },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
