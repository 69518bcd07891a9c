-- What the interactive view reads beside the applications on its first
-- load, from indexes of their own: the archived applications are counted
-- (and, when the Closed tab shows them, read in id order) without visiting
-- the rows that are not archived, and each application's latest follow-up
-- or news is the last entry of its group in an index that holds only those
-- events, in application order (no sort of every one).
CREATE INDEX applications_archived ON applications (archived);
CREATE INDEX events_contact ON events (application_id, date, type) WHERE type IN ('followup', 'heard');
