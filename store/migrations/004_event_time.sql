-- An interview may be logged with its local time of day (HH:MM), so that the
-- calendar feed shows it as a timed entry; NULL when none was given.
ALTER TABLE events ADD COLUMN at TEXT;
