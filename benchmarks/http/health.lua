-- GET /health, with the same one-line summary as distinct-plan.lua.
done = function(summary, latency, requests)
  io.write(string.format("requests %d  requests/s %.0f  p50 %.2f ms  p99 %.2f ms  errors %d  non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
