-- How many counters of a zone are staffed for appointments, per weekday and time range.
CREATE TABLE roster (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    zone_letter TEXT NOT NULL,
    weekday     BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    counters    BIGINT NOT NULL CHECK (counters >= 0)
);
CREATE INDEX roster_zone ON roster (site_id, zone_letter);

CREATE TABLE appointments (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id           BIGINT NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
    zone_letter       TEXT NOT NULL,
    -- Short and human, for the kiosk; never enough alone to change a booking.
    code              TEXT NOT NULL UNIQUE,
    -- Hash of the long secret in the citizen's manage link.
    manage_token_hash TEXT NOT NULL UNIQUE,
    status            TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in', 'served', 'no_show')),
    start_at          BIGINT NOT NULL,
    end_at            BIGINT NOT NULL,
    -- The grid the visit was booked on, to find the cells it holds.
    cell_minutes      BIGINT NOT NULL,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    national_number   TEXT,
    locale            TEXT NOT NULL,
    booked_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at        BIGINT NOT NULL,
    changed_at        BIGINT NOT NULL
);
CREATE INDEX appointments_start ON appointments (site_id, start_at);
CREATE INDEX appointments_email ON appointments (email, status);

-- The products of a visit; a product listed twice is two persons.
CREATE TABLE appointment_products (
    appointment_id BIGINT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    position       BIGINT NOT NULL,
    product_id     BIGINT NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    PRIMARY KEY (appointment_id, position)
);

-- Places taken per grid cell of a zone; a booking raises every cell it covers only while the
-- cell has room, inside the booking's transaction, so no cell is ever booked beyond capacity.
CREATE TABLE slot_usage (
    site_id     BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    zone_letter TEXT NOT NULL,
    cell_start  BIGINT NOT NULL,
    taken       BIGINT NOT NULL CHECK (taken >= 0),
    PRIMARY KEY (site_id, zone_letter, cell_start)
);
