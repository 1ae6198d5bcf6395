package org.w3id.pakmig.serve;

import java.util.function.Consumer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.web.WebPages;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.web.ContextServlet;
import org.w3id.pakmig.web.DescriptionServlet;
import org.w3id.pakmig.web.DumpServlet;
import org.w3id.pakmig.web.HxlServlet;
import org.w3id.pakmig.web.OntologyServlet;
import org.w3id.pakmig.web.Templates;
import org.w3id.pakmig.web.ServiceDescriptionFilter;

/**
 * The embedded Fuseki server: dataset {@code /pakmig} with SPARQL query at
 * {@code /pakmig/sparql} (and {@code /pakmig/query}) and Graph Store read at
 * {@code /pakmig/get}; resource pages that make the graph's IRIs resolve ({@code /id/...},
 * {@code /ontology}, {@code /graph/...}, {@code /dataset}); dumps, the JSON-LD context and
 * the service description; the web pages of {@link WebPages} (workbench at {@code /}, search,
 * pictures, {@code /api/queries}). Read-only: there is no update or upload endpoint unless
 * contributions are switched on (see {@code serve --auth}). Hardened for public use: see
 * {@link GuardedQueryService}, {@link QueryAdmission}, {@link SafeHeaders} and {@link JettyLimits}.
 */
public final class SparqlServer {
    public static final String DATASET = "/pakmig";

    private SparqlServer() {}

    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings) {
        return start(dataset, settings, QueryCatalogue.from(SourceTree.packaged()));
    }

    /** As {@link #start(DatasetGraph, ServerSettings)}, offering {@code catalogue} in the workbench and at {@code /api/queries}. */
    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings, QueryCatalogue catalogue) {
        return start(dataset, settings, catalogue, Publication.of(dataset, settings.baseUrl()), builder -> {});
    }

    /** As {@link #start(DatasetGraph, ServerSettings)}, describing the dataset as {@code publication}. */
    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings, Publication publication) {
        return start(dataset, settings, QueryCatalogue.from(SourceTree.packaged()), publication, builder -> {});
    }

    /**
     * The server with everything: {@code catalogue} in the workbench and at {@code /api/queries},
     * {@code publication} for the dataset description and dumps, and {@code extensions} adding
     * endpoints (contributions).
     */
    public static FusekiServer start(DatasetGraph dataset, ServerSettings settings, QueryCatalogue catalogue,
                                     Publication publication, Consumer<FusekiServer.Builder> extensions) {
        // The server's settings live in a context of its own, layered over the dataset's:
        // writing them into the dataset's context would leak one server's timeout into every
        // other user of the same dataset (another server, a test, the query command).
        Context context = dataset.getContext().copy();
        // Kept for anything else that runs queries on the served dataset; the query endpoint
        // does not depend on it (see QueryWatchdog).
        context.set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        context.set(ARQ.httpServiceAllowed, settings.allowService());
        DatasetGraph served = new DatasetGraphWrapper(dataset, context);
        Templates templates = new Templates();
        DescriptionServlet descriptions = new DescriptionServlet(served, publication, templates);
        OntologyServlet ontology = new OntologyServlet(served, publication, templates);
        ServiceDescriptionFilter serviceDescription = new ServiceDescriptionFilter(served, publication);
        QueryWatchdog watchdog = new QueryWatchdog();
        GuardedQueryService query = new GuardedQueryService(settings, watchdog);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.localhostOnly())
                .numServerThreads(2, JettyLimits.threads(settings.limits()))
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, query)
                .addFilter("/*", new AccessLog())
                .addFilter("/*", new SafeHeaders())
                .addFilter("/*", new PageTimeouts())
                .addFilter(DATASET + "/*", new QueryAdmission(settings.limits(), settings.queryTimeout()))
                .add(DATASET, served, false)
                .addFilter(DATASET + "/sparql", serviceDescription)
                .addFilter(DATASET + "/query", serviceDescription)
                .addServlet("/id/*", new ResourcePageServlet(served, publication))
                .addServlet("/ontology", ontology)
                .addServlet("/ontology/*", ontology)
                .addServlet("/graph/*", descriptions)
                .addServlet("/dataset", descriptions)
                .addServlet("/.well-known/void", descriptions)
                .addServlet("/dumps/*", new DumpServlet(publication.dumps()))
                .addServlet("/context.jsonld", new ContextServlet(publication))
                .addServlet("/export/*", new HxlServlet(served));
        new WebPages(served, catalogue).addTo(builder);
        extensions.accept(builder);
        FusekiServer server = builder.build();
        JettyLimits.apply(server.getJettyServer(), settings.limits(), watchdog);
        return server.start();
    }

    /** The query endpoint URL of a started server, as printed in the ready line. */
    public static String queryUrl(FusekiServer server) {
        return "http://localhost:" + server.getPort() + DATASET + "/sparql";
    }
}
