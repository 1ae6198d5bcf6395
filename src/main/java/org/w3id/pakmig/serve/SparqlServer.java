package org.w3id.pakmig.serve;

import java.util.function.Consumer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.web.WebPages;

/**
 * The embedded Fuseki server: dataset {@code /pakmig} with SPARQL query at
 * {@code /pakmig/sparql} (and {@code /pakmig/query}) and Graph Store read at
 * {@code /pakmig/get}; resource pages that make the graph's IRIs resolve ({@code /id/...},
 * {@code /ontology}); the web pages of {@link WebPages} (workbench at {@code /}, search,
 * pictures, {@code /api/queries}). Read-only: there is no
 * update or upload endpoint.
 */
public final class SparqlServer {
    public static final String DATASET = "/pakmig";

    private SparqlServer() {}

    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings) {
        return start(dataset, settings, QueryCatalogue.from(SourceTree.packaged()));
    }

    /** As {@link #start(DatasetGraph, ServerSettings)}, offering {@code catalogue} in the workbench and at {@code /api/queries}. */
    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings, QueryCatalogue catalogue) {
        return start(dataset, settings, catalogue, builder -> {});
    }

    /** As {@link #start(DatasetGraph, ServerSettings, QueryCatalogue)}, letting {@code extensions} add endpoints (contributions). */
    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings, QueryCatalogue catalogue,
                                     Consumer<FusekiServer.Builder> extensions) {
        // The server's settings live in a context of its own, layered over the dataset's:
        // writing them into the dataset's context would leak one server's timeout into every
        // other user of the same dataset (another server, a test, the query command).
        Context context = dataset.getContext().copy();
        context.set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        context.set(ARQ.httpServiceAllowed, settings.allowService());
        DatasetGraph served = new DatasetGraphWrapper(dataset, context);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.localhostOnly())
                .enableCors(true, null)
                .add(DATASET, served, false)
                .addServlet("/id/*", new ResourcePageServlet(served))
                .addServlet("/ontology", new ResourcePageServlet(served));
        new WebPages(served, catalogue).addTo(builder);
        extensions.accept(builder);
        return builder.build().start();
    }

    /** The query endpoint URL of a started server, as printed in the ready line. */
    public static String queryUrl(FusekiServer server) {
        return "http://localhost:" + server.getPort() + DATASET + "/sparql";
    }
}
