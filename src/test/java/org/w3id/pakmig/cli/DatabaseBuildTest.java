package org.w3id.pakmig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.store.DatabaseDirectory;
import org.w3id.pakmig.store.ServedDatabase;
import org.w3id.pakmig.store.DatasetWriter;
import org.w3id.pakmig.store.TdbStore;
import org.w3id.pakmig.validate.Problem;
import org.w3id.pakmig.vocab.PM;

/**
 * {@code build --db} builds graph by graph into TDB2 and validates, reasons and checks there;
 * the in-memory build ({@link GraphBuild#run}) does it all in the heap. Both must give the same
 * graphs and the same problems, on the real checkout and on broken fixtures.
 */
class DatabaseBuildTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static DatabaseBuild.Result buildInto(Path db, SourceTree tree) {
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(db)) {
            return DatabaseBuild.run(tree, target, QUIET);
        }
    }

    /**
     * Compared with the database the in-memory build writes (not with the in-memory dataset
     * itself: TDB2 stores numbers and dates by value, so {@code "1.50"^^xsd:decimal} reads
     * back as {@code "1.5"} whichever way it was written).
     */
    @Test
    void theDatabaseHoldsTheGraphsOfTheInMemoryBuild(@TempDir Path dir) {
        GraphBuild.Result memory = RealGraph.build();
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(dir.resolve("from-memory"))) {
            DatasetWriter.write(memory.dataset(), target);
        }
        DatabaseBuild.Result built = buildInto(dir.resolve("db"), RealGraph.sources());
        assertTrue(built.ok(), built.problems().toString());
        assertEquals(memory.triplesPerGraph(), built.triplesPerGraph());

        try (ServedDatabase expected = TdbStore.open(dir.resolve("from-memory"));
             ServedDatabase actual = TdbStore.open(dir.resolve("db"))) {
            DatasetGraph a = expected.tdb();
            DatasetGraph b = actual.tdb();
            Txn.executeRead(a, () -> Txn.executeRead(b, () -> {
                assertEquals(graphNames(a), graphNames(b));
                assertTrue(graphNames(b).containsAll(Set.of("ontology", "doc-000", "doc-000-citations", "inferred")));
                for (String name : graphNames(a)) {
                    assertSame(name, a.getGraph(PM.graph(name)), b.getGraph(PM.graph(name)));
                }
                assertSame("the default graph", a.getDefaultGraph(), b.getDefaultGraph());
            }));
        }
    }

    private static Set<String> graphNames(DatasetGraph dataset) {
        Set<String> names = new TreeSet<>();
        for (Node g : Iter.toList(dataset.listGraphNodes())) {
            if (!dataset.getGraph(g).isEmpty()) {
                names.add(PM.graphName(g));
            }
        }
        return names;
    }

    private static void assertSame(String name, Graph expected, Graph actual) {
        Graph a = GraphFactory.createGraphMem();
        Graph b = GraphFactory.createGraphMem();
        GraphUtil.addInto(a, expected);
        GraphUtil.addInto(b, actual);
        assertEquals(a.size(), b.size(), name + ": size");
        assertTrue(a.isIsomorphicWith(b), name + ": the same triples (blank nodes aside)");
    }

    /** The ontology, the checks, the sources and one document's places, with broken fixtures in doc-009. */
    @Test
    void brokenFilesGiveTheProblemsOfTheInMemoryBuild(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        SourceTree.copyDirectory(Path.of("ontology"), checkout.resolve("ontology"));
        SourceTree.copyDirectory(Path.of("queries"), checkout.resolve("queries"));
        Files.createDirectories(checkout.resolve("data/doc-000"));
        Files.copy(Path.of("data/sources.ttl"), checkout.resolve("data/sources.ttl"));
        Files.copy(Path.of("data/doc-000/places.ttl"), checkout.resolve("data/doc-000/places.ttl"));
        Path fixtures = Files.createDirectories(checkout.resolve("data/doc-009"));
        for (String fixture : List.of("undeclared-property.ttl", "dangling-iri.ttl", "wrong-datatype.ttl")) {
            Files.copy(Path.of("src/test/resources/broken", fixture), fixtures.resolve(fixture));
        }
        SourceTree tree = SourceTree.directory(checkout);
        List<String> inMemory = GraphBuild.run(tree).problems().stream().map(Problem::toString).toList();
        DatabaseBuild.Result built = buildInto(dir.resolve("db"), tree);

        assertFalse(inMemory.isEmpty(), "the fixtures are broken");
        assertTrue(inMemory.stream().anyMatch(p -> p.startsWith("data/doc-009/undeclared-property.ttl:11: ")), inMemory.toString());
        assertEquals(inMemory, built.problems().stream().map(Problem::toString).toList());
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(dir.resolve("db"))) {
            assertFalse(target.hasDatabase(), "a build with problems switches to nothing");
        }
        try (var left = Files.list(dir.resolve("db"))) {
            assertEquals(List.of("lock"), left.map(p -> p.getFileName().toString()).toList(), "its generation is removed");
        }
    }
}
