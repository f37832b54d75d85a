-- One row per person a booking limit counts for (a hash of the e-mail address or of the national
-- number and product, never the value itself). A booking takes the row's lock before it counts the
-- person's future appointments, so two bookings of one person never both pass the limit.
CREATE TABLE booking_locks (
    key TEXT PRIMARY KEY
);

CREATE INDEX appointments_national_number ON appointments (national_number, status) WHERE national_number IS NOT NULL;
