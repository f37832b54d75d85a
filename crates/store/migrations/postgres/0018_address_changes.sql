-- Address changes: what the citizen declared stays in the request's `details`; the back office
-- adds the neighbourhood officer's check before it decides.

-- At most one open address change per citizen: a second declaration while one waits for the
-- back office is refused by the database itself, whatever the concurrency.
CREATE UNIQUE INDEX eloket_requests_one_open_address_change ON eloket_requests (national_number)
    WHERE kind = 'adreswijziging' AND status = 'submitted';

-- The neighbourhood officer's visit: on which day, whether the citizen was found living at the
-- new address, and a note. Recorded by a back-office employee; recorded again replaces it.
CREATE TABLE address_change_checks (
    request_id  BIGINT PRIMARY KEY REFERENCES eloket_requests (id) ON DELETE CASCADE,
    checked_on  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('confirmed', 'not_found')),
    note        TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL
);
