package org.w3id.pakmig.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.pakmig.ExpectedRows;
import org.w3id.pakmig.RealGraph;

/**
 * The catalogue queries rewritten for speed answer exactly what they answered before (kept in
 * test resources) on the real graph: the same rows, with the same datatypes and language tags,
 * in the same order of their ORDER BY keys. Lists inside a cell (GROUP_CONCAT) are compared as
 * sets, and rows with equal keys in any order: neither order was ever defined.
 */
class QueryRewritesTest {

    @ParameterizedTest
    @ValueSource(strings = {"issues-and-responses", "routes-overview", "drivers-per-district", "documents-overview",
                            "organisations-by-type", "factors-shared-across-documents", "issues-facing-migrants-in-place",
                            "cooperation-network", "events-timeline", "migrant-groups",
                            "laws-by-year"})
    void rewrittenQueryGivesTheSameAnswersAsBefore(String name) throws IOException {
        String before;
        try (InputStream in = QueryRewritesTest.class.getResourceAsStream("before/" + name + ".rq")) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String now = Files.readString(RealGraph.sources().resolve("queries/" + name + ".rq"), StandardCharsets.UTF_8);

        // Parameters at their defaults, as the catalogue runs them.
        List<Binding> expected = RealGraph.select(NamedQuery.parse(name, before).bind(Map.of()).toString());
        List<Binding> actual = RealGraph.select(NamedQuery.parse(name, now).bind(Map.of()).toString());

        assertFalse(expected.isEmpty(), name + " answers something on the real graph");
        assertEquals(normalised(expected), normalised(actual));
        Query rewritten = QueryFactory.create(now);
        assertEquals(QueryFactory.create(before).getOrderBy(), rewritten.getOrderBy(), name + " sorts by the same keys");
        List<Var> keys = orderKeys(rewritten);
        assertEquals(keyed(expected, keys), keyed(actual, keys), name + " rows come in the same order");
    }

    /** The variables the query sorts by (the catalogue sorts by variables only). */
    private static List<Var> orderKeys(Query query) {
        List<Var> keys = new ArrayList<>();
        if (query.getOrderBy() != null) {
            for (SortCondition condition : query.getOrderBy()) {
                keys.add(condition.getExpression().asVar());
            }
        }
        return keys;
    }

    /** Each row's sort keys, in the order the rows came. */
    private static List<String> keyed(List<Binding> rows, List<Var> keys) {
        List<String> out = new ArrayList<>();
        for (Binding row : rows) {
            List<String> cells = new ArrayList<>();
            for (Var key : keys) {
                cells.add(row.contains(key) ? cell(row.get(key)) : "(unbound)");
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    private static List<String> normalised(List<Binding> rows) {
        List<String> out = new ArrayList<>();
        for (Binding row : rows) {
            TreeMap<String, String> cells = new TreeMap<>();
            row.vars().forEachRemaining((Var v) -> cells.put(v.getVarName(), cell(row.get(v))));
            out.add(cells.toString());
        }
        out.sort(null);
        return out;
    }

    /** A cell's text with its list items sorted, then its datatype or language tag. */
    private static String cell(Node value) {
        String[] items = ExpectedRows.lexical(value).split("; |, ");
        Arrays.sort(items);
        String kind = !value.isLiteral() ? "" : value.getLiteralLanguage().isEmpty()
            ? "^^" + value.getLiteralDatatypeURI() : "@" + value.getLiteralLanguage();
        return String.join("|", items) + kind;
    }
}
