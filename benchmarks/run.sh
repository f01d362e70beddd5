#!/usr/bin/env bash
# Measures Weft's overhead against no agent and the OpenTelemetry Java agent, and writes the report:
#   benchmarks/run.sh            full run, 5 rounds (about 65 minutes on two cores), writes benchmarks/results.md
#   benchmarks/run.sh --rounds 3 full run with 3 rounds (about 40 minutes)
#   benchmarks/run.sh --quick    short loads, 2 rounds (about 16 minutes), writes benchmarks/target/run/results-quick.md
#   benchmarks/run.sh [--quick] --only startup|servlet|kafka|jmh   one benchmark, written to
#                                benchmarks/target/run/results-<name>[-quick].md
# Installs wrk from the distribution's packages when it is missing, and builds the agent and the benchmark jars
# when any is missing (after changing them, rebuild with mvn -B -q -DskipTests package). JAVA=/path/to/java picks
# the JDK under test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk > /dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk
fi

modules=agent,benchmarks,benchmarks/app,benchmarks/kafka-app,benchmarks/harness,benchmarks/jmh,smoke-tests/spring-boot-4-app
for artifact in agent/target/weft-agent.jar benchmarks/target/opentelemetry-javaagent.jar \
    benchmarks/app/target/weft-bench-app.jar benchmarks/kafka-app/target/weft-bench-kafka-app.jar \
    benchmarks/harness/target/weft-bench-harness.jar \
    benchmarks/jmh/target/weft-jmh.jar smoke-tests/spring-boot-4-app/target/spring-boot-4-app.jar; do
  if [ ! -f "$artifact" ]; then
    mvn -B -q -DskipTests package -pl "$modules" -am
    break
  fi
done

exec "${JAVA:-java}" -jar benchmarks/harness/target/weft-bench-harness.jar "$@"
