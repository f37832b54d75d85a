-- The front desk of an office: documents waiting at the fast counter, sales and stock, reception's
-- answered questions, and the counter on call with where each employee is.

-- A document made elsewhere (eID, passport, driving licence, residence card, PIN/PUK letter) that
-- waits at a site for its holder. Handed over once: only a 'ready' row becomes 'picked_up'.
CREATE TABLE pickups (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id         BIGINT NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    product_id      BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    holder_name     TEXT NOT NULL,
    national_number TEXT,
    email           TEXT,
    phone           TEXT,
    locale          TEXT NOT NULL,
    -- Short and human, in the holder's message and typed at the counter.
    pickup_code     TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('ready', 'picked_up', 'returned')),
    registered_at   BIGINT NOT NULL,
    registered_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    picked_up_at    BIGINT,
    handed_over_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- Collected by someone else with a proxy form.
    by_proxy        BOOLEAN NOT NULL DEFAULT FALSE,
    returned_at     BIGINT
);
CREATE INDEX pickups_waiting ON pickups (site_id, status, registered_at);
CREATE INDEX pickups_national_number ON pickups (national_number) WHERE national_number IS NOT NULL;

-- What is sold or handed out, each a kind of a catalogue product (the GFT sticker of 40, 120 or
-- 240 litres) with its own price.
CREATE TABLE articles (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    code        TEXT NOT NULL UNIQUE,
    name_nl     TEXT NOT NULL,
    name_fr     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    position    BIGINT NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE
);

-- Where articles are sold: the fast counter of a site, or a partner shop near it.
CREATE TABLE sales_points (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    code    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('office', 'shop'))
);

-- The shop keepers of a partner shop.
CREATE TABLE user_sales_points (
    user_id        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sales_point_id BIGINT NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, sales_point_id)
);

-- What a sales point has in stock; a sale lowers it only while enough is left, so two sales of
-- the last sticker never both pass.
CREATE TABLE stock (
    sales_point_id BIGINT NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quantity       BIGINT NOT NULL CHECK (quantity >= 0),
    -- Warn when the quantity falls to this or below.
    low_at         BIGINT NOT NULL DEFAULT 0 CHECK (low_at >= 0),
    PRIMARY KEY (sales_point_id, article_id)
);

-- Every change of stock: received, sold, or set after a count.
CREATE TABLE stock_movements (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sales_point_id BIGINT NOT NULL REFERENCES sales_points (id) ON DELETE CASCADE,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    at             BIGINT NOT NULL,
    user_id        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    change         BIGINT NOT NULL,
    reason         TEXT NOT NULL CHECK (reason IN ('received', 'sold', 'counted')),
    sale_id        BIGINT
);
CREATE INDEX stock_movements_point ON stock_movements (sales_point_id, at);

CREATE TABLE sales (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sales_point_id BIGINT NOT NULL REFERENCES sales_points (id) ON DELETE RESTRICT,
    sold_at        BIGINT NOT NULL,
    sold_by        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    payment        TEXT NOT NULL CHECK (payment IN ('cash', 'card')),
    total_cents    BIGINT NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX sales_point_day ON sales (sales_point_id, sold_at);

-- The lines of a sale, with the price that was paid.
CREATE TABLE sale_items (
    sale_id    BIGINT NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
    quantity   BIGINT NOT NULL CHECK (quantity > 0),
    unit_cents BIGINT NOT NULL CHECK (unit_cents >= 0),
    PRIMARY KEY (sale_id, position)
);

-- A question answered at reception, by subject, for the statistics.
CREATE TABLE reception_questions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id    BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    at         BIGINT NOT NULL,
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX reception_questions_day ON reception_questions (site_id, at);

-- Where an employee of a department on call is now.
CREATE TABLE staff_presence (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    state   TEXT NOT NULL CHECK (state IN ('back_office', 'front_office', 'break', 'off')),
    since   BIGINT NOT NULL
);

-- A citizen waiting for a back-office employee of a department on call. Accepted once: only a
-- 'waiting' row becomes 'accepted', and a counter or room holds one accepted request at a time.
CREATE TABLE on_call_requests (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       BIGINT NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    product_id    BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    department_id BIGINT NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    ticket_id     BIGINT NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
    citizen_name  TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    -- The room reception asked for (a private talk, a large table); else a counter of the zone.
    wanted_room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL,
    status        TEXT NOT NULL CHECK (status IN ('waiting', 'accepted', 'finished', 'cancelled')),
    requested_at  BIGINT NOT NULL,
    requested_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- When the department was alerted again because nobody accepted in time.
    realerted_at  BIGINT,
    accepted_at   BIGINT,
    accepted_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    counter_id    BIGINT REFERENCES counters (id) ON DELETE SET NULL,
    room_id       BIGINT REFERENCES rooms (id) ON DELETE SET NULL,
    -- When the employee started serving: the end of the summons.
    arrived_at    BIGINT,
    finished_at   BIGINT
);
CREATE INDEX on_call_open ON on_call_requests (site_id, status);
CREATE UNIQUE INDEX on_call_room_taken ON on_call_requests (room_id) WHERE status = 'accepted';
CREATE UNIQUE INDEX on_call_counter_taken ON on_call_requests (counter_id) WHERE status = 'accepted';

-- A ticket of the counter on call may be called to a meeting room instead of a counter.
ALTER TABLE tickets ADD COLUMN room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL;
ALTER TABLE floor_events ADD COLUMN room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL;
