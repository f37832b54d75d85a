-- Every mail Loket sends waits here first, so nothing is lost while the mail server is down. A
-- sender takes the due ones, retries a failed one later and gives up after too many attempts.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    -- One optional attachment, as text (an .ics calendar file).
    attachment_name TEXT,
    attachment_type TEXT,
    attachment_body TEXT,
    created_at      BIGINT NOT NULL,
    -- Not sent before this instant: a reminder waits for its day, a failed mail for its retry.
    send_after      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    sent_at         BIGINT,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    CHECK ((attachment_name IS NULL) = (attachment_body IS NULL) AND (attachment_name IS NULL) = (attachment_type IS NULL))
);
CREATE INDEX outbox_due ON outbox (status, send_after);
