-- The floor reads the service times of the last two hours for every wait it estimates, and the
-- statistics read tickets by the day they were issued; without these, both scan every ticket the
-- site ever had, which grows by some 200,000 a year.
CREATE INDEX tickets_finished ON tickets (site_id, finished_at);
CREATE INDEX tickets_issued ON tickets (site_id, issued_at);
