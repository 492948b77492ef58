import type { Database } from 'better-sqlite3';

// A catalogue its users can shape (issue 12):
//
// - Aliases: other names of an indicator (规上工业增加值 for 规模以上工业增加值), matched by every
//   name lookup (import, paste with headings, extraction). Keyed by the normalised form the matcher
//   compares (core/catalog/match-indicator.ts), so one text can never name two indicators.
// - An indicator may be retired (its figures stay; it leaves grids, templates and pickers) and may
//   be kept to one park (`only_park`): a park's own indicator is no empty row in every other park.
//   A table of its own rather than columns of `indicators`: a row only where an indicator is not
//   as every indicator starts, and the indicators rows of older stores stay exactly as they were.
// - Units and qualifiers the user adds, beside the built-in lists in shared/figure/: a unit with its
//   dimension and an exact factor in the dimension's base unit ("1/100" for 万平方米 in 平方公里), a
//   qualifier with what it says about the number and where copy writes it.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE indicator_aliases (
      norm        TEXT PRIMARY KEY,
      alias       TEXT NOT NULL,
      indicator   INTEGER NOT NULL REFERENCES indicators(pk),
      builtin     INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX indicator_aliases_by_indicator ON indicator_aliases(indicator);

    CREATE TABLE indicator_use (
      indicator_id  TEXT PRIMARY KEY REFERENCES indicators(id),
      retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      only_park     INTEGER REFERENCES parks(pk),
      updated_at    TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX indicator_use_by_park ON indicator_use(only_park);

    CREATE TABLE units (
      code        TEXT PRIMARY KEY,
      dimension   TEXT NOT NULL CHECK (dimension IN ('cny','usd','area','count','percent','workdays')),
      factor      TEXT NOT NULL CHECK (factor GLOB '[1-9]*/[1-9]*'),
      en          TEXT,
      created_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE qualifiers (
      code        TEXT PRIMARY KEY,
      meaning     TEXT NOT NULL CHECK (meaning IN ('below','about','above','atLeast')),
      at          TEXT NOT NULL CHECK (at IN ('before','infix','after')),
      en          TEXT,
      created_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
