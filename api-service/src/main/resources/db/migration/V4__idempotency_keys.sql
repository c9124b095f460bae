-- One row per (customer, Idempotency-Key). The primary key is what makes concurrent duplicates
-- safe: the second insert waits for the first transaction and then fails, and the loser reads
-- the stored response. The row is inserted in the same transaction as the order it records.
CREATE TABLE idempotency_keys (
    customer_subject    VARCHAR(200)             NOT NULL,
    idempotency_key     VARCHAR(255)             NOT NULL,
    request_fingerprint VARCHAR(64)              NOT NULL,
    order_id            BIGINT,
    response_status     INTEGER,
    response_body       VARCHAR(200000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (customer_subject, idempotency_key),
    CONSTRAINT fk_idempotency_keys_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
