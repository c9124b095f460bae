-- Included by every bench script: prints wrk's summary as one machine-readable line that
-- bench/lib/wrk.sh parses (latencies in ms; "status" = responses with a status >= 400).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "WRK_RESULT requests=%d duration_s=%.3f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f connect=%d read=%d write=%d timeout=%d status=%d%s\n",
      summary.requests, summary.duration / 1e6,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status,
      status_summary and (" codes=" .. status_summary()) or ""))
end
