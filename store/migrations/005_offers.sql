-- Offers: the rest of an offer's terms, and what comparing offers and the
-- expedite items of the chase view read without reading every event.

-- An offer's (or a negotiation's) terms beyond base, bonus and equity.
ALTER TABLE events ADD COLUMN bonus_percent INTEGER; -- the bonus as hundredths of a percent of base (1500 = 15%)
ALTER TABLE events ADD COLUMN signon        INTEGER; -- a sign-on bonus, paid once
ALTER TABLE events ADD COLUMN vesting_years INTEGER; -- the years the equity grant vests over (NULL: 4)

-- The kept stage: the packed summary's first field (see store/summary.go),
-- so that open offers and the processes still deciding are found through an
-- index. Generated, so it can never disagree with the summary.
ALTER TABLE applications ADD COLUMN stage TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(summary, char(31)) > 0 THEN substr(summary, 1, instr(summary, char(31)) - 1) ELSE summary END
) VIRTUAL;
CREATE INDEX applications_stage ON applications (stage, next_due) WHERE archived = 0;

-- Offers answered lately, and each application's latest follow-up or news.
CREATE INDEX events_type_date ON events (type, date);
