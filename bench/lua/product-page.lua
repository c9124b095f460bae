-- GET /api/products?page=…&size=20 over every page of the seeded catalogue.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local pages = math.max(1, math.floor(tonumber(os.getenv("BENCH_PRODUCTS") or "100") / 20))
local requests = {}

function init(args)
   for page = 0, pages - 1 do
      requests[page + 1] = wrk.format("GET", "/api/products?page=" .. page .. "&size=20&sort=name")
   end
end

function request()
   return requests[math.random(pages)]
end
