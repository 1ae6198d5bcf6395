package org.w3id.pakmig.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.SourceIndex;

/**
 * The shapes accept the real data and a clean fixture, and reject each broken fixture
 * (one defect per file) with a violation on the faulty resource.
 */
class ShapeValidatorTest {
    private static final Path FIXTURES = Path.of("src/test/resources/shapes");

    private static List<Problem> validate(Path fixture) {
        Graph graph = GraphFactory.createGraphMem();
        for (Path file : List.of(Path.of("ontology/pakmig.ttl"), Path.of("data/sources.ttl"),
                                 FIXTURES.resolve("context.ttl"), fixture)) {
            RDFDataMgr.read(graph, file.toString());
        }
        Graph shapes = RDFDataMgr.loadGraph("ontology/shapes.ttl");
        return new ShapeValidator(shapes).validate(graph, new SourceIndex());
    }

    static Stream<Path> brokenFixtures() throws IOException {
        return Files.list(FIXTURES.resolve("broken")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void rejectsEachBrokenFixture(Path fixture) {
        List<Problem> problems = validate(fixture);
        assertFalse(problems.stream().noneMatch(p -> p.term().contains("/id/test/bad")),
                    () -> fixture + " passed the shapes; problems: " + problems);
    }

    @Test
    void acceptsTheCleanFixture() {
        assertEquals(List.of(), validate(FIXTURES.resolve("valid.ttl")));
    }

    @Test
    void acceptsTheRealData() {
        List<Problem> shapeProblems = RealGraph.build().problems().stream()
            .filter(p -> p.check().startsWith("shapes.ttl")).toList();
        assertEquals(List.of(), shapeProblems);
    }
}
