-- Drill traffic: GET /health with probability BENCH_HEALTH_SHARE (0..1), else GET a random
-- seeded product; every response's status (and /health's version) is counted.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
dofile(os.getenv("BENCH_LUA") .. "/status-codes.lua")

local products = tonumber(os.getenv("BENCH_PRODUCTS") or "100")
local health_share = tonumber(os.getenv("BENCH_HEALTH_SHARE") or "0.1")
local product_requests = {}
local health_request

function init(args)
   for id = 1, products do
      product_requests[id] = wrk.format("GET", "/api/products/" .. id)
   end
   health_request = wrk.format("GET", "/health")
end

function request()
   if math.random() < health_share then
      return health_request
   end
   return product_requests[math.random(products)]
end
