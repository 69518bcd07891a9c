-- afterview's first schema. Dates the user wrote (events, created) are ISO 8601
-- civil dates (YYYY-MM-DD) in TEXT; the kept derivation's dates are INTEGER day
-- numbers (timeline.Date: days since 0000-12-31), cheap to compare and read.
PRAGMA application_id = 1095128150; -- "AFTV": marks the file as afterview's

-- AUTOINCREMENT: an id, once deleted, never names another record.
CREATE TABLE applications (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    company   TEXT    NOT NULL CHECK (company <> ''),
    role      TEXT    NOT NULL DEFAULT '',
    recruiter TEXT    NOT NULL DEFAULT '',
    contact   TEXT    NOT NULL DEFAULT '',
    url       TEXT    NOT NULL DEFAULT '',
    notes     TEXT    NOT NULL DEFAULT '',
    archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created   TEXT    NOT NULL,

    -- The kept derivation (timeline.Summary), recomputed by the store in the
    -- same transaction as every write that touches the application. The
    -- columns the queries filter on stand alone; "summary" packs all of it
    -- into one text value (see store/summary.go), because a list reads every
    -- row and each column read costs as much as the row.
    summary       TEXT    NOT NULL DEFAULT '',
    next_due      INTEGER,
    snoozed_until INTEGER,
    valid_from    INTEGER,
    valid_through INTEGER
);

-- The chase view reads only what is due by the lookahead date, and what must
-- be derived again because its summary has run out.
CREATE INDEX applications_next_due ON applications (next_due) WHERE archived = 0;
CREATE INDEX applications_valid_through ON applications (valid_through) WHERE archived = 0;
CREATE INDEX applications_valid_from ON applications (valid_from) WHERE archived = 0;

CREATE TABLE events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    type           TEXT    NOT NULL,
    date           TEXT    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    by_date        TEXT,
    deadline       TEXT,
    until          TEXT,
    base           INTEGER,
    bonus          INTEGER,
    equity         INTEGER,
    currency       TEXT
);
CREATE INDEX events_application ON events (application_id, date, id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- meta holds afterview's own bookkeeping, e.g. the derivation rules' version.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
