-- Residents' parking cards (bewonerskaarten). A card belongs to a housing unit (at most two at a
-- time, counted in the transaction that adds one, with the unit's row locked) and to a licence
-- plate (one card at a time). It waits for its payment, is issued when paid, and may be stopped;
-- an application whose payment is abandoned is cancelled. Days are YYYY-MM-DD in the city's zone.
CREATE TABLE parking_cards (
    id                INTEGER PRIMARY KEY,
    request_id        INTEGER NOT NULL REFERENCES eloket_requests (id) ON DELETE CASCADE,
    -- The resident who applied and holds the card: eleven digits.
    holder            TEXT NOT NULL,
    housing_unit_id   INTEGER NOT NULL REFERENCES addresses (id) ON DELETE RESTRICT,
    -- As written on the car, e.g. 1-ABC-123.
    plate             TEXT NOT NULL,
    zone              TEXT NOT NULL,
    duration          TEXT NOT NULL CHECK (duration IN ('quarter', 'year')),
    first_day         TEXT NOT NULL,
    last_day          TEXT NOT NULL,
    -- The day the holder is reminded to renew: a month before the last day.
    remind_on         TEXT NOT NULL,
    -- The housing unit's first or second card, which sets the fee (in cents).
    position          INTEGER NOT NULL CHECK (position IN (1, 2)),
    fee_cents         INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'issued', 'stopped', 'cancelled')),
    -- What the payment provider knows the payment by.
    payment_reference TEXT NOT NULL UNIQUE,
    paid_at           INTEGER,
    document_id       INTEGER REFERENCES documents (id) ON DELETE RESTRICT,
    reminded_at       INTEGER,
    stopped_at        INTEGER,
    cancelled_at      INTEGER,
    renewal_of        INTEGER REFERENCES parking_cards (id) ON DELETE SET NULL,
    created_at        INTEGER NOT NULL
);
CREATE INDEX parking_cards_unit ON parking_cards (housing_unit_id, last_day);
CREATE INDEX parking_cards_plate ON parking_cards (plate, last_day);
CREATE INDEX parking_cards_holder ON parking_cards (holder, created_at);
CREATE INDEX parking_cards_reminders ON parking_cards (remind_on) WHERE status = 'issued' AND reminded_at IS NULL;
