-- The outbox also holds text messages (SMS) for people who gave only a mobile number. A text
-- message has no subject or HTML; its recipient is a number in international form (+32470123456).
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'mail' CHECK (channel IN ('mail', 'sms'));
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (channel, status, send_after);
