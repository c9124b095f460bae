-- A replayed order is answered like the first time (201 + Location) by the HTTP resource; the
-- service no longer stores an HTTP status with the response body.
ALTER TABLE idempotency_keys DROP COLUMN response_status;
