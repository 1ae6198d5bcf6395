package org.w3id.pakmig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.store.ServedDatabase;
import org.w3id.pakmig.store.TdbStore;

/**
 * The --db lifecycle with the packaged jar in separate JVMs, as an operator meets it: builds
 * killed with kill -9 at several points never leave the database missing, a build is refused
 * while a server holds the database, and a busy port is one line before anything is built.
 */
class DatabaseLifecycleIT {
    private static final Path JAR = Path.of(System.getProperty("pakmig.jar", "target/pakmig.jar")).toAbsolutePath();
    private static final Pattern READY = Pattern.compile("pakmig ready: (http://localhost:(\\d+)/pakmig/sparql)");
    private static final String MARKER = "https://w3id.org/pakmig/id/place/lifecycle-test-town";

    private static ProcessBuilder java(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(Path workDir, String... args) throws Exception {
        Process p = java(workDir, args).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The checkout plus one valid resource, so a database shows whether it holds old or new data. */
    private static Path checkoutWithMarker(Path dir) throws IOException {
        Path checkout = RealGraph.copyOfSources(dir);
        Files.writeString(checkout.resolve("data/doc-003/zz-marker.ttl"), """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            <%s> a pm:City ;
                rdfs:label "Lifecycle Test Town"@en ;
                prov:wasDerivedFrom <https://w3id.org/pakmig/id/section/doc-003-introduction> .
            """.formatted(MARKER));
        return checkout;
    }

    /** Opens the database as `serve --db` does: null if it holds no data, else whether the marker is in it. */
    private static Boolean hasMarker(Path db) {
        try (ServedDatabase database = TdbStore.open(db)) {
            DatasetGraph dsg = database.dataset();
            return Txn.calculateRead(dsg, () -> {
                assertTrue(dsg.getDefaultGraph().size() > 1000, "the database holds the graph");
                return dsg.find(null, org.apache.jena.graph.NodeFactory.createURI(MARKER), null, null).hasNext();
            });
        }
    }

    /** Starts a build and kills it with SIGKILL {@code delayMillis} after it printed {@code line}. */
    private static void killBuild(Path dir, Path db, Path checkout, String line, long delayMillis) throws Exception {
        Process p = java(dir, "build", "--db", db.toString(), "--source", checkout.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String seen;
        while (line != null && (seen = out.readLine()) != null && !seen.startsWith(line)) {
            // wait for the stage to begin
        }
        Thread.sleep(delayMillis);
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        System.out.printf("build killed %d ms after %s (exit %d)%n", delayMillis,
                          line == null ? "it started" : "'" + line + "'", p.exitValue());
    }

    @Test
    void aBuildKilledAtAnyPointLeavesAReadableDatabase(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Run first = run(dir, "build", "--db", db.toString());
        assertEquals(0, first.exit(), first.err());
        assertEquals(Boolean.FALSE, hasMarker(db));

        Path checkout = checkoutWithMarker(dir);
        // Early in the build, then at two points after the bulk load, while the indexes are built and checked.
        killBuild(dir, db, checkout, null, 2000);
        assertEquals(Boolean.FALSE, hasMarker(db), "killed while building: the old data");
        for (long delay : new long[] {0, 800}) {
            killBuild(dir, db, checkout, "index:", delay);
            Boolean marker = hasMarker(db); // old or new data, never none
            System.out.println("  database after the kill holds the " + (marker ? "new" : "old") + " data");
        }

        Run again = run(dir, "build", "--db", db.toString(), "--source", checkout.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(Boolean.TRUE, hasMarker(db));
        try (Stream<Path> entries = Files.list(db)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), "what killed builds left was removed: " + names);
            assertTrue(names.contains("current") && names.contains("lock"), names.toString());
        }

        Process server = java(dir, "serve", "--db", db.toString(), "--port", "0", "--localhost")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String endpoint = readyUrl(server);
            String query = "ASK { <" + MARKER + "> a ?type }";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                           .header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("true"), answer.body());

            // While it serves: a build and a second server are refused at once, in one line.
            Run refused = run(dir, "build", "--db", db.toString());
            assertEquals(1, refused.exit());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("is in use by another pakmig process"), refused.err());
            assertFalse(refused.out().contains("Graphs (triples)"), "refused before building");

            int port = URI.create(endpoint).getPort();
            Run busy = run(dir, "serve", "--port", String.valueOf(port), "--localhost");
            assertEquals(1, busy.exit());
            assertEquals(1, busy.err().lines().count(), busy.err());
            assertTrue(busy.err().contains("port " + port + " is already in use"), busy.err());
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String readyUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("serve exited without its ready line");
    }
}
