#!/usr/bin/env bash
# A collector outage under moderate load (OutageBenchmark): the servlet application with no agent and with Weft side by
# side at 500 /chain requests/s; the collector up for 1 minute, down for OUTAGE_MINUTES (default 10), back for 2.
# Resident memory every 10 s, spans delivered per phase; writes benchmarks/target/run/outage.md. Needs the agent, app
# and harness jars built (mvn -B -q -DskipTests package -pl agent,benchmarks,benchmarks/app,benchmarks/harness -am).
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${JAVA:-java}" -cp benchmarks/harness/target/weft-bench-harness.jar dev.weft.benchmarks.harness.OutageBenchmark \
  "${OUTAGE_MINUTES:-10}"
