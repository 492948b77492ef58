import type { Database } from 'better-sqlite3';

// Values are TEXT decimals as reported ("1512" and "9194.35" keep their places); units are stored
// with each value because a figure is kept in the unit it was reported in.
//
// Keys: parks, periods and indicators carry a UUID (`id`), their identity across stores, and a
// local integer `pk` that values join on. A value is identified by (park, period, kind, indicator)
// — across stores by the UUIDs behind those — so its table is WITHOUT ROWID on that natural key:
// with UUID keys in every value row, 250,000 inserts took 2.6× as long (bench/store-bulk).
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE parks (
      pk          INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL UNIQUE,
      short_name  TEXT,
      region      TEXT,
      level       TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE categories (
      code     TEXT PRIMARY KEY,
      name     TEXT NOT NULL UNIQUE,
      name_en  TEXT,
      sort     INTEGER NOT NULL,
      builtin  INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE indicators (
      pk            INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      code          TEXT NOT NULL UNIQUE,
      category_code TEXT NOT NULL REFERENCES categories(code),
      name          TEXT NOT NULL UNIQUE,
      name_en       TEXT,
      unit          TEXT NOT NULL,
      decimals      INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
      kind          TEXT NOT NULL CHECK (kind IN ('amount','count','percent','duration','area')),
      scope         TEXT,
      definition    TEXT,
      non_negative  INTEGER NOT NULL DEFAULT 1,
      integer_only  INTEGER NOT NULL DEFAULT 0,
      parent_code   TEXT,
      sort          INTEGER NOT NULL,
      builtin       INTEGER NOT NULL DEFAULT 0,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE periods (
      pk          INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      key         TEXT NOT NULL UNIQUE,
      kind        TEXT NOT NULL CHECK (kind IN ('year','quarter','months')),
      year        INTEGER NOT NULL,
      start_month INTEGER NOT NULL CHECK (start_month BETWEEN 1 AND 12),
      end_month   INTEGER NOT NULL CHECK (end_month BETWEEN start_month AND 12),
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE indicator_values (
      park          INTEGER NOT NULL REFERENCES parks(pk),
      period        INTEGER NOT NULL REFERENCES periods(pk),
      kind          TEXT NOT NULL CHECK (kind IN ('actual','target')),
      indicator     INTEGER NOT NULL REFERENCES indicators(pk),
      value         TEXT,
      unit          TEXT NOT NULL,
      qualifier     TEXT,
      growth        TEXT,
      baseline      TEXT,
      source        TEXT,
      status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','verified')),
      updated_by    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      -- A figure may be reported only as a growth rate (社会消费品零售总额增长12.9%).
      CHECK (value IS NOT NULL OR growth IS NOT NULL),
      PRIMARY KEY (park, period, kind, indicator)
    ) STRICT, WITHOUT ROWID;

    -- The change log: every write is one batch of entity changes with time and origin. It backs
    -- undo/redo (undo_state) and later the comparison and merge of stores from different offices.
    CREATE TABLE batches (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      id          TEXT NOT NULL UNIQUE,
      at          TEXT NOT NULL,
      origin      TEXT NOT NULL,
      actor       TEXT NOT NULL,
      label       TEXT NOT NULL,
      undo_state  TEXT NOT NULL CHECK (undo_state IN ('done','undone','dropped','none'))
    ) STRICT;

    CREATE TABLE changes (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      batch_seq  INTEGER NOT NULL REFERENCES batches(seq),
      entity     TEXT NOT NULL,
      entity_id  TEXT NOT NULL,
      before     TEXT,
      after      TEXT
    ) STRICT;

    CREATE INDEX changes_by_batch ON changes(batch_seq);
    CREATE INDEX batches_undo ON batches(undo_state, seq);
  `);
}
