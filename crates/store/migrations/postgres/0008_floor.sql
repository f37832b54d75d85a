-- The day's last ticket number per zone; a ticket takes the next one with a single upsert, so a
-- number is never handed out twice.
CREATE TABLE ticket_numbers (
    site_id     BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    zone_letter TEXT NOT NULL,
    day         TEXT NOT NULL,
    last        BIGINT NOT NULL,
    PRIMARY KEY (site_id, zone_letter, day)
);

CREATE TABLE tickets (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id            BIGINT NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    zone_letter        TEXT NOT NULL,
    day                TEXT NOT NULL,
    number             BIGINT NOT NULL,
    label              TEXT NOT NULL,
    product_id         BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    appointment_id     BIGINT REFERENCES appointments (id) ON DELETE SET NULL,
    -- Hash of the secret in the ticket's QR code, which opens it on the citizen's phone.
    track_token_hash   TEXT NOT NULL UNIQUE,
    status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled')),
    -- The counter that called the ticket.
    counter_id         BIGINT REFERENCES counters (id) ON DELETE SET NULL,
    -- When the citizen took the first ticket of this visit; a transfer keeps it.
    arrived_at         BIGINT NOT NULL,
    issued_at          BIGINT NOT NULL,
    -- The start of the appointment a checked-in ticket is for.
    due_at             BIGINT,
    called_at          BIGINT,
    started_at         BIGINT,
    finished_at        BIGINT,
    recalls            BIGINT NOT NULL DEFAULT 0,
    transferred_from   BIGINT REFERENCES tickets (id) ON DELETE SET NULL,
    UNIQUE (site_id, zone_letter, day, number)
);
CREATE INDEX tickets_open ON tickets (site_id, status);
CREATE INDEX tickets_counter ON tickets (counter_id, status);

-- What was done at the counter for a ticket; one visit can hold several transactions.
CREATE TABLE ticket_transactions (
    ticket_id  BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    PRIMARY KEY (ticket_id, position)
);

-- Who works at which counter now, and whether it is open or paused; one counter per person.
CREATE TABLE counter_presence (
    counter_id BIGINT PRIMARY KEY REFERENCES counters (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    state      TEXT NOT NULL CHECK (state IN ('open', 'paused')),
    since      BIGINT NOT NULL
);

-- Every change on the floor, numbered per site in the order the changes were committed: taking
-- the site's row to number an event holds the other changes of that site until this one commits.
-- It is the history the statistics are built from and the stream the screens follow (the number
-- is the id of the server-sent event).
CREATE TABLE floor_sequences (
    site_id BIGINT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    last    BIGINT NOT NULL
);

CREATE TABLE floor_events (
    site_id    BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    ticket_id  BIGINT REFERENCES tickets (id) ON DELETE CASCADE,
    counter_id BIGINT REFERENCES counters (id) ON DELETE SET NULL,
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    detail     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (site_id, seq)
);
CREATE INDEX floor_events_ticket ON floor_events (ticket_id);
