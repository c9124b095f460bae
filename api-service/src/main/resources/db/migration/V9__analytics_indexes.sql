-- Analytics (GET /api/admin/analytics, issue 12). Every aggregate starts from the orders placed
-- in a range of UTC days and looks only at their status and total, so this index answers the
-- per-day query from the index alone on PostgreSQL (index-only scan); it also serves the range
-- lookups ix_orders_created_on served, which it replaces.
CREATE INDEX ix_orders_created_on_status ON orders (created_on, status, total);
DROP INDEX ix_orders_created_on;

-- Top products: the lines of the orders found above, joined by order id; with product, quantity
-- and price in the index the lines themselves are never read.
CREATE INDEX ix_order_lines_order_sales ON order_lines (order_id, product_id, quantity, unit_price);
