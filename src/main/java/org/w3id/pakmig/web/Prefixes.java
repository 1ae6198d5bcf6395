package org.w3id.pakmig.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.w3id.pakmig.vocab.PM;

/** The prefixes the workbench declares and completes, and uses to shorten IRIs in results. */
final class Prefixes {
    private Prefixes() {}

    static Map<String, String> all() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pm", PM.NS);
        p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("owl", "http://www.w3.org/2002/07/owl#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("skos", "http://www.w3.org/2004/02/skos/core#");
        p.put("dcterms", "http://purl.org/dc/terms/");
        p.put("prov", "http://www.w3.org/ns/prov#");
        p.put("org", "http://www.w3.org/ns/org#");
        p.put("foaf", "http://xmlns.com/foaf/0.1/");
        p.put("text", "http://jena.apache.org/text#");
        for (String kind : new String[] {"place", "route", "law", "factor", "event", "flow", "person", "doc", "section"}) {
            p.putIfAbsent(kind, PM.ID + kind + "/");
        }
        p.put("graph", PM.GRAPH);
        return p;
    }

    /** PREFIX lines for a query text. */
    static String declarations(String... names) {
        Map<String, String> all = all();
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append("PREFIX ").append(name).append(": <").append(all.get(name)).append(">\n");
        }
        return out.toString();
    }
}
