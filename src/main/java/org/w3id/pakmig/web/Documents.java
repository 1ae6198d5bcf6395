package org.w3id.pakmig.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** The source documents by identifier (doc-002), for citing them by name on the pages. */
final class Documents {
    private final Map<String, Binding> byIdentifier = new LinkedHashMap<>();

    Documents(PageQueries queries) {
        for (Binding row : queries.select("documents", Map.of())) {
            byIdentifier.putIfAbsent(row.get(Var.alloc("identifier")).getLiteralLexicalForm(), row);
        }
    }

    /** A link to the document {@code identifier}, labelled with the identifier and titled with the document's title. */
    Link link(String identifier, String root) {
        Binding row = byIdentifier.get(identifier);
        if (row == null) {
            return new Link(identifier, null, null);
        }
        String iri = row.get(Var.alloc("document")).getURI();
        return new Link(identifier, root + Links.page(row.get(Var.alloc("document"))),
                        iri + " : " + row.get(Var.alloc("title")).getLiteralLexicalForm());
    }
}
