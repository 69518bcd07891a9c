-- The chase view's expedite items found from one index: the applications at
-- a stage where a decision is still to come, with what decides whether they
-- get one (not snoozed) and whether their own item is counted anyway (its
-- due date and kind), so that `chase --count` never visits the table for
-- them. (The id is in every index.)
CREATE INDEX applications_expedite ON applications (stage, snoozed_until, next_due, next_kind) WHERE archived = 0;
