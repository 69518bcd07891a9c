-- The events that make up an offer's terms and its answer, by application:
-- comparing offers reads these (a few hundred applications' worth) without
-- visiting each application's other events in the table.
CREATE INDEX events_offer_terms ON events (application_id, date, id)
    WHERE type IN ('offer', 'negotiate', 'accepted', 'declined');
