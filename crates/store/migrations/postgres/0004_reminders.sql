-- When the reminder of the day before was queued; a move clears it, so the new time is reminded.
ALTER TABLE appointments ADD COLUMN reminder_queued_at BIGINT;
CREATE INDEX appointments_reminder ON appointments (status, start_at) WHERE reminder_queued_at IS NULL;
