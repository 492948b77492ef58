// Regenerates src-main/core/store/schema.snapshot.txt after a new migration is added (review the diff).
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../src-main/core/store/migrate.ts';
import { schemaText } from '../test/support/schema-dump.ts';

const db = new Database(':memory:');
migrate(db, ':memory:');
const out = join(import.meta.dirname, '../src-main/core/store/schema.snapshot.txt');
writeFileSync(out, schemaText(db) + '\n');
console.log(`wrote ${out}`);
