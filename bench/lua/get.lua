-- A plain GET of the URL's path (health, the bare route).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
