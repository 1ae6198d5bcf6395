#!/usr/bin/env bash
# Start-to-ready of the in-memory server against plain Fuseki, measured the way the benchmark
# suite does it: from JVM start to the first answered query (`ASK {}`, polled every 20 ms),
# ours and Fuseki alternating, median of RUNS each. Fuseki serves the exported dump of the
# same data (every named graph plus the union default graph written out, as the suite does).
#
# Usage: bench/start-to-ready.sh [RUNS]          (default 5)
# Needs target/pakmig.jar (`mvn -B -q package -DskipTests`) and the Fuseki jar, which the
# bench profile copies: `mvn -B -Pbench -DskipTests package` (or it is taken from ~/.m2).
# Extra JVM options for both servers: JAVA_OPTS (default -Xmx8g, as the suite).
# BASELINE_JAR=path/to/older/pakmig.jar also measures that jar in the same rounds, to compare
# a change against the code before it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/pakmig.jar
fuseki=target/bench/lib/jena-fuseki-server-5.6.0.jar
[ -f "$fuseki" ] || fuseki=$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/5.6.0/jena-fuseki-server-5.6.0.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
[ -f "$fuseki" ] || { echo "fetch Fuseki first: mvn -B -Pbench -DskipTests package" >&2; exit 2; }
java_opts=${JAVA_OPTS:--Xmx8g}

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The dump: every named graph as N-Quads, then the union as default-graph triples.
java -jar "$jar" export --format nq > "$work/named.nq"
java -jar "$jar" export --format ttl > "$work/union.ttl"
java -cp "$jar" riotcmd.riot --output=nt "$work/union.ttl" > "$work/union.nt"
cat "$work/named.nq" "$work/union.nt" | gzip > "$work/dump.nq.gz"
echo "dump: $(zcat "$work/dump.nq.gz" | wc -l) quads; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Prints milliseconds from starting the command to the first answer to ASK {} at $1.
ready_ms() {
  local url=$1; shift
  local start now
  start=$(date +%s%N)
  "$@" > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited: $*" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  echo $(( (now - start) / 1000000 ))
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

ours=(); theirs=(); before=()
for i in $(seq "$runs"); do
  p=$(free_port)
  # shellcheck disable=SC2086
  o=$(ready_ms "http://localhost:$p/pakmig/sparql" java $java_opts -jar "$jar" serve --port "$p" --localhost)
  if [ -n "${BASELINE_JAR:-}" ]; then
    p=$(free_port)
    # shellcheck disable=SC2086
    b=$(ready_ms "http://localhost:$p/pakmig/sparql" java $java_opts -jar "$BASELINE_JAR" serve --port "$p" --localhost)
    before+=("$b")
    echo "run $i: baseline $b ms"
  fi
  p=$(free_port)
  # shellcheck disable=SC2086
  f=$(ready_ms "http://localhost:$p/ds/sparql" java $java_opts -jar "$fuseki" --port "$p" --localhost --file "$work/dump.nq.gz" /ds)
  ours+=("$o"); theirs+=("$f")
  echo "run $i: pakmig $o ms, fuseki $f ms, ratio $(awk -v a="$o" -v b="$f" 'BEGIN { printf "%.2f", a / b }')"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(median "${ours[@]}"); mf=$(median "${theirs[@]}")
echo "pakmig:  ${ours[*]} ms (median $mo)"
echo "fuseki:  ${theirs[*]} ms (median $mf)"
if [ -n "${BASELINE_JAR:-}" ]; then
  mb=$(median "${before[@]}")
  echo "baseline: ${before[*]} ms (median $mb, ratio to fuseki $(awk -v a="$mb" -v b="$mf" 'BEGIN { printf "%.2f", a / b }'))"
fi
echo "ratio of medians: $(awk -v a="$mo" -v b="$mf" 'BEGIN { printf "%.2f", a / b }'); per-run ratios above show the noise; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
