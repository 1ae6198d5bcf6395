package org.w3id.pakmig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;

/**
 * The real graph, built once per test JVM from this checkout's ontology/, data/ and queries/
 * exactly as {@code serve} builds it.
 */
public final class RealGraph {
    private static GraphBuild.Result result;

    private RealGraph() {}

    public static SourceTree sources() {
        return SourceTree.directory(Path.of("").toAbsolutePath());
    }

    public static synchronized GraphBuild.Result build() {
        if (result == null) {
            result = GraphBuild.run(sources());
        }
        return result;
    }

    public static DatasetGraph dataset() {
        return build().dataset();
    }

    /** Runs a SELECT on the built dataset (default graph = union of all graphs). */
    public static List<Binding> select(String sparql) {
        Query query = QueryFactory.create(sparql);
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset()).query(query).build()) {
            exec.select().forEachRemaining(rows::add);
        }
        return rows;
    }

    /**
     * A copy of this checkout's {@code ontology/}, {@code data/} and {@code queries/} in
     * {@code dir/checkout}, for tests that change or add source files.
     */
    public static Path copyOfSources(Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        for (String top : List.of("ontology", "data", "queries")) {
            SourceTree.copyDirectory(Path.of(top), checkout.resolve(top));
        }
        return checkout;
    }

    /** Parses a Turtle snippet (test input). */
    public static Graph turtle(String text) {
        Graph graph = GraphFactory.createGraphMem();
        RDFParser.fromString(text, Lang.TURTLE).parse(graph);
        return graph;
    }
}
