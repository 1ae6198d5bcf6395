package org.w3id.pakmig.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.validate.Problem;

/**
 * Broken data files (fixtures in src/test/resources/broken/) are reported with file, line and
 * term, each problem once; files that are not UTF-8 Turtle text are refused with one line.
 */
class BrokenFilesTest {
    private static final String PLACE = "https://w3id.org/pakmig/id/place/";

    /**
     * The real ontology, queries, sources and the places of one document (enough context for
     * the fixtures' links), plus {@code fixtures} copied into data/doc-009/.
     */
    private static SourceTree treeWith(Path dir, String... fixtures) throws IOException {
        SourceTree.copyDirectory(Path.of("ontology"), dir.resolve("ontology"));
        SourceTree.copyDirectory(Path.of("queries"), dir.resolve("queries"));
        Files.createDirectories(dir.resolve("data/doc-000"));
        Files.copy(Path.of("data/sources.ttl"), dir.resolve("data/sources.ttl"));
        Files.copy(Path.of("data/doc-000/places.ttl"), dir.resolve("data/doc-000/places.ttl"));
        Files.createDirectories(dir.resolve("data/doc-009"));
        for (String fixture : fixtures) {
            Files.copy(Path.of("src/test/resources/broken", fixture), dir.resolve("data/doc-009").resolve(fixture));
        }
        return SourceTree.directory(dir);
    }

    /** The problems {@code check} found in the fixtures (the partial context has problems of its own). */
    private static List<Problem> about(List<Problem> problems, String check) {
        return problems.stream().filter(p -> p.check().contains(check))
                       .filter(p -> p.location().startsWith("data/doc-009/")).toList();
    }

    @Test
    void eachProblemIsReportedOnceAtItsLine(@TempDir Path dir) throws IOException {
        GraphBuild.Result result = GraphBuild.run(
            treeWith(dir, "undeclared-property.ttl", "dangling-iri.ttl", "wrong-datatype.ttl"));

        List<Problem> undeclared = about(result.problems(), "undeclared-term");
        assertEquals(1, undeclared.size(), undeclared.toString());
        assertEquals("data/doc-009/undeclared-property.ttl:11", undeclared.get(0).location());
        assertEquals("pm:locatedin", undeclared.get(0).term());

        List<Problem> dangling = about(result.problems(), "dangling-iri");
        assertEquals(1, dangling.size(), dangling.toString());
        assertEquals("data/doc-009/dangling-iri.ttl:12", dangling.get(0).location());
        assertEquals("place:punjaab", dangling.get(0).term());

        // A shape and a check query both catch the quoted year: one report, at the year's line.
        List<Problem> year = result.problems().stream()
            .filter(p -> p.location().startsWith("data/doc-009/wrong-datatype.ttl")).toList();
        assertEquals(1, year.size(), year.toString());
        assertEquals("data/doc-009/wrong-datatype.ttl:12", year.get(0).location());
        assertEquals("law:test-act", year.get(0).term());
    }

    private static LoadException refused(Path dir, String fixture) throws IOException {
        Files.createDirectories(dir.resolve("ontology"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("ontology/pakmig.ttl"), dir.resolve("ontology/pakmig.ttl"));
        Files.copy(Path.of("src/test/resources/broken", fixture), dir.resolve("data/doc-009.ttl"));
        return assertThrows(LoadException.class, () -> DatasetLoader.load(SourceTree.directory(dir)));
    }

    @Test
    void aByteOrderMarkIsNamed(@TempDir Path dir) throws IOException {
        LoadException e = refused(dir, "bom.ttl");
        assertEquals("data/doc-009.ttl", e.file());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("byte-order mark"), e.getMessage());
        assertTrue(e.getMessage().contains("without BOM"), e.getMessage());
    }

    @Test
    void aBinaryFileIsNamed(@TempDir Path dir) throws IOException {
        LoadException e = refused(dir, "binary.ttl");
        assertTrue(e.getMessage().startsWith("data/doc-009.ttl:"), e.getMessage());
        assertTrue(e.getMessage().contains("byte 8 is a NUL byte: this is a binary file"), e.getMessage());
    }

    @Test
    void aLatin1FileIsNamedWithLineAndByte(@TempDir Path dir) throws IOException {
        LoadException e = refused(dir, "latin1.ttl");
        assertEquals(4, e.line());
        int offset = new String(Files.readAllBytes(Path.of("src/test/resources/broken/latin1.ttl")),
                                StandardCharsets.ISO_8859_1).indexOf('\u00f1');
        assertTrue(e.getMessage().contains("byte " + offset + " (0xF1) is not UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ontology"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("ontology/pakmig.ttl"), dir.resolve("ontology/pakmig.ttl"));
        Path file = Files.writeString(dir.resolve("data/doc-009.ttl"), "# nothing\n");
        if (!file.toFile().setReadable(false) || Files.isReadable(file)) {
            return; // running as root: every file is readable, nothing to test
        }
        LoadException e = assertThrows(LoadException.class, () -> DatasetLoader.load(SourceTree.directory(dir)));
        assertEquals("data/doc-009.ttl: cannot be read (permission denied); make it readable", e.getMessage());
    }

    /**
     * A generated file of about 20 MB with a dangling link on every resource: every one of the
     * tens of thousands of problems is located at its own line. Rescanning the file per problem,
     * as the loader once did, would take hours here; an index built while parsing takes seconds.
     */
    @Test
    void problemsInALargeFileAreAllLocated(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ontology"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("ontology/pakmig.ttl"), dir.resolve("ontology/pakmig.ttl"));
        Path file = dir.resolve("data/doc-009.ttl");
        int resources = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("@prefix pm: <https://w3id.org/pakmig/ontology#> .\n");
            out.write("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n");
            out.write("@prefix place: <" + PLACE + "> .\n");
            // Resource i starts at line 4 + 5*i; its dangling link is on its fourth line.
            long written = 0;
            while (written < 20_000_000L) {
                String block = "\nplace:town-" + resources + " a pm:City ;\n"
                    + "    rdfs:label \"Town number " + resources + " in a generated test file\"@en ;\n"
                    + "    rdfs:comment \"Padding so that the file reaches its size: " + "x".repeat(40) + "\" ;\n"
                    + "    pm:locatedIn place:nowhere-" + resources + " .\n";
                out.write(block);
                written += block.length();
                resources++;
            }
        }
        assertTrue(Files.size(file) > 19_000_000L, "generated " + Files.size(file) + " bytes");

        long start = System.nanoTime();
        DatasetLoader.Loaded loaded = DatasetLoader.load(SourceTree.directory(dir));
        SourceIndex index = loaded.index();
        Node locatedIn = NodeFactory.createURI("https://w3id.org/pakmig/ontology#locatedIn");
        for (int i = 0; i < resources; i++) {
            Node town = NodeFactory.createURI(PLACE + "town-" + i);
            Node nowhere = NodeFactory.createURI(PLACE + "nowhere-" + i);
            int first = 5 + 5 * i;
            assertEquals("data/doc-009.ttl:" + first, index.locate(town));
            assertEquals("data/doc-009.ttl:" + (first + 3), index.locate(nowhere));
            assertEquals("data/doc-009.ttl:" + (first + 3), index.locate(Triple.create(town, locatedIn, nowhere)));
        }
        System.out.printf("Loaded %,d bytes and located %,d problems in %,d ms%n",
                          Files.size(file), 2 * resources, (System.nanoTime() - start) / 1_000_000);
    }
}
