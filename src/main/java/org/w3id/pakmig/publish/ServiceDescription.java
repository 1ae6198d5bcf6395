package org.w3id.pakmig.publish;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.pakmig.vocab.PM;

/**
 * The SPARQL 1.1 Service Description of the endpoint, answered to a GET of the endpoint
 * without a query: what it speaks (query only: it is read-only), the result formats, and the
 * dataset it serves with its named graphs and their sizes.
 */
public final class ServiceDescription {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final List<String> RESULT_FORMATS = List.of(
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "RDF_XML", "JSON-LD");

    private ServiceDescription() {}

    public static Graph describe(DatasetGraph dataset, String endpointUrl) {
        Graph g = GraphFactory.createGraphMem();
        Node service = uri(endpointUrl + "#service");
        Node ds = uri(PM.DATASET);
        g.add(service, RDF.type.asNode(), uri(SD + "Service"));
        g.add(service, uri(SD + "endpoint"), uri(endpointUrl));
        g.add(service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        g.add(service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        for (String f : RESULT_FORMATS) {
            g.add(service, uri(SD + "resultFormat"), uri(FORMATS + f));
        }
        g.add(service, uri(SD + "defaultDataset"), ds);
        g.add(ds, RDF.type.asNode(), uri(SD + "Dataset"));
        g.add(ds, uri(DatasetDescription.DCT + "license"), uri(PM.LICENCE));
        Txn.executeRead(dataset, () -> {
            Node defaultGraph = NodeFactory.createBlankNode();
            g.add(ds, uri(SD + "defaultGraph"), defaultGraph);
            g.add(defaultGraph, RDF.type.asNode(), uri(SD + "Graph"));
            g.add(defaultGraph, uri(DatasetDescription.VOID + "triples"), count(dataset.getDefaultGraph().size()));
            dataset.listGraphNodes().forEachRemaining(name -> {
                Node named = NodeFactory.createBlankNode();
                g.add(ds, uri(SD + "namedGraph"), named);
                g.add(named, RDF.type.asNode(), uri(SD + "NamedGraph"));
                g.add(named, uri(SD + "name"), name);
                Node graph = NodeFactory.createBlankNode();
                g.add(named, uri(SD + "graph"), graph);
                g.add(graph, RDF.type.asNode(), uri(SD + "Graph"));
                g.add(graph, uri(DatasetDescription.VOID + "triples"), count(dataset.getGraph(name).size()));
            });
        });
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
