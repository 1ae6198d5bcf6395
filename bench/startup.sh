#!/usr/bin/env bash
# Measures what the closing notes report: jar size, time from JVM start to the ready line
# of `serve` (the graph built in memory from the shipped files), time to the first answered
# query, and triples per graph. Usage: bench/startup.sh [RUNS]   (after `mvn package`)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/pakmig.jar
runs=${1:-3}
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }

echo "jar: $(du -h "$jar" | cut -f1) ($(stat -c %s "$jar") bytes)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

query='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
for i in $(seq "$runs"); do
  port=$((20000 + RANDOM % 20000))
  out=$(mktemp)
  start=$(date +%s%N)
  java -jar "$jar" serve --port "$port" --localhost > "$out" 2>/dev/null &
  pid=$!
  until grep -q "pakmig ready" "$out"; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited early" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s%N)
  curl -sf -H 'Accept: text/csv' --data-urlencode "query=$query" "http://localhost:$port/pakmig/sparql" > /dev/null
  answered=$(date +%s%N)
  echo "run $i: ready after $(( (ready - start) / 1000000 )) ms, first query answered after $(( (answered - start) / 1000000 )) ms; $(cat "$out")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$out"
done

echo "triples per graph:"
java -jar "$jar" validate | sed -n '/Graphs/,/Built/p'
