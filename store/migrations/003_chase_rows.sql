-- The chase view's rows read from one index: every column the chase view
-- shows (notes aside), in due-date order, so that reading the thousands of
-- rows due in a search never tidied up walks adjacent index pages instead of
-- looking each row up in the table (one page per row).
CREATE INDEX applications_chase_rows ON applications
    (next_due, company, role, recruiter, contact, url, summary) WHERE archived = 0;
