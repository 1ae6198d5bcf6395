package org.w3id.pakmig.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.w3id.pakmig.load.SourceTree;

/**
 * Writes a source tree (ontology/ and queries/ copied from a checkout, data/ generated) whose
 * data has the shape of ours at any size: documents with sections, places in a hierarchy,
 * routes with ordered legs, agencies, laws, drivers, flows, statistical claims with periods,
 * units and reporters (about a third of them disagreeing with another source on the same
 * figure), issues and recommendations. The same seed and size give the same files.
 *
 * <p>Everything is made up and labelled "synthetic": it is for measuring, never for serving.
 * It grows by adding documents, and with them places, so the number of claims about one
 * place stays the same at every size, as it would with real documents about more places.
 *
 * <p>Usage: {@code java -cp pakmig.jar org.w3id.pakmig.synth.SyntheticData TRIPLES SEED FROM OUT}
 */
public final class SyntheticData {
    /** Asserted triples one block of a document writes (measured on the output, not exact). */
    static final int TRIPLES_PER_BLOCK = 90;
    static final int BLOCKS_PER_DOCUMENT = 100;
    static final int DISTRICTS_PER_DOCUMENT = 20;
    private static final int PROVINCES_PER_COUNTRY = 4;
    private static final int DISTRICTS_PER_PROVINCE = 10;
    private static final int SECTIONS = 12;
    private static final String[] MEASURES = {"migrant-stock", "annual-outflow", "remittances", "returnees",
        "trafficking-cases", "deaths-in-transit", "smuggling-fee", "unemployment-rate", "registered-workers", "deportations"};
    /** Units of the ontology's own vocabulary, which carries their base units and conversion factors. */
    private static final String[] UNITS = {"person", "usd", "pkr", "percent", "count"};
    private static final String[] MODES = {"land", "sea", "air"};
    private static final String[] AREAS = {"prevention", "protection", "prosecution", "partnership", "data", "livelihoods"};
    private static final String[] CATEGORIES = {"economic", "social", "political", "environmental"};
    private static final String[] MTYPES = {"internal", "international", "irregular"};
    private static final String[] SYLLABLES = {"ka", "ra", "pur", "ab", "gul", "shah", "noor", "dera", "khan",
        "zai", "tal", "kot", "man", "sar", "bad", "gar", "li", "jan", "haz", "mir"};

    private final Random random;
    private final int documents;
    private final int blocks;
    private final int districts;
    /** District, measure and year (0: none) of the last claim written. */
    private int[] previousClaim;
    private int named;

