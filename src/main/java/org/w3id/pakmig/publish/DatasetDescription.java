package org.w3id.pakmig.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.pakmig.vocab.PM;

/**
 * The dataset's VoID and DCAT description, made from what is actually served: the curated
 * facts in {@code dataset.ttl} plus the address it is served at, triples per graph, the
 * vocabularies used, example resources, the ontology version, the date, and the dumps with
 * their checksums. {@link #publish} puts it into graph {@code meta} (and the default graph,
 * which is the union of all graphs), replacing any earlier description.
 */
public final class DatasetDescription {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String IANA = "http://www.iana.org/assignments/media-types/";

    /** Classes whose first instance (by IRI) is given as an example resource. */
    private static final List<String> EXAMPLE_CLASSES = List.of(
        "Route", "District", "GovernmentAgency", "Law", "StatisticalClaim", "PushFactor");

    private DatasetDescription() {}

    /**
     * The description of {@code dataset} served at {@code baseUrl} (no trailing slash, e.g.
     * {@code http://localhost:3030} or {@code https://pakmig.example.org}).
     */
    public static Graph describe(DatasetGraph dataset, String baseUrl, Dumps dumps) {
        Graph g = curated();
        Node ds = uri(PM.DATASET);
        Txn.executeRead(dataset, () -> {
            Graph all = dataset.getDefaultGraph();
            add(g, ds, VOID + "sparqlEndpoint", uri(baseUrl + "/pakmig/sparql"));
            add(g, ds, DCAT + "landingPage", uri(baseUrl + "/"));
            add(g, ds, VOID + "rootResource", uri(PM.ONTOLOGY_IRI));
            add(g, ds, DCT + "modified", NodeFactory.createLiteralDT(
                LocalDate.now(ZoneOffset.UTC).toString(), XSDDatatype.XSDdate));
            all.find(uri(PM.ONTOLOGY_IRI), OWL.versionInfo.asNode(), Node.ANY).forEach(t -> {
                add(g, ds, OWL.versionInfo.asNode(), t.getObject());
                add(g, ds, DCAT + "version", t.getObject());
            });
            all.find(uri(PM.ONTOLOGY_IRI), OWL.versionIRI.asNode(), Node.ANY)
               .forEach(t -> add(g, ds, DCT + "conformsTo", t.getObject()));
            add(g, ds, VOID + "triples", count(all.size()));
            statistics(g, ds, all);
            for (String local : EXAMPLE_CLASSES) {
                all.find(Node.ANY, RDF.type.asNode(), uri(PM.NS + local)).mapWith(Triple::getSubject)
                   .filterKeep(n -> n.isURI() && n.getURI().startsWith(PM.ID))
                   .toList().stream().min((a, b) -> a.getURI().compareTo(b.getURI()))
                   .ifPresent(n -> add(g, ds, VOID + "exampleResource", n));
            }
            List<Node> graphs = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(graphs::add);
            graphs.add(PM.graph(PM.META));
            for (Node graph : new TreeSet<>(graphs.stream().map(Node::getURI).toList()).stream().map(DatasetDescription::uri).toList()) {
                describeGraph(g, dataset, all, graph, baseUrl, dumps);
            }
        });
        Dumps.Dump whole = dumps.get(Dumps.ALL);
        add(g, ds, VOID + "dataDump", uri(baseUrl + "/dumps/" + whole.fileName()));
        distribution(g, ds, whole, baseUrl);
        return g;
    }

    private static void describeGraph(Graph g, DatasetGraph dataset, Graph all, Node graph, String baseUrl, Dumps dumps) {
        String name = PM.graphName(graph);
        add(g, uri(PM.DATASET), VOID + "subset", graph);
        add(g, graph, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, graph, RDF.type.asNode(), uri(DCAT + "Dataset"));
        add(g, graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("pakmig graph " + name, "en"));
        add(g, graph, DCT + "title", NodeFactory.createLiteralLang("pakmig graph " + name, "en"));
        add(g, graph, DCT + "license", uri(PM.LICENCE));
        add(g, graph, DCT + "isPartOf", uri(PM.DATASET));
        if (dataset.containsGraph(graph)) {
            add(g, graph, VOID + "triples", count(dataset.getGraph(graph).size()));
        }
        // A document's graph comes from that document: the one whose identifier is the graph's name.
        all.find(Node.ANY, uri(DCT + "identifier"), NodeFactory.createLiteralString(name))
           .forEach(t -> add(g, graph, DCT + "source", t.getSubject()));
        Dumps.Dump dump = dumps.get(name + ".ttl.gz");
        if (dump != null) {
            add(g, graph, VOID + "dataDump", uri(baseUrl + "/dumps/" + dump.fileName()));
            distribution(g, graph, dump, baseUrl);
        }
    }

