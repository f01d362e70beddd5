#!/usr/bin/env bash
# Makes the README's pictures of Weft View from a real run: starts `java -jar weft-agent.jar view`, runs the demo
# (three services, HTTP and Kafka) under the agent twice, and has headless Chromium take pictures of the page:
#   docs/weft-view-traces.png     the trace list
#   docs/weft-view-waterfall.png  one greeting's waterfall, the mailer's CONSUMER span selected
#   docs/weft-view-graph.png      the flow graph of the greeting workflow
# and writes what the terminal printed to docs/weft-view-terminal.txt.
# Builds the jars when missing; installs Debian's chromium with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
AGENT=agent/target/weft-agent.jar
DEMO=demo/target/weft-demo.jar
JAVA=${JAVA:-java}
if [[ ! -f $AGENT || ! -f $DEMO ]]; then
  mvn -B -q -DskipTests package
fi
if ! command -v chromium > /dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium || { apt-get update && apt-get install -y --no-install-recommends chromium; }
fi
WORK=$(mktemp -d)
VIEWER=
cleanup() {
  if [[ -n $VIEWER ]]; then
    kill "$VIEWER" 2> /dev/null || true
    wait "$VIEWER" 2> /dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

LC_ALL=C.UTF-8 "$JAVA" -jar $AGENT view --otlp 127.0.0.1:0 --http 127.0.0.1:0 --quiet-ms 1500 > "$WORK/view.out" &
VIEWER=$!
for _ in $(seq 100); do grep -q 'traces on' "$WORK/view.out" && break; sleep 0.1; done
OTLP=$(grep -o 'http://[0-9.:]*/v1/traces' "$WORK/view.out" | sed 's|/v1/traces||')
PAGE=$(grep -o 'traces on http://[0-9.:]*/' "$WORK/view.out" | sed 's|traces on ||')
echo "viewer: OTLP $OTLP, page $PAGE"

for run in 1 2; do
  "$JAVA" -javaagent:$AGENT -Dotel.exporter.otlp.endpoint="$OTLP" -Dotel.bsp.schedule.delay=200 -jar $DEMO \
    > "$WORK/demo-$run.out" 2>&1
done

# a greeting whose six spans have all arrived, newest first
TRACE=
for _ in $(seq 100); do
  TRACE=$(curl -s "${PAGE}api/traces?service=weft-demo-mailer" \
    | grep -o '"traceId":"[0-9a-f]*","rootService":"weft-demo","rootName":"GET","startEpochMs":[^,]*,"durationMs":[^,]*,"spanCount":6' \
    | head -1 | sed 's/"traceId":"\([0-9a-f]*\)".*/\1/') || true
  [[ -n $TRACE ]] && grep -q "trace $TRACE" "$WORK/view.out" && break
  sleep 0.2
done
[[ -n $TRACE ]] || { echo "no complete greeting trace arrived"; cat "$WORK/view.out"; exit 1; }
CONSUMER=$(curl -s "${PAGE}api/trace/$TRACE" | grep -o '"spanId":"[0-9a-f]*","parentSpanId":"[0-9a-f]*","name":"process greetings"' \
  | sed 's/"spanId":"\([0-9a-f]*\)".*/\1/')

shoot() { # file, width, height, url
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
    --user-data-dir="$WORK/chromium" --window-size="$2,$3" --virtual-time-budget=4000 --screenshot="$1" "$4" \
    2> /dev/null
  echo "wrote $1"
}
shoot docs/weft-view-traces.png 1400 420 "$PAGE"
shoot docs/weft-view-waterfall.png 1400 760 "${PAGE}trace/$TRACE?span=$CONSUMER"
shoot docs/weft-view-graph.png 1400 560 "${PAGE}graph?workflow=weft-demo%20GET"
sed -n '/^weft-demo: GET .*trace '"$TRACE"'$/,/^$/p' "$WORK/view.out" > docs/weft-view-terminal.txt
echo "wrote docs/weft-view-terminal.txt"
