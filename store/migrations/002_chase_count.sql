-- The chase count (`afterview chase --count`, run by a shell prompt before
-- every prompt) answered from one index: the kind of the next action stands
-- beside its due date, because a reapply item whose day has passed is not
-- counted as overdue. The index covers the count: it holds every column the
-- count reads, so SQLite never visits the table. It also serves the chase
-- view's read of the rows due by the lookahead date (next_due leads), so the
-- old one-column index goes.
ALTER TABLE applications ADD COLUMN next_kind TEXT;
DROP INDEX applications_next_due;
CREATE INDEX applications_chase ON applications (next_due, snoozed_until, next_kind) WHERE archived = 0;

-- Fill next_kind: a summary of '' holds on no day, so every application is
-- derived afresh (and saved) when the database is next opened.
UPDATE applications SET summary = '';
DELETE FROM meta WHERE key = 'derive_version';
