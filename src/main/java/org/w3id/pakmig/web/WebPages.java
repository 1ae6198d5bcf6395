package org.w3id.pakmig.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.pakmig.query.QueryCatalogue;

/**
 * The pages for people and scripts, added to the SPARQL server: the query workbench at
 * {@code /}, the query catalogue API at {@code /api/queries}, search at {@code /search},
 * pictures at {@code /pictures/...}, and the YASGUI and page assets they load.
 */
public final class WebPages {
    private final Templates templates = new Templates();
    private final DatasetGraph dataset;
    private final QueryCatalogue catalogue;

    public WebPages(DatasetGraph dataset, QueryCatalogue catalogue) {
        this.dataset = dataset;
        this.catalogue = catalogue;
    }

    /** Registers every page on {@code builder}. */
    public FusekiServer.Builder addTo(FusekiServer.Builder builder) {
        PageQueries queries = new PageQueries(dataset);
        Documents documents = new Documents(queries);
        return builder
            .addServlet("", new WorkbenchServlet(templates, catalogue))
            .addServlet("/search", new SearchServlet(templates, queries, documents))
            .addServlet("/pictures/*", new PictureServlet(templates, new Pictures(queries)))
            .addServlet("/api/queries/*", new QueryApiServlet(dataset, catalogue))
            .addServlet("/webjars/*", new AssetServlet("META-INF/resources/webjars/"))
            .addServlet("/static/*", new AssetServlet("org/w3id/pakmig/web/static/"));
    }
}
