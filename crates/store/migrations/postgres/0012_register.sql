-- The e-loket's foundation: the city's copy of the population register that certificates are made
-- from, and the documents Loket issues, kept so anyone can check a copy is genuine.

-- The city's streets, with the residents' parking zone each belongs to (LEU1-LEU4), if any.
CREATE TABLE streets (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT NOT NULL,
    postal_code  TEXT NOT NULL,
    city         TEXT NOT NULL,
    parking_zone TEXT,
    UNIQUE (name, postal_code)
);

-- A housing unit: a number, and a box for a flat in a building.
CREATE TABLE addresses (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    street_id BIGINT NOT NULL REFERENCES streets (id) ON DELETE RESTRICT,
    number    TEXT NOT NULL,
    box       TEXT NOT NULL DEFAULT '',
    UNIQUE (street_id, number, box)
);

-- The people who live together at one address.
CREATE TABLE households (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address_id BIGINT NOT NULL REFERENCES addresses (id) ON DELETE RESTRICT,
    -- The date the household lives at this address (YYYY-MM-DD).
    since      TEXT NOT NULL
);

CREATE TABLE residents (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    national_number TEXT NOT NULL UNIQUE,
    first_names     TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    birth_date      TEXT NOT NULL,
    birth_place     TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('M', 'F', 'X')),
    nationality     TEXT NOT NULL,
    civil_status    TEXT NOT NULL CHECK (civil_status IN ('single', 'married', 'registered_partner', 'divorced', 'widowed')),
    household_id    BIGINT NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
    -- Their place in the household: the reference person, a partner, a child, or another member.
    household_role  TEXT NOT NULL CHECK (household_role IN ('reference', 'partner', 'child', 'other')),
    -- Where the e-box tells them that a new document waits; never the document itself.
    email           TEXT
);
CREATE INDEX residents_household ON residents (household_id);

-- A document Loket issued (a certificate as PDF). The verification code is printed on it; the
-- SHA-256 of the exact file and Loket's signature of that digest prove a copy genuine: a changed
-- byte changes the digest, and only Loket can sign a digest.
CREATE TABLE documents (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    national_number   TEXT NOT NULL,
    kind              TEXT NOT NULL,
    verification_code TEXT NOT NULL UNIQUE,
    issued_at         BIGINT NOT NULL,
    issued_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    sha256            TEXT NOT NULL UNIQUE,
    signature         TEXT NOT NULL,
    pdf               BYTEA NOT NULL
);
CREATE INDEX documents_owner ON documents (national_number, issued_at);