    SyntheticData(long seed, long triples) {
        this.random = new Random(seed);
        long perDocument = (long) TRIPLES_PER_BLOCK * BLOCKS_PER_DOCUMENT;
        this.documents = (int) Math.max(1, (triples + perDocument / 2) / perDocument);
        // Below one document (test fixtures), a shorter document about fewer places.
        this.blocks = (int) Math.max(1, Math.min(BLOCKS_PER_DOCUMENT, triples / TRIPLES_PER_BLOCK));
        this.districts = Math.max(2, documents * DISTRICTS_PER_DOCUMENT * blocks / BLOCKS_PER_DOCUMENT);
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("Usage: SyntheticData TRIPLES SEED FROM-CHECKOUT OUT-DIR");
            System.exit(2);
        }
        Path out = Path.of(args[3]);
        int written = write(Long.parseLong(args[0]), Long.parseLong(args[1]), Path.of(args[2]), out);
        System.out.println(written + " documents written to " + out);
    }

    /** Writes the tree; returns the number of synthetic documents. */
    public static int write(long triples, long seed, Path checkout, Path out) {
        SyntheticData data = new SyntheticData(seed, triples);
        try {
            SourceTree.copyDirectory(checkout.resolve("ontology"), out.resolve("ontology"));
            SourceTree.copyDirectory(checkout.resolve("queries"), out.resolve("queries"));
            Files.createDirectories(out.resolve("data/synthetic-sources"));
            data.writeCommon(out.resolve("data/synthetic-common.ttl"));
            for (int d = 0; d < data.documents; d++) {
                data.writeDocument(d, out.resolve("data/synthetic-sources/" + docId(d) + ".ttl"),
                                   out.resolve("data/" + docId(d) + ".ttl"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write synthetic data to " + out, e);
        }
        return data.documents;
    }

    private static String docId(int d) {
        return "doc-%03d".formatted(d);
    }

    private void writeCommon(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(PREFIXES);
            w.write("# Synthetic: shared vocabulary and places, made up for benchmarks.\n");
            for (String m : MEASURES) {
                w.write("measure:syn-%s a pm:Measure ; rdfs:label \"%s (synthetic)\"@en .\n".formatted(m, m.replace('-', ' ')));
            }
            for (String m : MODES) {
                w.write("mode:syn-%s a pm:TransportMode ; rdfs:label \"%s (synthetic)\"@en .\n".formatted(m, m));
            }
            for (String a : AREAS) {
                w.write("area:syn-%s a pm:PolicyArea ; rdfs:label \"%s (synthetic)\"@en .\n".formatted(a, a));
            }
            for (String c : CATEGORIES) {
                w.write("category:syn-%s a pm:DriverCategory ; rdfs:label \"%s (synthetic)\"@en .\n".formatted(c, c));
            }
            for (String t : MTYPES) {
                w.write("mtype:syn-%s a pm:MigrationType ; rdfs:label \"%s (synthetic)\"@en .\n".formatted(t, t));
            }
            int provinces = (districts + DISTRICTS_PER_PROVINCE - 1) / DISTRICTS_PER_PROVINCE;
            int countries = (provinces + PROVINCES_PER_COUNTRY - 1) / PROVINCES_PER_COUNTRY;
            for (int c = 0; c < countries; c++) {
                w.write("place:syn-country-%d a pm:Country ; rdfs:label \"%s (synthetic country)\"@en .\n".formatted(c, name()));
            }
            for (int p = 0; p < provinces; p++) {
                w.write("place:syn-province-%d a pm:Province ; rdfs:label \"%s (synthetic province)\"@en ; pm:locatedIn place:syn-country-%d .\n"
                        .formatted(p, name(), p / PROVINCES_PER_COUNTRY));
            }
            for (int d = 0; d < districts; d++) {
                String name = name();
                w.write("place:syn-district-%d a pm:District ; rdfs:label \"%s District (synthetic)\"@en ; pm:locatedIn place:syn-province-%d .\n"
                        .formatted(d, name, d / DISTRICTS_PER_PROVINCE));
                w.write("place:syn-city-%d a pm:City ; rdfs:label \"%s (synthetic city)\"@en ; pm:locatedIn place:syn-district-%d .\n"
                        .formatted(d, name, d));
            }
            w.write("organisation:syn-research-group a pm:ResearchInstitute ; rdfs:label \"Synthetic research group\"@en .\n");
        }
    }

    private void writeDocument(int d, Path sourcesFile, Path dataFile) throws IOException {
        String doc = docId(d);
        try (BufferedWriter w = Files.newBufferedWriter(sourcesFile, StandardCharsets.UTF_8)) {
            w.write(PREFIXES);
            w.write("doc:syn-%s a pm:Report ; rdfs:label \"Synthetic report %d\"@en ; dcterms:title \"Synthetic report %d\" ;\n".formatted(doc, d, d));
            w.write("    dcterms:identifier \"%s\" ; dcterms:creator organisation:syn-research-group ;\n".formatted(doc));
            w.write("    dcterms:description \"Made-up data for benchmarks; nothing in it is a fact.\"@en .\n");
            for (int s = 1; s <= SECTIONS; s++) {
                w.write("section:syn-%s-%d a pm:Section ; rdfs:label \"Section %d\"@en ; pm:inDocument doc:syn-%s ; pm:order %d%s .\n"
                        .formatted(doc, s, s, doc, s, s > 1 ? " ; pm:parentSection section:syn-" + doc + "-1" : ""));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dataFile, StandardCharsets.UTF_8)) {
            w.write(PREFIXES);
            w.write("# Synthetic document %s: made up for benchmarks.\n".formatted(doc));
            for (int b = 0; b < blocks; b++) {
                writeBlock(w, doc, d, b);
            }
        }
    }

    /** One block: a route with its legs, an agency, a law, a driver, a flow, claims, an issue, a recommendation. */
    private void writeBlock(BufferedWriter w, String doc, int d, int b) throws IOException {
        String id = doc + "-" + b;
        String cite = " ;\n    prov:wasDerivedFrom section:syn-%s-%d .\n".formatted(doc, 1 + random.nextInt(SECTIONS));
        int home = localDistrict(d);
        int origin = home;
        int destination = random.nextInt(districts);
        int legs = 2 + random.nextInt(3);
        String mode = MODES[random.nextInt(MODES.length)];
        StringBuilder legList = new StringBuilder();
        int from = origin;
        for (int l = 1; l <= legs; l++) {
            int to = l == legs ? destination : random.nextInt(districts);
            w.write(("leg:syn-%s-%d a pm:RouteLeg ; rdfs:label \"Leg %d of route %s\"@en ; pm:order %d ;\n"
                    + "    pm:fromPlace place:syn-city-%d ; pm:toPlace place:syn-city-%d ; pm:mode mode:syn-%s%s")
                    .formatted(id, l, l, id, l, from, to, mode, l == 2 ? " ; pm:via place:syn-district-" + to : "") + cite);
            legList.append(l > 1 ? " , " : "").append("leg:syn-").append(id).append('-').append(l);
            from = to;
        }
        w.write(("route:syn-%s a pm:Route ; rdfs:label \"%s route (synthetic)\"@en ; pm:origin place:syn-city-%d ;\n"
                + "    pm:destination place:syn-city-%d ; pm:mode mode:syn-%s ; pm:hasLeg %s").formatted(id, name(), origin, destination, mode, legList) + cite);

        w.write(("agency:syn-%s a pm:GovernmentAgency ; rdfs:label \"%s agency (synthetic)\"@en ;\n"
                + "    pm:operatesIn place:syn-district-%d ; pm:cooperatesWith agency:syn-%s-%d").formatted(id, name(), home, doc, random.nextInt(b + 1)) + cite);
        w.write(("law:syn-%s a pm:Act ; rdfs:label \"%s Act (synthetic)\"@en ; pm:year %d ;\n"
                + "    pm:jurisdiction place:syn-province-%d ; pm:enforcedBy agency:syn-%s").formatted(id, name(), 1950 + random.nextInt(75), home / DISTRICTS_PER_PROVINCE, id) + cite);
        w.write(("flow:syn-%s a pm:MigrationFlow ; rdfs:label \"Flow %s (synthetic)\"@en ; pm:origin place:syn-district-%d ;\n"
                + "    pm:destination place:syn-district-%d ; pm:migrationType mtype:syn-%s").formatted(id, id, home, destination, MTYPES[random.nextInt(MTYPES.length)]) + cite);
        w.write(("factor:syn-%s a pm:%s ; rdfs:label \"%s (synthetic driver)\"@en ; skos:broader category:syn-%s ;\n"
                + "    pm:actsIn place:syn-district-%d ; pm:drives flow:syn-%s").formatted(id, random.nextBoolean() ? "PushFactor" : "PullFactor", name(),
                CATEGORIES[random.nextInt(CATEGORIES.length)], home, id) + cite);
        for (int c = 0; c < 2; c++) {
            writeClaim(w, id + "-" + c, doc, d, cite);
        }
        w.write("issue:syn-%s a pm:Issue ; rdfs:label \"%s issue (synthetic)\"@en ; pm:affects flow:syn-%s".formatted(id, name(), id) + cite);
        w.write(("recommendation:syn-%s a pm:Recommendation ; rdfs:label \"Recommendation %s (synthetic)\"@en ;\n"
                + "    dcterms:description \"A made-up recommendation on issue %s.\"@en ; pm:proposedBy organisation:syn-research-group ;\n"
                + "    pm:targets agency:syn-%s ; pm:policyArea area:syn-%s ; pm:addresses issue:syn-%s").formatted(id, id, id, id, AREAS[random.nextInt(AREAS.length)], id) + cite);
    }

    /**
     * A claim about a district near this document's own. Every third claim deliberately
     * reports the figure of the claim before it (same place, measure, unit and period) with
     * another value; the others draw measure and period from a few, so other documents also
     * report the same figure, mostly agreeing.
     */
    private void writeClaim(BufferedWriter w, String id, String doc, int d, String cite) throws IOException {
        boolean disagree = previousClaim != null && random.nextInt(3) == 0;
        int district = disagree ? previousClaim[0] : localDistrict(d);
        int m = disagree ? previousClaim[1] : random.nextInt(MEASURES.length);
        int year = disagree ? previousClaim[2] : random.nextInt(10) == 0 ? 0 : 2015 + random.nextInt(10);
        previousClaim = new int[] {district, m, year};
        String unit = UNITS[m % UNITS.length];
        String period = year == 0 ? " ; pm:undated true" : " ; pm:referencePeriod \"%d\"".formatted(year);
        int base = 1000 * (1 + (district * 31 + m * 7) % 50);
        String figure;
        if (!disagree && random.nextInt(10) == 0) {
            figure = "pm:minValue %d ; pm:maxValue %d".formatted(base / 2, base * 2);
        } else {
            figure = "pm:value %d".formatted(disagree ? base + 1 + random.nextInt(base) : base);
        }
        w.write(("claim:syn-%s a pm:StatisticalClaim ; rdfs:label \"Figure %s (synthetic)\"@en ;\n"
                + "    pm:about place:syn-district-%d ; pm:measure measure:syn-%s ; pm:unit unit:%s ; %s%s ;\n"
                + "    pm:reportedBy agency:syn-%s-0 ; pm:refArea place:syn-district-%d").formatted(id, id, district, MEASURES[m], unit, figure, period, doc, district) + cite);
    }

    /** Documents write about their own districts and their neighbours' (shared with a few other documents). */
    private int localDistrict(int d) {
        int own = districts / documents;
        return Math.floorMod(d * own + random.nextInt(own * 2) - own / 2, districts);
    }

    /**
     * A made-up name, numbered so no two things share one (the reconciliation check would take
     * two same-named things for one).
     */
    private String name() {
        named++;
        int parts = 2 + random.nextInt(2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s + " " + named;
    }

    private static final String PREFIXES = """
        @prefix pm: <https://w3id.org/pakmig/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix doc: <https://w3id.org/pakmig/id/doc/> .
        @prefix section: <https://w3id.org/pakmig/id/section/> .
        @prefix place: <https://w3id.org/pakmig/id/place/> .
        @prefix route: <https://w3id.org/pakmig/id/route/> .
        @prefix leg: <https://w3id.org/pakmig/id/leg/> .
        @prefix flow: <https://w3id.org/pakmig/id/flow/> .
        @prefix factor: <https://w3id.org/pakmig/id/factor/> .
        @prefix issue: <https://w3id.org/pakmig/id/issue/> .
        @prefix law: <https://w3id.org/pakmig/id/law/> .
        @prefix agency: <https://w3id.org/pakmig/id/agency/> .
        @prefix organisation: <https://w3id.org/pakmig/id/org/> .
        @prefix claim: <https://w3id.org/pakmig/id/claim/> .
        @prefix recommendation: <https://w3id.org/pakmig/id/recommendation/> .
        @prefix measure: <https://w3id.org/pakmig/id/measure/> .
        @prefix unit: <https://w3id.org/pakmig/id/unit/> .
        @prefix category: <https://w3id.org/pakmig/id/category/> .
        @prefix area: <https://w3id.org/pakmig/id/area/> .
        @prefix mode: <https://w3id.org/pakmig/id/mode/> .
        @prefix mtype: <https://w3id.org/pakmig/id/migration-type/> .

        """;
}
