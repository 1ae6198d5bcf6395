package org.w3id.pakmig.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * The embedded Fuseki server: dataset {@code /pakmig} with SPARQL query at
 * {@code /pakmig/sparql} (and {@code /pakmig/query}) and Graph Store read at
 * {@code /pakmig/get}; resource pages that make the graph's IRIs resolve ({@code /id/...},
 * {@code /ontology}); a landing page with a query form at {@code /}. Read-only: there is no
 * update or upload endpoint.
 */
public final class SparqlServer {
    public static final String DATASET = "/pakmig";

    private SparqlServer() {}

    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings) {
        Context context = dataset.getContext();
        context.set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        context.set(ARQ.httpServiceAllowed, settings.allowService());
        FusekiServer server = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.localhostOnly())
                .enableCors(true, null)
                .add(DATASET, dataset, false)
                .addServlet("/id/*", new ResourcePageServlet(dataset))
                .addServlet("/ontology", new ResourcePageServlet(dataset))
                .addServlet("", new HomePageServlet())
                .build();
        return server.start();
    }

    /** The query endpoint URL of a started server, as printed in the ready line. */
    public static String queryUrl(FusekiServer server) {
        return "http://localhost:" + server.getPort() + DATASET + "/sparql";
    }
}
