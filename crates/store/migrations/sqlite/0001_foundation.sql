-- Instants are stored as unix seconds (UTC) in INTEGER columns; the site's zone turns them into local time.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE departments (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_nl  TEXT NOT NULL,
    name_fr  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    staffing TEXT NOT NULL CHECK (staffing IN ('fixed', 'on_call'))
);

CREATE TABLE sites (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    address        TEXT NOT NULL,
    phone          TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    legal_holidays BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE zones (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    letter  TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL,
    colour  TEXT NOT NULL,
    UNIQUE (site_id, letter)
);

CREATE TABLE counters (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    zone_id INTEGER NOT NULL REFERENCES zones (id) ON DELETE RESTRICT,
    number  INTEGER NOT NULL,
    UNIQUE (site_id, number)
);

CREATE TABLE rooms (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    code    TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT '',
    UNIQUE (site_id, code)
);

CREATE TABLE rubrics (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_nl  TEXT NOT NULL,
    name_fr  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name_nl        TEXT NOT NULL,
    name_fr        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    department_id  INTEGER NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    zone_letter    TEXT,
    channel        TEXT NOT NULL CHECK (channel IN ('appointment', 'fast_counter', 'on_call', 'reception', 'online')),
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    fee_cents      INTEGER CHECK (fee_cents >= 0),
    online         BOOLEAN NOT NULL DEFAULT FALSE,
    pickup_later   BOOLEAN NOT NULL DEFAULT FALSE,
    rubric_id      INTEGER REFERENCES rubrics (id) ON DELETE SET NULL,
    description_nl TEXT NOT NULL DEFAULT '',
    description_fr TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    bring_nl       TEXT NOT NULL DEFAULT '',
    bring_fr       TEXT NOT NULL DEFAULT '',
    bring_en       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE counter_products (
    counter_id INTEGER NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (counter_id, product_id)
);

-- Weekly opening hours; `schedule` tells the counters' hours from the phone lines'.
CREATE TABLE opening_hours (
    id       INTEGER PRIMARY KEY,
    site_id  INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    schedule TEXT NOT NULL CHECK (schedule IN ('counters', 'phone')),
    weekday  INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens    TEXT NOT NULL,
    closes   TEXT NOT NULL
);
CREATE INDEX opening_hours_site ON opening_hours (site_id, schedule);

-- A city's own yearly closing days, in the rule form of loket_domain::calendar::ClosingRule.
CREATE TABLE closing_rules (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    rule    TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL
);

-- One-off days: no hours means closed, otherwise these hours replace the weekly pattern.
CREATE TABLE date_exceptions (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    day     TEXT NOT NULL,
    hours   TEXT NOT NULL DEFAULT '',
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL,
    UNIQUE (site_id, day)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_departments (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, department_id)
);

-- Only a hash of each session token is kept, so a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
