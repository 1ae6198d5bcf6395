package org.w3id.pakmig.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.vocab.PM;

class DatasetLoaderTest {

    @Test
    void filesMapToGraphsByName() {
        assertEquals("doc-002", DatasetLoader.graphNameFor("data/doc-002.ttl"));
        assertEquals("doc-002", DatasetLoader.graphNameFor("data/doc-002/routes.ttl"));
        assertEquals("sources", DatasetLoader.graphNameFor("data/sources/doc-001.ttl"));
        assertEquals("sources", DatasetLoader.graphNameFor("data/sources.ttl"));
    }

    @Test
    void realFilesLoadIntoOneGraphPerDocument() {
        DatasetLoader.Loaded loaded = DatasetLoader.load(RealGraph.sources());
        Set<String> names = new HashSet<>();
        loaded.dataset().listGraphNodes().forEachRemaining(g -> names.add(PM.graphName(g)));
        assertTrue(names.containsAll(Set.of("ontology", "sources", "doc-000", "doc-001", "doc-002", "doc-003")), names.toString());
        for (String name : names) {
            assertTrue(loaded.dataset().getGraph(PM.graph(name)).size() > 0, name + " is empty");
        }
        assertTrue(loaded.dataset().getDefaultGraph().isEmpty(), "the loader fills named graphs only");
    }

    @Test
    void theIndexLocatesAResourceInItsFile() {
        DatasetLoader.Loaded loaded = DatasetLoader.load(RealGraph.sources());
        Node route = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/pakmig/ontology#Route");
        assertTrue(loaded.index().locate(route).matches("ontology/pakmig\\.ttl:\\d+"), loaded.index().locate(route));
        assertEquals("pm:Route", loaded.index().shortName(route));
    }

    @Test
    void aSyntaxErrorNamesFileLineAndTerm(@TempDir Path dir) throws IOException {
        LoadException e = loadBroken(dir, """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .
            @prefix place: <https://w3id.org/pakmig/id/place/> .
            place:quetta a pm:City ;
                pm:locatedIn place:balochistan
            place:taftan a pm:BorderCrossing .
            """);
        assertEquals("data/doc-009.ttl", e.file());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith("data/doc-009.ttl:5:"), e.getMessage());
    }

    @Test
    void anUndefinedPrefixIsReportedWithItsName(@TempDir Path dir) throws IOException {
        LoadException e = loadBroken(dir, """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .

            plase:quetta a pm:City .
            """);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("plase"), e.getMessage());
    }

    @Test
    void aBadIriIsAnErrorNotAWarning(@TempDir Path dir) throws IOException {
        LoadException e = loadBroken(dir, """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .
            <https://w3id.org/pakmig/id/place/bad iri> a pm:City .
            """);
        assertEquals("data/doc-009.ttl", e.file());
    }

    /** Loads the real ontology plus {@code turtle} as data/doc-009.ttl, expecting the load to fail. */
    private static LoadException loadBroken(Path dir, String turtle) throws IOException {
        Files.createDirectories(dir.resolve("ontology"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("ontology/pakmig.ttl"), dir.resolve("ontology/pakmig.ttl"));
        Files.writeString(dir.resolve("data/doc-009.ttl"), turtle);
        return assertThrows(LoadException.class, () -> DatasetLoader.load(SourceTree.directory(dir)));
    }
}
