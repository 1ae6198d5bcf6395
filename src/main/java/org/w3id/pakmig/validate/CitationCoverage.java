package org.w3id.pakmig.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.vocab.PM;

/**
 * Every statement a document's graph asserts is cited, in that document's citation graph, to
 * at least one section (docs/modelling.md, "Statement-level citations"). A statement fails when
 * its subject cites several sections and the statement carries no
 * {@code {| prov:wasDerivedFrom section:... |}} annotation saying which of them states it.
 * In Java rather than SPARQL: a set of cited triples makes it one pass over each graph.
 */
public final class CitationCoverage {
    public static final String CHECK = "statement citations";
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node ANCHOR = NodeFactory.createURI(PM.NS + "anchorPhrase");

    private CitationCoverage() {}

    public static List<Problem> find(DatasetGraph dataset, SourceIndex index) {
        List<Problem> problems = new ArrayList<>();
        List<Node> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            String name = PM.graphName(g);
            if (!name.startsWith("doc-") || name.endsWith(StatementCitations.SUFFIX)) {
                continue;
            }
            Graph citations = dataset.getGraph(PM.graph(name + StatementCitations.SUFFIX));
            Set<Triple> cited = cited(citations);
            dataset.getGraph(g).find().forEachRemaining(t -> {
                if (!t.getPredicate().equals(DERIVED_FROM) && !t.getPredicate().equals(ANCHOR) && !cited.contains(t)) {
                    problems.add(new Problem(CHECK, index.locate(t.getSubject()), index.shortName(t.getSubject()),
                        "states " + index.shortName(t.getPredicate()) + " " + index.shortName(t.getObject()) + " in " + name
                        + " without a citation: its subject cites several sections, so annotate the statement with"
                        + " {| prov:wasDerivedFrom section:... |}"));
                }
            });
        }
        return problems;
    }

    /** The statements the citation graph cites to at least one section. */
    private static Set<Triple> cited(Graph citations) {
        Set<Triple> cited = new HashSet<>();
        if (citations == null) {
            return cited;
        }
        citations.find(Node.ANY, RDF.subject.asNode(), Node.ANY).forEachRemaining(s -> {
            Node c = s.getSubject();
            if (citations.contains(c, DERIVED_FROM, Node.ANY)) {
                cited.add(Triple.create(s.getObject(), one(citations, c, RDF.predicate.asNode()), one(citations, c, RDF.object.asNode())));
            }
        });
        return cited;
    }

    private static Node one(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).next().getObject();
    }
}
