#!/usr/bin/env bash
# Start-up cost of the agent on a hello-world main: N interleaved runs without and with the agent (so that the
# machine's drift hits both alike), then the median wall time of each and the difference.
# Needs a built tree: mvn -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${JAVA:-java}
cp=smoke-tests/apps/target/classes
agent=agent/target/weft-agent.jar
ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
without=(); with=()
for _ in $(seq "$runs"); do
  without+=("$(ms "$java" -cp "$cp" dev.weft.smoke.apps.HelloWorld)")
  with+=("$(ms "$java" -javaagent:"$agent" -cp "$cp" dev.weft.smoke.apps.HelloWorld)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m0=$(median "${without[@]}"); m1=$(median "${with[@]}")
echo "hello-world main, $runs interleaved runs, $("$java" -version 2>&1 | head -1)"
echo "without agent: median ${m0} ms (runs: ${without[*]})"
echo "with Weft:     median ${m1} ms (runs: ${with[*]})"
echo "added by the agent: $((m1 - m0)) ms; agent jar: $(du -k "$agent" | cut -f1) KB"
