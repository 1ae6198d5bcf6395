package org.w3id.pakmig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;

/**
 * The packaged jar, run as a user runs it: a separate JVM, from another directory, with the
 * ontology, data and queries read from inside the jar.
 */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("pakmig.jar", "target/pakmig.jar")).toAbsolutePath();
    private static final Pattern READY = Pattern.compile("pakmig ready: (http://localhost:(\\d+)/pakmig/sparql) \\((\\d+) triples\\)");
    private static final String DOC_TITLE_QUERY = """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?title WHERE { ?doc dcterms:identifier "doc-002" ; dcterms:title ?title }""";

    record Run(int exit, String out, String err) {}

    private static ProcessBuilder java(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    private static Run run(Path workDir, String... args) throws Exception {
        Process p = java(workDir, args).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Starts {@code serve} and waits for its ready line; returns the process, the query URL and the triples it gives. */
    private static Object[] serve(Path workDir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--localhost"));
        args.addAll(List.of(extra));
        Process p = java(workDir, args.toArray(String[]::new)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long start = System.nanoTime();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                System.out.printf("serve ready in %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, line);
                return new Object[] {p, m.group(1), m.group(3)};
            }
        }
        p.destroy();
        throw new AssertionError("serve exited without its ready line");
    }

    private static String select(String endpoint, String query, String accept) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                       .header("Accept", accept).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void servesTheGraphFromAnyDirectoryAndAnswersOverHttp(@TempDir Path elsewhere) throws Exception {
        Object[] server = serve(elsewhere);
        Process p = (Process) server[0];
        try {
            String csv = select((String) server[1], DOC_TITLE_QUERY, "text/csv");
            assertEquals("title\r\nHuman Trafficking - An Analysis of Pakistan's Gujrat District Immigrants\r\n", csv);
            assertEquals("n\r\n" + server[2] + "\r\n", select((String) server[1], "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv"),
                         "the ready line counts the default graph as it is served, dataset description included");

            Run local = run(elsewhere, "query", "route-legs-in-order", "--format", "csv");
            Run remote = run(elsewhere, "query", "route-legs-in-order", "--format", "csv", "--endpoint", (String) server[1]);
            assertEquals(0, remote.exit(), remote.err());
            assertEquals(local.out(), remote.out(), "a named query answers the same over the endpoint as in memory");

            // jena-text and Lucene register through ServiceLoader files, which the shaded jar must keep.
            String found = select((String) server[1],
                "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query \"dunky\" }", "text/csv");
            assertTrue(found.contains("https://w3id.org/pakmig/id/route/dunki-land-route"), found);
            String site = ((String) server[1]).replace("/pakmig/sparql", "");
            for (String page : List.of("/", "/search?q=dunky", "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js",
                                       "/id/route/dunki-land-route", "/pictures/timeline.png")) {
                HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(site + page)).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, response.statusCode(), page);
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void validatesTheShippedGraph(@TempDir Path elsewhere) throws Exception {
        Run r = run(elsewhere, "validate");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("No problems."), r.out());
        assertTrue(r.out().contains("inferred"), r.out());
    }

    @Test
    void exportsOneGraphOrAll(@TempDir Path elsewhere) throws Exception {
        Run ontology = run(elsewhere, "export", "--format", "nq", "--graph", "ontology");
        assertEquals(0, ontology.exit(), ontology.err());
        assertTrue(ontology.out().contains("<https://w3id.org/pakmig/ontology> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            + "<http://www.w3.org/2002/07/owl#Ontology> <https://w3id.org/pakmig/graph/ontology> ."));
        Run all = run(elsewhere, "export", "--format", "trig");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().contains("<https://w3id.org/pakmig/graph/inferred>"), "inferred graph exported");
        Run bad = run(elsewhere, "export", "--graph", "nope");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("no graph named 'nope'") && bad.err().contains("doc-002"), bad.err());
    }

    @Test
    void aBrokenDataFileStopsTheBuildWithFileAndLine(@TempDir Path dir) throws Exception {
        Path checkout = copyOfCheckout(dir);
        Files.writeString(checkout.resolve("data/doc-003/zz-broken.ttl"),
            "@prefix pm: <https://w3id.org/pakmig/ontology#> .\n\n<https://w3id.org/pakmig/id/place/x> a pm:City\n"
            + "    pm:locatedIn <https://w3id.org/pakmig/id/place/pakistan> .\n");
        Run r = run(dir, "validate", "--source", checkout.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/doc-003/zz-broken.ttl:4"), r.err());
    }

    @Test
    void aShapeViolationNamesFileLineAndTerm(@TempDir Path dir) throws Exception {
        Path checkout = copyOfCheckout(dir);
        Files.writeString(checkout.resolve("data/doc-003/zz-broken.ttl"), """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix place: <https://w3id.org/pakmig/id/place/> .

            place:nowhere-town a pm:City ;
                rdfs:label "Nowhere"@en , "Nowhere Town"@en .
            """);
        Run r = run(dir, "validate", "--source", checkout.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/doc-003/zz-broken.ttl:5: place:nowhere-town"), r.err());
    }

    @Test
    void buildWritesADatabaseAtomicallyAndServeReadsIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Run built = run(dir, "build", "--db", db.toString());
        assertEquals(0, built.exit(), built.err());
        List<String> before = listing(db);

        Path checkout = copyOfCheckout(dir);
        Files.writeString(checkout.resolve("data/doc-003/zz-broken.ttl"), "this is not turtle\n");
        Run failed = run(dir, "build", "--db", db.toString(), "--source", checkout.toString());
        assertEquals(1, failed.exit());
        assertEquals(before, listing(db), "a failed build leaves the database as it was");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".building-")), "no half-built directory left");
        }

        Object[] server = serve(dir, "--db", db.toString());
        Process p = (Process) server[0];
        try {
            assertTrue(select((String) server[1], DOC_TITLE_QUERY, "text/csv").contains("Gujrat District Immigrants"));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyCommandHasHelpAndUnknownOptionsAreRefused(@TempDir Path elsewhere) throws Exception {
        for (String command : List.of("serve", "build", "validate", "export", "query")) {
            Run help = run(elsewhere, command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith("Usage: java -jar pakmig.jar " + command), help.out());
        }
        Run typo = run(elsewhere, "serve", "--prot", "8080");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("unknown option --prot") && typo.err().contains("--port"), typo.err());
    }

    @Test
    void runsNamedQueriesWithParameters(@TempDir Path elsewhere) throws Exception {
        Run list = run(elsewhere, "query", "--list");
        assertEquals(0, list.exit(), list.err());
        String first = list.out().lines().findFirst().orElseThrow().split("\\s+")[0];
        Run csv = run(elsewhere, "query", first, "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(csv.out().lines().count() > 1, csv.out());
        Run unknown = run(elsewhere, "query", first, "--param", "nonsense=1");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("has no parameter 'nonsense'"), unknown.err());
        Run missing = run(elsewhere, "query", "no-such-query");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("Valid names:") && missing.err().contains(first), missing.err());
    }

    private static Path copyOfCheckout(Path dir) throws IOException {
        Path checkout = RealGraph.copyOfSources(dir);
        Files.createDirectories(checkout.resolve("data/doc-003"));
        return checkout;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
