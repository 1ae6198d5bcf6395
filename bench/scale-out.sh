#!/usr/bin/env bash
# Scale-out simulation (docs/scale-out.md): one `build --db`, two `serve --db` replicas each on
# its own copy of the database, HAProxy (Debian package) in front, and a bounded load run of
# the catalogue queries through the balancer. Everything listens on 127.0.0.1 and is stopped
# at the end. Usage: bench/scale-out.sh [REQUESTS] [CLIENTS]   (after `mvn package`;
# needs `apt-get install haproxy curl`)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/pakmig.jar
requests=${1:-400}
clients=${2:-8}
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v haproxy > /dev/null || { echo "install HAProxy: apt-get install haproxy" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== build once"
java -jar "$jar" build --db "$work/db" > "$work/build.log"
tail -1 "$work/build.log"

# TDB2 allows one JVM per database directory: each replica gets its own copy of the one build
# (an operator would rsync the directory, or a volume snapshot, to each host).
ports=()
for r in 1 2; do
  cp -r "$work/db" "$work/db-$r"
  port=$(free_port)
  ports+=("$port")
  java -jar "$jar" serve --db "$work/db-$r" --port "$port" --localhost > "$work/replica-$r.log" 2>&1 &
  pids+=($!)
done
for r in 1 2; do
  until grep -q "pakmig ready" "$work/replica-$r.log"; do sleep 0.2; done
  echo "replica $r: $(cat "$work/replica-$r.log")"
done

lb=$(free_port)
stats=$(free_port)
cat > "$work/haproxy.cfg" <<EOF
global
  maxconn 256
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend sparql
  bind 127.0.0.1:$lb
  default_backend replicas
backend replicas
  balance leastconn
  option httpchk GET /pakmig/sparql?query=ASK%7B%7D
  server r1 127.0.0.1:${ports[0]} check
  server r2 127.0.0.1:${ports[1]} check
listen stats
  bind 127.0.0.1:$stats
  stats enable
  stats uri /stats
EOF
haproxy -f "$work/haproxy.cfg" -db > "$work/haproxy.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$stats/stats;csv" > /dev/null; do sleep 0.2; done

echo "== $requests catalogue queries, $clients clients, through HAProxy on port $lb"
ls queries/*.rq | grep -v checks > "$work/queries.txt"
start=$(date +%s%N)
seq "$requests" | xargs -P "$clients" -I{} sh -c '
  q=$(sed -n "$(( ({} % $(wc -l < "$1")) + 1 ))p" "$1")
  curl -s -o /dev/null -w "%{http_code}\n" -H "Accept: application/sparql-results+json" \
       --data-urlencode "query@$q" "http://127.0.0.1:$2/pakmig/sparql"
' _ "$work/queries.txt" "$lb" > "$work/codes.txt"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "answered: $(sort "$work/codes.txt" | uniq -c | tr '\n' ' ')in $elapsed ms ($(awk "BEGIN { printf \"%.1f\", $requests * 1000 / $elapsed }") queries/s)"

echo "== requests per replica (HAProxy stats)"
curl -s "http://127.0.0.1:$stats/stats;csv" | awk -F, '$1=="replicas" && ($2=="r1" || $2=="r2") { print $2 ": " $8 " sessions, status " $18 }'

echo "== one replica stopped: the balancer keeps answering"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
sleep 6
ok=0
for i in $(seq 20); do
  code=$(curl -s -o /dev/null -w "%{http_code}" --data-urlencode "query=ASK {}" "http://127.0.0.1:$lb/pakmig/sparql")
  [ "$code" = 200 ] && ok=$((ok + 1))
done
echo "$ok of 20 answered with 200 while r1 was down"
