package org.w3id.pakmig.cite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.pakmig.vocab.PM;

/**
 * Turns the citations written in a document's files into that document's citation graph
 * ({@code graph/doc-002-citations}): one reified statement per annotation block or inherited citation,
 * in plain RDF (rdf:subject, rdf:predicate, rdf:object) so that SPARQL 1.1 and the OWL API
 * read it. Data authors cite a statement with an RDF 1.2 annotation,
 * {@code s p o {| prov:wasDerivedFrom section:x ; pm:anchorPhrase "..." |}}; the parser's
 * reifier ({@code _:r rdf:reifies <<( s p o )>>}) is moved out of the document graph here, so
 * no triple term reaches validation, the rules or the served graph. A statement without an
 * annotation inherits its subject's own citation when the subject cites exactly one section
 * in that graph; naming statements (type, label, alternative label, description) and
 * classifying ones (whose object is a term of a controlled vocabulary: a driver category, a
 * migration type, a unit...) inherit every section the subject cites. See docs/modelling.md,
 * "Statement-level citations".
 */
public final class StatementCitations {
    public static final String SUFFIX = "-citations";
    static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Node ANCHOR = NodeFactory.createURI(PM.NS + "anchorPhrase");
    static final Node STATED = NodeFactory.createURI(PM.NS + "StatementCitation");
    static final Node INHERITED = NodeFactory.createURI(PM.NS + "InheritedCitation");
    private static final Node REIFIES = RDF.reifies.asNode();
    /** Statements that name or describe a thing: every section that speaks of it names it. */
    private static final Set<Node> NAMING = Set.of(RDF.type.asNode(), RDFS.label.asNode(),
            SKOS.altLabel.asNode(), DCTerms.description.asNode());
    /** Kinds of resource that are controlled-vocabulary terms (see docs/modelling.md, Identifiers). */
    private static final Set<String> VOCABULARIES = Set.of("category", "migration-type", "unit", "measure", "mode", "derivation",
                                                           "level", "area", "scheme");
    /** The citation itself is not a statement that needs one. */
    private static final Set<Node> CITING = Set.of(DERIVED_FROM, ANCHOR);

    private StatementCitations() {}

    /**
     * Removes the annotations from every document graph ({@code doc-*}) of {@code loaded} and
     * returns the citation graphs to add beside them, keyed by graph name.
     */
    public static Map<Node, Graph> separate(DatasetGraph loaded) {
        return separate(loaded, GraphFactory.createGraphMem());
    }

    /**
     * As {@link #separate(DatasetGraph)}, also removing the annotations from {@code union}, the
     * union of the loaded graphs that the loader filled in the same parse. Annotation triples
     * have blank-node subjects of their own file, so no other graph holds them.
     */
    public static Map<Node, Graph> separate(DatasetGraph loaded, Graph union) {
        Map<Node, Graph> result = new LinkedHashMap<>();
        List<Node> names = new ArrayList<>();
        loaded.listGraphNodes().forEachRemaining(names::add);
        for (Node name : names) {
            if (hasCitations(PM.graphName(name))) {
                result.put(PM.graph(PM.graphName(name) + SUFFIX), separate(loaded.getGraph(name), union));
            }
        }
        return result;
    }

    /** Whether the graph called {@code name} is a document's, whose statements are cited. */
    public static boolean hasCitations(String name) {
        return name.startsWith("doc-") && !name.endsWith(SUFFIX);
    }

    /** Moves the annotations out of {@code document} and returns its citation graph. */
    public static Graph separate(Graph document) {
        return separate(document, GraphFactory.createGraphMem());
    }

    private static Graph separate(Graph document, Graph union) {
        Graph citations = GraphFactory.createGraphMem();
        Set<Triple> annotated = new HashSet<>();
        List<Triple> reifiers = document.find(Node.ANY, REIFIES, Node.ANY).toList();
        Set<Node> reifierNodes = new HashSet<>();
        for (Triple r : reifiers) {
            Node citation = r.getSubject();
            Triple stated = r.getObject().getTriple();
            reifierNodes.add(citation);
            annotated.add(stated);
            citations.add(citation, RDF.type.asNode(), STATED);
            reified(citations, citation, stated);
        }
        for (Node citation : reifierNodes) {
            for (Triple t : document.find(citation, Node.ANY, Node.ANY).toList()) {
                if (!t.getPredicate().equals(REIFIES)) {
                    citations.add(t);
                }
                document.delete(t);
                union.delete(t);
            }
        }
        for (Triple t : document.find().toList()) {
            if (!annotated.contains(t) && !CITING.contains(t.getPredicate())) {
                inherit(document, citations, t);
            }
        }
        return citations;
    }

    private static void inherit(Graph document, Graph citations, Triple t) {
        List<Node> sections = document.find(t.getSubject(), DERIVED_FROM, Node.ANY).mapWith(Triple::getObject).toList();
        if (sections.size() == 1) {
            Node citation = NodeFactory.createBlankNode();
            citations.add(citation, RDF.type.asNode(), INHERITED);
            reified(citations, citation, t);
            citations.add(citation, DERIVED_FROM, sections.get(0));
            List<Node> anchors = document.find(t.getSubject(), ANCHOR, Node.ANY).mapWith(Triple::getObject).toList();
            if (anchors.size() == 1) {
                citations.add(citation, ANCHOR, anchors.get(0));
            }
        } else if (NAMING.contains(t.getPredicate()) || classifying(t.getObject())) {
            Node citation = NodeFactory.createBlankNode();
            citations.add(citation, RDF.type.asNode(), INHERITED);
            reified(citations, citation, t);
            sections.forEach(section -> citations.add(citation, DERIVED_FROM, section));
        }
    }

    private static boolean classifying(Node object) {
        if (!object.isURI() || !object.getURI().startsWith(PM.ID)) {
            return false;
        }
        String kind = object.getURI().substring(PM.ID.length());
        int slash = kind.indexOf('/');
        return slash > 0 && VOCABULARIES.contains(kind.substring(0, slash));
    }

    private static void reified(Graph citations, Node citation, Triple t) {
        citations.add(citation, RDF.subject.asNode(), t.getSubject());
        citations.add(citation, RDF.predicate.asNode(), t.getPredicate());
        citations.add(citation, RDF.object.asNode(), t.getObject());
    }
}
