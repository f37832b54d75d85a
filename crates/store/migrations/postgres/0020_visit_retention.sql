-- When the personal data of a visit was removed after the retention period. The rows stay, so the
-- statistics of their day keep their numbers; the mark keeps the removal from being done again.
ALTER TABLE appointments ADD COLUMN personal_data_removed_at BIGINT;
ALTER TABLE tickets ADD COLUMN personal_data_removed_at BIGINT;
ALTER TABLE on_call_requests ADD COLUMN personal_data_removed_at BIGINT;
ALTER TABLE pickups ADD COLUMN personal_data_removed_at BIGINT;
ALTER TABLE outbox ADD COLUMN personal_data_removed_at BIGINT;
CREATE INDEX appointments_personal_data ON appointments (start_at) WHERE personal_data_removed_at IS NULL;
CREATE INDEX tickets_personal_data ON tickets (issued_at) WHERE personal_data_removed_at IS NULL;
CREATE INDEX on_call_personal_data ON on_call_requests (requested_at) WHERE personal_data_removed_at IS NULL;
CREATE INDEX outbox_personal_data ON outbox (created_at) WHERE personal_data_removed_at IS NULL;
