-- GET /api/products/{id} with ids spread over the seeded catalogue (BENCH_PRODUCTS), so the
-- benchmark does not measure one hot row. Requests are formatted once, not per call.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local products = tonumber(os.getenv("BENCH_PRODUCTS") or "100")
local requests = {}

function init(args)
   for id = 1, products do
      requests[id] = wrk.format("GET", "/api/products/" .. id)
   end
end

function request()
   return requests[math.random(products)]
end
