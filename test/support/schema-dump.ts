import type { Database } from 'better-sqlite3';

/** The schema as comparable text: the committed snapshot and the migration tests use it. */
export function schemaText(db: Database): string {
  return (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[])
    .map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`)
    .join('\n');
}
