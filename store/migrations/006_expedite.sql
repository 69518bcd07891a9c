-- The chase view's expedite items found from one index: the applications at
-- a stage where a decision is still to come, with what decides whether their
-- own item is counted anyway (its kind, then its due date) and whether they
-- get one (not snoozed), so that `chase --count` seeks to the few whose own
-- item is not counted instead of reading them all, and never visits the
-- table for them. (The id is in every index.)
CREATE INDEX applications_expedite ON applications (stage, next_kind, next_due, snoozed_until) WHERE archived = 0;
