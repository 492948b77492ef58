import type { Database } from 'better-sqlite3';

// Check rules (审核关系) are catalogue data, like indicators: seeded from the built-in catalogue,
// editable, kept with the store so a rule someone adds travels with the figures it checks. The
// expression is text in the rule language (core/catalog/rule-parser.ts) and is validated when read,
// so a rule the program cannot parse is skipped and reported instead of breaking the grid. `kind` has
// no CHECK for the same reason: a kind this build does not know is reported and skipped like any bad rule.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE check_rules (
      code            TEXT PRIMARY KEY,
      kind            TEXT NOT NULL,
      expr            TEXT NOT NULL,
      tolerance       TEXT,
      description     TEXT NOT NULL,
      description_en  TEXT,
      sort            INTEGER NOT NULL,
      enabled         INTEGER NOT NULL DEFAULT 1,
      builtin         INTEGER NOT NULL DEFAULT 0,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
  `);
}
