package org.w3id.pakmig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.vocab.PM;

/**
 * The build for serving overlaps validation with reasoning and the search index with the
 * checks, and serves the graphs it built without copying them: it must find exactly what the
 * one-stage-at-a-time build finds and serve exactly the data that build made.
 */
class GraphBuildTest {
    @Test
    void overlappedBuildServesWhatTheStageByStageBuildMade() {
        GraphBuild.Result overlapped = RealGraph.build();
        GraphBuild.Result inTurn = GraphBuild.runInTurn(RealGraph.sources());
        assertTrue(overlapped.ok(), overlapped.problems().toString());
        assertEquals(inTurn.triplesPerGraph(), overlapped.triplesPerGraph());
        DatasetGraph served = overlapped.dataset();
        Txn.executeRead(served, () -> {
            assertEquals(graphs(inTurn.dataset()), graphs(served));
            for (Node g : graphs(inTurn.dataset())) {
                assertTrue(served.getGraph(g).isIsomorphicWith(inTurn.dataset().getGraph(g)), PM.graphName(g));
            }
            assertTrue(served.getDefaultGraph().isIsomorphicWith(inTurn.dataset().getDefaultGraph()));
            assertNotNull(served.getContext().get(TextQuery.textIndex), "the served dataset is searchable");
        });
    }

    @Test
    void overlappedBuildFindsTheSameProblems(@TempDir Path dir) throws IOException {
        // A shape violation (a year given as text), a check violation (a dangling IRI) and an
        // undeclared property, on top of the real files.
        Path checkout = RealGraph.copyOfSources(dir);
        Files.createDirectories(checkout.resolve("data/doc-009"));
        for (String fixture : List.of("undeclared-property.ttl", "dangling-iri.ttl", "wrong-datatype.ttl")) {
            Files.copy(Path.of("src/test/resources/broken", fixture), checkout.resolve("data/doc-009").resolve(fixture));
        }
        SourceTree tree = SourceTree.directory(checkout);
        GraphBuild.Result overlapped = GraphBuild.run(tree);
        GraphBuild.Result inTurn = GraphBuild.runInTurn(tree);
        assertFalse(overlapped.ok());
        assertTrue(overlapped.problems().stream().anyMatch(p -> p.check().startsWith("shapes.ttl")), overlapped.problems().toString());
        assertTrue(overlapped.problems().stream().anyMatch(p -> p.check().contains("dangling-iri")), overlapped.problems().toString());
        assertEquals(inTurn.problems(), overlapped.problems());
    }

    @Test
    void aGraphThatIsNotServedIsAbsentAndStaysAbsent() {
        DatasetGraph served = RealGraph.dataset();
        Node nope = PM.graph("no-such-graph");
        Txn.executeRead(served, () -> {
            assertTrue(served.getGraph(nope).isEmpty());
            assertFalse(served.containsGraph(nope));
            assertFalse(served.find(nope, Node.ANY, Node.ANY, Node.ANY).hasNext());
            assertFalse(served.find(new Quad(nope, Node.ANY, Node.ANY, Node.ANY)).hasNext());
            assertFalse(served.findNG(nope, Node.ANY, Node.ANY, Node.ANY).hasNext());
            assertFalse(served.contains(nope, Node.ANY, Node.ANY, Node.ANY));
            try (QueryExec exec = QueryExec.dataset(served)
                     .query("ASK { GRAPH <" + nope.getURI() + "> { ?s ?p ?o } }").build()) {
                assertFalse(exec.ask());
            }
            assertFalse(graphs(served).contains(nope), "asking for a graph does not create it");
            // Graphs that are there are found as before.
            Node doc = PM.graph("doc-000");
            assertTrue(served.find(doc, Node.ANY, Node.ANY, Node.ANY).hasNext());
            assertTrue(served.contains(doc, Node.ANY, Node.ANY, Node.ANY));
        });
    }

    private static Set<Node> graphs(DatasetGraph dataset) {
        Set<Node> names = new HashSet<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        return names;
    }
}
