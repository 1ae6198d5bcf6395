package org.w3id.pakmig.web;

import org.apache.jena.graph.Node;
import org.w3id.pakmig.vocab.PM;

/**
 * Links that work wherever the server is mounted: every page links relative to itself, so the
 * same pages serve at {@code http://localhost:3030/} and behind a proxy at {@code https://host/kg/}.
 */
final class Links {
    private Links() {}

    /** The relative path from the page at {@code requestUri} back to the server's root, e.g. {@code ../../}. */
    static String root(String requestUri) {
        int slashes = (int) requestUri.chars().filter(c -> c == '/').count();
        return slashes <= 1 ? "./" : "../".repeat(slashes - 1);
    }

    /**
     * Where the page for {@code node} is, relative to the root: {@code id/...} for the graph's
     * resources, {@code ontology#Term} for terms; other IRIs are returned as they are.
     */
    static String page(Node node) {
        if (node == null || !node.isURI()) {
            return null;
        }
        String iri = node.getURI();
        return iri.startsWith(PM.BASE) ? iri.substring(PM.BASE.length()) : iri;
    }

    /** Whether {@code page(node)} is a page of this server (so it is prefixed with the root). */
    static boolean local(Node node) {
        return node != null && node.isURI() && node.getURI().startsWith(PM.BASE);
    }

    /** The last segment of an IRI, as a fallback label. */
    static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }
}
