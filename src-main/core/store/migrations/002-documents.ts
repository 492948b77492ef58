import type { Database } from 'better-sqlite3';

// Briefing documents, one per park and period. The body (title, sections, paragraphs with
// placeholders, photo references, layout blocks) is one JSON value, validated by the contract's
// zod schema on every write: a document is edited and exported as a whole, never queried by part.
//
// Photos are kept by content hash and never change, so the change log can record a document's
// before/after without copying image bytes, and undoing a deleted photo finds the bytes still here.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE documents (
      pk          INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      park        INTEGER NOT NULL REFERENCES parks(pk),
      period      INTEGER NOT NULL REFERENCES periods(pk),
      body        TEXT NOT NULL CHECK (json_valid(body)),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      UNIQUE (park, period)
    ) STRICT;

    CREATE TABLE photos (
      sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      mime      TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
      width     INTEGER NOT NULL CHECK (width > 0),
      height    INTEGER NOT NULL CHECK (height > 0),
      bytes     BLOB NOT NULL,
      added_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE settings (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT, WITHOUT ROWID;
  `);
}
