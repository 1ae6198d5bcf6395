#!/usr/bin/env bash
# Load test (issue 11): starts `serve` with its default limits, runs 16 clients for 60 s
# cycling the query catalogue, prints throughput and latency percentiles, stops the server.
# Usage: bench/load-test.sh [CLIENTS] [SECONDS]   (after `mvn -B -q package -DskipTests`,
# which also compiles the client in target/test-classes)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/pakmig.jar
clients=${1:-16}
seconds=${2:-60}
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
out=$(mktemp)
java -jar "$jar" serve --port 0 --localhost > "$out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
until grep -q "pakmig ready" "$out"; do
  kill -0 "$pid" 2>/dev/null || { echo "serve exited early" >&2; exit 1; }
  sleep 0.2
done
url=$(sed -n 's/.*pakmig ready: \(http[^ ]*\).*/\1/p' "$out")
echo "server: $(cat "$out")"
java -cp target/test-classes:"$jar" org.w3id.pakmig.bench.LoadClient "$url" "$clients" 5 queries > /dev/null || true  # warm-up
java -cp target/test-classes:"$jar" org.w3id.pakmig.bench.LoadClient "$url" "$clients" "$seconds" queries
echo "server resident memory after: $(grep VmRSS /proc/$pid/status | awk '{print $2, $3}')"
