-- POST the seed plan, a different plan on every request (its name numbered), so that no answer comes from the
-- response cache. The body is read from SEED (default /tmp/funding-seed.json); PATH_QUERY picks the endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open(os.getenv("SEED") or "/tmp/funding-seed.json", "r")
local body = file:read("*all")
file:close()
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
end

request = function()
  n = n + 1
  local named = body:gsub('"name":"', '"name":"' .. id .. "-" .. n .. " ", 1)
  return wrk.format(nil, os.getenv("PATH_QUERY") or "/v1/plans", nil, named)
end

-- The latency distribution and the error counts, on one line each, for the run's record.
done = function(summary, latency, requests)
  io.write(string.format("requests %d  requests/s %.0f  p50 %.2f ms  p99 %.2f ms  errors %d  non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
