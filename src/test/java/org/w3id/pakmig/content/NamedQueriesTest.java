package org.w3id.pakmig.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.pakmig.ExpectedRows;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;

/**
 * Every analyst query in queries/ runs on the real graph with its default parameters,
 * returns rows with the documented columns in a stable order, and includes the key answers
 * listed in queries/expected/NAME.tsv.
 */
class NamedQueriesTest {

    static Stream<NamedQuery> catalogue() {
        return QueryCatalogue.from(RealGraph.sources()).all().stream();
    }

    static Stream<Named<NamedQuery>> namedCatalogue() {
        return catalogue().map(q -> Named.of(q.name(), q));
    }

    private static List<Binding> run(Query query) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(RealGraph.dataset()).query(query).build()) {
            exec.select().forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void theCatalogueHasAtLeastThirtyQueries() {
        assertTrue(catalogue().count() >= 30, "queries in the catalogue: " + catalogue().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedCatalogue")
    void returnsItsKeyAnswers(NamedQuery named) throws IOException {
        Query query = named.bind(Map.of());
        assertTrue(query.isSelectType(), "a SELECT query");
        assertTrue(query.hasOrderBy(), "ends with ORDER BY so output is stable");
        assertEquals(named.columns(), query.getResultVars(), "# columns: matches the SELECT");

        Path expectedFile = Path.of("queries/expected", named.name() + ".tsv");
        assertTrue(Files.exists(expectedFile), "no expected rows file " + expectedFile);
        ExpectedRows expected = ExpectedRows.read(expectedFile);
        assertTrue(expected.size() > 0, expectedFile + " lists no rows");

        List<Binding> rows = run(query);
        assertFalse(rows.isEmpty(), named.name() + " returned no rows");
        assertEquals(List.of(), expected.missingFrom(rows), "key answers missing from " + named.name());
    }

    @Test
    void unknownParametersAreRefusedWithTheValidNames() {
        NamedQuery first = catalogue().filter(q -> !q.parameters().isEmpty()).findFirst().orElseThrow();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> first.bind(Map.of("nonsense", "1")));
        assertTrue(e.getMessage().contains(first.parameters().get(0).name()), e.getMessage());
    }

    @Test
    void theReadmeShowsACatalogueQueryVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<NamedQuery> shown = catalogue().filter(q -> readme.contains("queries/" + q.name() + ".rq")).toList();
        assertFalse(shown.isEmpty(), "the README names a query of the catalogue");
        NamedQuery example = shown.get(0);
        String body = Files.readString(Path.of("queries", example.name() + ".rq")).lines()
            .filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n").strip();
        assertTrue(readme.contains(body), "the README's example is the text of queries/" + example.name() + ".rq");
    }
}
