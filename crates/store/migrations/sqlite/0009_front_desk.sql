-- The front desk of an office: documents waiting at the fast counter, sales and stock, reception's
-- answered questions, and the counter on call with where each employee is.

-- A document made elsewhere (eID, passport, driving licence, residence card, PIN/PUK letter) that
-- waits at a site for its holder. Handed over once: only a 'ready' row becomes 'picked_up'.
CREATE TABLE pickups (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    product_id      INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    holder_name     TEXT NOT NULL,
    national_number TEXT,
    email           TEXT,
    phone           TEXT,
    locale          TEXT NOT NULL,
    -- Short and human, in the holder's message and typed at the counter.
    pickup_code     TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('ready', 'picked_up', 'returned')),
    registered_at   INTEGER NOT NULL,
    registered_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    picked_up_at    INTEGER,
    handed_over_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- Collected by someone else with a proxy form.
    by_proxy        BOOLEAN NOT NULL DEFAULT FALSE,
    returned_at     INTEGER
);
CREATE INDEX pickups_waiting ON pickups (site_id, status, registered_at);
CREATE INDEX pickups_national_number ON pickups (national_number) WHERE national_number IS NOT NULL;

-- What is sold or handed out, each a kind of a catalogue product (the GFT sticker of 40, 120 or
-- 240 litres) with its own price.
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    code        TEXT NOT NULL UNIQUE,
    name_nl     TEXT NOT NULL,
    name_fr     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    position    INTEGER NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE
);

-- Where articles are sold: the fast counter of a site, or a partner shop near it.
CREATE TABLE sales_points (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    code    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('office', 'shop'))
);

-- The shop keepers of a partner shop.
CREATE TABLE user_sales_points (
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sales_point_id INTEGER NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, sales_point_id)
);

-- What a sales point has in stock; a sale lowers it only while enough is left, so two sales of
-- the last sticker never both pass.
CREATE TABLE stock (
    sales_point_id INTEGER NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quantity       INTEGER NOT NULL CHECK (quantity >= 0),
    -- Warn when the quantity falls to this or below.
    low_at         INTEGER NOT NULL DEFAULT 0 CHECK (low_at >= 0),
    PRIMARY KEY (sales_point_id, article_id)
);

-- Every change of stock: received, sold, or set after a count.
CREATE TABLE stock_movements (
    id             INTEGER PRIMARY KEY,
    sales_point_id INTEGER NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    at             INTEGER NOT NULL,
    user_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    change         INTEGER NOT NULL,
    reason         TEXT NOT NULL CHECK (reason IN ('received', 'sold', 'counted')),
    sale_id        INTEGER
);
CREATE INDEX stock_movements_point ON stock_movements (sales_point_id, at);

CREATE TABLE sales (
    id             INTEGER PRIMARY KEY,
    sales_point_id INTEGER NOT NULL REFERENCES sales_points (id) ON DELETE RESTRICT,
    sold_at        INTEGER NOT NULL,
    sold_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    payment        TEXT NOT NULL CHECK (payment IN ('cash', 'card')),
    total_cents    INTEGER NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX sales_point_day ON sales (sales_point_id, sold_at);

-- The lines of a sale, with the price that was paid.
CREATE TABLE sale_items (
    sale_id    INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_cents INTEGER NOT NULL CHECK (unit_cents >= 0),
    PRIMARY KEY (sale_id, position)
);

-- A question answered at reception, by subject, for the statistics.
CREATE TABLE reception_questions (
    id         INTEGER PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    at         INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX reception_questions_day ON reception_questions (site_id, at);

-- Where an employee of a department on call is now.
CREATE TABLE staff_presence (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    state   TEXT NOT NULL CHECK (state IN ('back_office', 'front_office', 'break', 'off')),
    since   INTEGER NOT NULL
);

-- A citizen waiting for a back-office employee of a department on call. Accepted once: only a
-- 'waiting' row becomes 'accepted', and a counter or room holds one accepted request at a time.
CREATE TABLE on_call_requests (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    product_id    INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    ticket_id     INTEGER NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
    citizen_name  TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    -- The room reception asked for (a private talk, a large table); else a counter of the zone.
    wanted_room_id INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
    status        TEXT NOT NULL CHECK (status IN ('waiting', 'accepted', 'finished', 'cancelled')),
    requested_at  INTEGER NOT NULL,
    requested_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- When the department was alerted again because nobody accepted in time.
    realerted_at  INTEGER,
    accepted_at   INTEGER,
    accepted_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    counter_id    INTEGER REFERENCES counters (id) ON DELETE SET NULL,
    room_id       INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
    -- When the employee started serving: the end of the summons.
    arrived_at    INTEGER,
    finished_at   INTEGER
);
CREATE INDEX on_call_open ON on_call_requests (site_id, status);
CREATE UNIQUE INDEX on_call_room_taken ON on_call_requests (room_id) WHERE status = 'accepted';
CREATE UNIQUE INDEX on_call_counter_taken ON on_call_requests (counter_id) WHERE status = 'accepted';

-- A ticket of the counter on call may be called to a meeting room instead of a counter.
ALTER TABLE tickets ADD COLUMN room_id INTEGER REFERENCES rooms (id) ON DELETE SET NULL;
ALTER TABLE floor_events ADD COLUMN room_id INTEGER REFERENCES rooms (id) ON DELETE SET NULL;
