-- A citizen's sign-in through the city's OpenID Connect provider (eID / itsme), between the
-- redirect to the provider and the provider's answer, which may reach another node. Known by a
-- hash of the random `state` sent along (only the citizen's browser holds the state itself);
-- taken (deleted) by the first answer, and good for ten minutes.
CREATE TABLE oidc_logins (
    state_hash    TEXT PRIMARY KEY,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next_path     TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);
