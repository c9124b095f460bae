-- Counts responses per HTTP status, and per "version" for bodies that carry one (/health),
-- across all wrk threads: in the drills, which codes and versions came back matters more than
-- throughput. Defining response() costs wrk some speed, so the load benchmark does not use this.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

counts = {}
versions = {}

function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
   local version = body and string.match(body, '"version":"([^"]*)"')
   if version then
      versions[version] = (versions[version] or 0) + 1
   end
end

local function summed(name)
   local total = {}
   for _, thread in ipairs(threads) do
      for key, n in pairs(thread:get(name)) do
         total[key] = (total[key] or 0) + n
      end
   end
   local parts = {}
   for key, n in pairs(total) do
      table.insert(parts, key .. ":" .. n)
   end
   table.sort(parts)
   return #parts > 0 and table.concat(parts, ",") or "none"
end

-- Appended to the WRK_RESULT line by report.lua: " codes=200:1234,503:5 versions=v1:10,v2:12".
function status_summary()
   return summed("counts") .. " versions=" .. summed("versions")
end
