-- Prints wrk's results on one machine-readable line for the harness:
-- WRK <answered requests> <duration in us> <errors> <p50 latency in us> <p99 latency in us>
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("WRK %d %d %d %d %d\n", summary.requests, summary.duration,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
