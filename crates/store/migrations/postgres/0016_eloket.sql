-- What citizens ask the e-loket for (or an employee asks for them at a counter), and the e-box the
-- answers arrive in.

-- A request: a certificate (delivered at once), an address change (submitted, then approved or
-- refused by the back office) or a residents' parking card (awaiting payment, then issued).
-- `details` holds what the citizen filled in, as JSON; `language` the one they used, so a later
-- decision reaches them in it.
CREATE TABLE eloket_requests (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    national_number TEXT NOT NULL,
    kind            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('delivered', 'submitted', 'approved', 'refused', 'awaiting_payment', 'issued', 'cancelled')),
    channel         TEXT NOT NULL CHECK (channel IN ('online', 'counter')),
    language        TEXT NOT NULL,
    details         TEXT NOT NULL DEFAULT '{}',
    submitted_at    BIGINT NOT NULL,
    submitted_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    document_id     BIGINT REFERENCES documents (id) ON DELETE RESTRICT,
    decided_at      BIGINT,
    decided_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decision_reason TEXT
);
CREATE INDEX eloket_requests_owner ON eloket_requests (national_number, submitted_at);
CREATE INDEX eloket_requests_open ON eloket_requests (kind, status, submitted_at);

-- A message in a citizen's e-box. It is kept as what it says (`kind` with its `params` as JSON),
-- so the citizen reads it in the language they choose when reading.
CREATE TABLE ebox_messages (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    national_number TEXT NOT NULL,
    kind            TEXT NOT NULL,
    params          TEXT NOT NULL DEFAULT '{}',
    received_at     BIGINT NOT NULL,
    read_at         BIGINT,
    request_id      BIGINT REFERENCES eloket_requests (id) ON DELETE CASCADE,
    document_id     BIGINT REFERENCES documents (id) ON DELETE RESTRICT
);
CREATE INDEX ebox_messages_owner ON ebox_messages (national_number, received_at);
