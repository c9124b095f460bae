-- Authenticated POST /api/orders: one or two random seeded products per order, and a fresh
-- Idempotency-Key per request (as a well-behaved client sends), unique across threads and runs.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local products = tonumber(os.getenv("BENCH_PRODUCTS") or "100")
local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is required")
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())
thread_id = 0 -- global: setup() sets it per thread
local counter = 0
local next_thread = 0

function setup(thread)
   next_thread = next_thread + 1
   thread:set("thread_id", next_thread)
end

function request()
   counter = counter + 1
   local body
   if counter % 2 == 0 then
      body = string.format('{"lines":[{"productId":%d,"quantity":1}]}', math.random(products))
   else
      local a = math.random(products)
      local b = a % products + 1
      body = string.format('{"lines":[{"productId":%d,"quantity":2},{"productId":%d,"quantity":1}]}', a, b)
   end
   return wrk.format("POST", "/api/orders", {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("bench-%s-%d-%d", nonce, thread_id, counter),
   }, body)
end
