package org.w3id.pakmig.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.vocab.PM;

/**
 * How the served graph is published as linked data: the public base URL (set with
 * {@code serve --base-url} for a server behind w3id or a proxy; otherwise the address the
 * request came to), the JSON-LD context, the dumps, and how RDF responses are written
 * (negotiated format, {@code Link} headers, CORS).
 *
 * @param configuredBaseUrl the public base URL without trailing slash, or null
 */
public record Publication(String configuredBaseUrl, JsonLdContext context, Dumps dumps) {
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("pm", PM.NS)
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .setNsPrefix("org", "http://www.w3.org/ns/org#")
        .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
        .setNsPrefix("void", "http://rdfs.org/ns/void#")
        .setNsPrefix("dcat", "http://www.w3.org/ns/dcat#")
        .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#")
        .setNsPrefix("spdx", "http://spdx.org/rdf/terms#")
        .lock();

    /** Everything a server needs to publish {@code dataset}: its context and its dumps (made now). */
    public static Publication of(DatasetGraph dataset, String configuredBaseUrl) {
        return of(dataset, configuredBaseUrl, Dumps.of(dataset));
    }

    /** As {@link #of(DatasetGraph, String)} with {@code dumps} made by the caller (perhaps later). */
    public static Publication of(DatasetGraph dataset, String configuredBaseUrl, Dumps dumps) {
        JsonLdContext context = Txn.calculateRead(dataset,
            () -> JsonLdContext.from(dataset.getGraph(PM.graph(PM.ONTOLOGY))));
        return new Publication(stripSlash(configuredBaseUrl), context, dumps);
    }

    private static String stripSlash(String url) {
        if (url == null) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The public base URL for a request: the configured one, or scheme, host and port asked for. */
    public String baseUrl(HttpServletRequest request) {
        if (configuredBaseUrl != null) {
            return configuredBaseUrl;
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host;
    }

    /**
     * {@code Link} header values for the document at {@code path}: one {@code rel="alternate"}
     * per format (each at {@code path?format=NAME}) and {@code rel="describedby"} pointing to
     * the dataset's description.
     */
    public static List<String> links(String path) {
        List<String> links = new ArrayList<>();
        for (ContentNegotiation.Choice c : ContentNegotiation.Choice.values()) {
            links.add("<" + path + "?format=" + c.shortName() + ">; rel=\"alternate\"; type=\"" + c.mediaType() + "\"");
        }
        links.add("</dataset>; rel=\"describedby\"; type=\"text/turtle\"");
        links.add("<" + PM.LICENCE + ">; rel=\"license\"");
        return links;
    }

    /** Headers every linked-data response carries, whatever its format. */
    public static void commonHeaders(HttpServletResponse response, String path) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Vary", "Accept");
        response.setHeader("Link", String.join(", ", links(path)));
    }

    /** Writes {@code graph} in the chosen RDF format; JSON-LD is compacted with the published context. */
    public void writeRdf(HttpServletRequest request, HttpServletResponse response, Graph graph,
                         ContentNegotiation.Choice choice) throws IOException {
        response.setContentType(choice.mediaType() + ";charset=utf-8");
        OutputStream out = response.getOutputStream();
        if (choice == ContentNegotiation.Choice.JSONLD) {
            out.write(context.compact(graph, baseUrl(request) + "/context.jsonld").getBytes(StandardCharsets.UTF_8));
            return;
        }
        graph.getPrefixMapping().setNsPrefixes(PREFIXES);
        RDFDataMgr.write(out, graph, choice.format());
    }

    /** The node for an IRI. */
    public static Node iri(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }
}
