#!/usr/bin/env bash
# Times `validate` on a checkout plus one large generated data file in which every resource
# links to an IRI described nowhere, so the build reports hundreds of thousands of problems,
# each with file and line (issue 11, item 9: a 50 MB file once validated for over 900 s
# because each problem's line was found by rescanning the file).
# Usage: bench/broken-file.sh [MEGABYTES]   (default 50; after `mvn package`)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/pakmig.jar
mb=${1:-50}
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r ontology queries data "$work/"
file="$work/data/doc-009.ttl"
{
  echo '@prefix pm: <https://w3id.org/pakmig/ontology#> .'
  echo '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .'
  echo '@prefix place: <https://w3id.org/pakmig/id/place/> .'
} > "$file"
# About 200 bytes per resource.
awk -v n=$((mb * 1000000 / 200)) 'BEGIN { for (i = 0; i < n; i++) {
  printf "\nplace:town-%d a pm:City ;\n    rdfs:label \"Town %d in a generated file\"@en ;\n", i, i
  printf "    rdfs:comment \"Padding so that the file reaches its size, padding padding.\" ;\n"
  printf "    pm:locatedIn place:nowhere-%d .\n", i } }' >> "$file"
echo "data/doc-009.ttl: $(stat -c %s "$file") bytes, $(wc -l < "$file") lines"

start=$(date +%s%N)
set +e
java -jar "$jar" validate --source "$work" > "$work/out" 2> "$work/err"
status=$?
set -e
end=$(date +%s%N)
echo "validate: exit $status after $(( (end - start) / 1000000 )) ms; $(tail -1 "$work/out")"
echo "problems reported: $(grep -c '^  ' "$work/err"), of which with data/doc-009.ttl:LINE: $(grep -c '^  data/doc-009.ttl:[0-9]' "$work/err")"
grep -m 3 '^  data/doc-009.ttl:' "$work/err"
