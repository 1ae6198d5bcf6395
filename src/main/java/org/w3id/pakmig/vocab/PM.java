package org.w3id.pakmig.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the pakmig namespaces and named graphs. */
public final class PM {
    public static final String BASE = "https://w3id.org/pakmig/";
    public static final String NS = BASE + "ontology#";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    /** Contributed graphs: {@code graph/contrib/{user}/...}, written through {@code serve --auth}. */
    public static final String CONTRIBUTIONS = GRAPH + "contrib/";
    /** The ontology's IRI (its terms are {@link #NS} + name). */
    public static final String ONTOLOGY_IRI = BASE + "ontology";
    /** The IRI of the whole dataset, described in VoID and DCAT in graph {@code meta}. */
    public static final String DATASET = BASE + "dataset";
    /** The licence of the ontology and the data. */
    public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    /** Name of the graph that describes the dataset (VoID/DCAT). */
    public static final String META = "meta";

    /** Name of the graph the rules write their conclusions into. */
    public static final String INFERRED = "inferred";
    /** Name of the graph the ontology file loads into. */
    public static final String ONTOLOGY = "ontology";

    private PM() {}

    /** The IRI of the named graph called {@code name}, e.g. {@code doc-002}. */
    public static Node graph(String name) {
        return NodeFactory.createURI(GRAPH + name);
    }

    /** The short name of a graph IRI in the pakmig graph namespace, or the IRI itself. */
    public static String graphName(Node graph) {
        String iri = graph.getURI();
        return iri.startsWith(GRAPH) ? iri.substring(GRAPH.length()) : iri;
    }
}
