package org.w3id.pakmig.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.query.NamedQuery;

/**
 * The SPARQL queries that say what each page shows, kept beside the code in {@code queries/}
 * with the same header as the analyst catalogue, and bound the same way ({@link NamedQuery#bind}):
 * values become RDF terms, never query text.
 */
final class PageQueries {
    private final DatasetGraph dataset;
    private final Map<String, NamedQuery> loaded = new ConcurrentHashMap<>();

    PageQueries(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** Rows of the page query {@code name} with the given parameter values (in the query's own syntax, e.g. {@code <iri>}). */
    List<Binding> select(String name, Map<String, String> values) {
        Query query = loaded.computeIfAbsent(name, PageQueries::load).bind(values);
        return Txn.calculateRead(dataset, () -> {
            List<Binding> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(rows::add);
            }
            return rows;
        });
    }

    /** A resource as a parameter value. */
    static String iri(Node node) {
        return "<" + node.getURI() + ">";
    }

    private static NamedQuery load(String name) {
        String resource = "queries/" + name + ".rq";
        try (InputStream in = PageQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("page query " + resource + " is missing from the jar");
            }
            return NamedQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
