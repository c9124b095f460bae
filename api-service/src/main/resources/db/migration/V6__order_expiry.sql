-- Unpaid orders expire (issue 10, finding 6): a new terminal status, and an index for the sweep
-- that finds PENDING orders older than orders.expiry.
ALTER TABLE orders DROP CONSTRAINT ck_orders_status;
ALTER TABLE orders ADD CONSTRAINT ck_orders_status
    CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'CANCELLED', 'EXPIRED'));

CREATE INDEX ix_orders_status_created ON orders (status, created_at, id);
