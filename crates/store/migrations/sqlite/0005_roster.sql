-- Of the counters staffed in a roster block, how many are kept for walk-ins (tickets from the
-- kiosk); the others take appointments.
ALTER TABLE roster ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in >= 0 AND walk_in <= counters);

-- Dates on which a zone has its own roster instead of its weekday's (a training day, a staff
-- outing, an extra evening); a date without blocks has no appointments.
CREATE TABLE roster_exceptions (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    zone_letter TEXT NOT NULL,
    day         TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (site_id, zone_letter, day)
);

CREATE TABLE roster_exception_blocks (
    id           INTEGER PRIMARY KEY,
    exception_id INTEGER NOT NULL REFERENCES roster_exceptions (id) ON DELETE CASCADE,
    opens        TEXT NOT NULL,
    closes       TEXT NOT NULL,
    counters     INTEGER NOT NULL CHECK (counters >= 0),
    walk_in      INTEGER NOT NULL DEFAULT 0 CHECK (walk_in >= 0 AND walk_in <= counters)
);
CREATE INDEX roster_exception_blocks_exception ON roster_exception_blocks (exception_id);
