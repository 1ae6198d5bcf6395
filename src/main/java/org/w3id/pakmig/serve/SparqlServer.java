package org.w3id.pakmig.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;

/**
 * The embedded Fuseki server: dataset {@code /pakmig} with SPARQL query at
 * {@code /pakmig/sparql} (and {@code /pakmig/query}) and Graph Store read at
 * {@code /pakmig/get}; resource pages that make the graph's IRIs resolve ({@code /id/...},
 * {@code /ontology}); a landing page with a query form at {@code /}. Read-only: there is no
 * update or upload endpoint. Hardened for public use: see {@link GuardedQueryService},
 * {@link QueryAdmission}, {@link SafeHeaders} and {@link JettyLimits}.
 */
public final class SparqlServer {
    public static final String DATASET = "/pakmig";

    private SparqlServer() {}

    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings) {
        // The server's settings live in a context of its own, layered over the dataset's:
        // writing them into the dataset's context would leak one server's timeout into every
        // other user of the same dataset (another server, a test, the query command).
        Context context = dataset.getContext().copy();
        // Kept for anything else that runs queries on the served dataset; the query endpoint
        // does not depend on it (see QueryWatchdog).
        context.set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        context.set(ARQ.httpServiceAllowed, settings.allowService());
        DatasetGraph served = new DatasetGraphWrapper(dataset, context);
        QueryWatchdog watchdog = new QueryWatchdog();
        GuardedQueryService query = new GuardedQueryService(settings, watchdog);
        FusekiServer server = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.localhostOnly())
                .numServerThreads(2, JettyLimits.threads(settings.limits()))
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, query)
                .addFilter("/*", new AccessLog())
                .addFilter("/*", new SafeHeaders())
                .addFilter(DATASET + "/*", new QueryAdmission(settings.limits(), settings.queryTimeout()))
                .add(DATASET, served, false)
                .addServlet("/id/*", new ResourcePageServlet(served))
                .addServlet("/ontology", new ResourcePageServlet(served))
                .addServlet("", new HomePageServlet())
                .build();
        JettyLimits.apply(server.getJettyServer(), settings.limits(), watchdog);
        return server.start();
    }

    /** The query endpoint URL of a started server, as printed in the ready line. */
    public static String queryUrl(FusekiServer server) {
        return "http://localhost:" + server.getPort() + DATASET + "/sparql";
    }
}
