-- Payments (issue 12): one payment per order, created with the provider when the order is placed.
-- The row is written in the order's own transaction (status CREATING), so an order whose provider
-- call failed is still known to need one; provider_payment_id is the PaymentIntent once created.
CREATE TABLE payments (
    order_id            BIGINT                   NOT NULL,
    provider            VARCHAR(16)              NOT NULL,
    provider_payment_id VARCHAR(255),
    client_secret       VARCHAR(255),
    idempotency_key     VARCHAR(255)             NOT NULL,
    amount_cents        BIGINT                   NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    attempts            INTEGER                  NOT NULL,
    failure             VARCHAR(500),
    refund_id           VARCHAR(255),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payments PRIMARY KEY (order_id),
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT ck_payments_status CHECK (status IN ('CREATING', 'REQUIRES_PAYMENT', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    CONSTRAINT ck_payments_amount CHECK (amount_cents >= 0),
    CONSTRAINT ck_payments_attempts CHECK (attempts >= 0)
);

-- Webhooks name the PaymentIntent; several NULLs (not yet created) are allowed by both engines.
CREATE UNIQUE INDEX ux_payments_provider_payment ON payments (provider_payment_id);
-- The refund sweep looks for SUCCEEDED payments of orders that ended unpaid-for.
CREATE INDEX ix_payments_status ON payments (status, order_id);

-- Every provider event processed, by the provider's event id: a redelivered event changes nothing.
CREATE TABLE payment_events (
    event_id    VARCHAR(255)             NOT NULL,
    type        VARCHAR(100)             NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payment_events PRIMARY KEY (event_id)
);

-- A paid order that is cancelled (or paid after it expired) is refunded: a new terminal status.
ALTER TABLE orders DROP CONSTRAINT ck_orders_status;
ALTER TABLE orders ADD CONSTRAINT ck_orders_status
    CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'CANCELLED', 'EXPIRED', 'REFUNDED'));