    private static void distribution(Graph g, Node dataset, Dumps.Dump dump, String baseUrl) {
        Node d = uri(baseUrl + "/dumps/" + dump.fileName());
        add(g, dataset, DCAT + "distribution", d);
        add(g, d, RDF.type.asNode(), uri(DCAT + "Distribution"));
        add(g, d, DCT + "title", NodeFactory.createLiteralLang(
            (dump.graph() == null ? "Every graph" : "Graph " + dump.graph()) + ", gzipped "
            + (dump.mediaType().equals("text/turtle") ? "Turtle" : "N-Quads"), "en"));
        add(g, d, DCAT + "downloadURL", d);
        add(g, d, DCAT + "mediaType", uri(IANA + dump.mediaType()));
        add(g, d, DCAT + "compressFormat", uri(IANA + "application/gzip"));
        add(g, d, DCAT + "byteSize", count(dump.bytes().length));
        add(g, d, VOID + "triples", count(dump.triples()));
        add(g, d, DCT + "license", uri(PM.LICENCE));
        Node checksum = NodeFactory.createBlankNode();
        add(g, d, SPDX + "checksum", checksum);
        add(g, checksum, RDF.type.asNode(), uri(SPDX + "Checksum"));
        add(g, checksum, SPDX + "algorithm", uri(SPDX + "checksumAlgorithm_sha256"));
        add(g, checksum, SPDX + "checksumValue", NodeFactory.createLiteralDT(dump.sha256(), XSDDatatype.XSDhexBinary));
    }

    /** Counts and the vocabularies (namespaces of the predicates and classes used). */
    private static void statistics(Graph g, Node ds, Graph all) {
        Set<Node> properties = new HashSet<>();
        Set<Node> classes = new HashSet<>();
        Set<Node> entities = new HashSet<>();
        all.find().forEach(t -> {
            properties.add(t.getPredicate());
            if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()) {
                classes.add(t.getObject());
            }
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(PM.ID)) {
                entities.add(t.getSubject());
            }
        });
        add(g, ds, VOID + "properties", count(properties.size()));
        add(g, ds, VOID + "classes", count(classes.size()));
        add(g, ds, VOID + "entities", count(entities.size()));
        Set<String> vocabularies = new TreeSet<>();
        properties.forEach(p -> vocabularies.add(namespace(p.getURI())));
        classes.forEach(c -> vocabularies.add(namespace(c.getURI())));
        vocabularies.remove(PM.ID);
        for (String v : vocabularies) {
            // The ontology is named by its IRI, not its term namespace.
            add(g, ds, VOID + "vocabulary", uri(v.equals(PM.NS) ? PM.ONTOLOGY_IRI : v));
        }
    }

    static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    /**
     * Replaces graph {@code meta} with {@code description}. The default graph (the union of
     * all graphs) loses the old description's triples that no other graph holds and gains the
     * new ones, so a database served again at another address does not keep stale addresses.
     */
    public static void publish(DatasetGraph dataset, Graph description) {
        Node meta = PM.graph(PM.META);
        Txn.executeWrite(dataset, () -> {
            List<Node> others = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(n -> {
                if (!n.equals(meta)) {
                    others.add(n);
                }
            });
            Graph old = dataset.getGraph(meta);
            List<Triple> stale = old.find().toList();
            for (Triple t : stale) {
                boolean elsewhere = others.stream().anyMatch(n -> dataset.getGraph(n).contains(t));
                if (!elsewhere) {
                    dataset.getDefaultGraph().delete(t);
                }
            }
            dataset.removeGraph(meta);
            description.find().forEach(t -> {
                dataset.add(meta, t.getSubject(), t.getPredicate(), t.getObject());
                dataset.getDefaultGraph().add(t);
            });
        });
    }

    private static Graph curated() {
        try (InputStream in = DatasetDescription.class.getResourceAsStream("dataset.ttl")) {
            if (in == null) {
                throw new IllegalStateException("dataset.ttl is missing from the jar");
            }
            Graph g = GraphFactory.createGraphMem();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, String p, Node o) {
        g.add(s, uri(p), o);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
