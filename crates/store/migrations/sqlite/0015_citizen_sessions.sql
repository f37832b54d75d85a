-- A citizen signed in to the e-loket. Only a hash of the token is kept, so a copy of the database
-- opens no session. The assurance says how the citizen proved who they are: `high` through the
-- city's eID or itsme login (OpenID Connect) or, in the demo, by picking a made-up resident; `low`
-- through a link in an e-mail, which is enough for appointments and never for certificates.
CREATE TABLE citizen_sessions (
    token_hash      TEXT PRIMARY KEY,
    national_number TEXT NOT NULL,
    assurance       TEXT NOT NULL CHECK (assurance IN ('low', 'high')),
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX citizen_sessions_expiry ON citizen_sessions (expires_at);
