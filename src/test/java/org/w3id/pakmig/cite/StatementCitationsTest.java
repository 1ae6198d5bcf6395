package org.w3id.pakmig.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class StatementCitationsTest {
    private static final String PREFIXES = """
            @prefix pm: <https://w3id.org/pakmig/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix s: <https://w3id.org/pakmig/id/section/> .
            @prefix x: <https://w3id.org/pakmig/id/x/> .
            """;

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(g);
        return g;
    }

    private static Node x(String local) {
        return NodeFactory.createURI("https://w3id.org/pakmig/id/x/" + local);
    }

    private static Node section(String local) {
        return NodeFactory.createURI("https://w3id.org/pakmig/id/section/" + local);
    }

    /** The sections the citation graph gives for one statement. */
    private static List<Node> sectionsOf(Graph citations, Node s, Node p, Node o) {
        return citations.find(Node.ANY, RDF.subject.asNode(), s).mapWith(Triple::getSubject)
                        .filterKeep(c -> citations.contains(c, RDF.predicate.asNode(), p)
                                         && citations.contains(c, RDF.object.asNode(), o))
                        .toList().stream()
                        .flatMap(c -> citations.find(c, StatementCitations.DERIVED_FROM, Node.ANY).mapWith(Triple::getObject).toList().stream())
                        .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                        .toList();
    }

    @Test
    void annotationsMoveToTheCitationGraphAndTheDocumentKeepsPlainTriples() {
        Graph doc = parse("""
                x:fia rdfs:label "FIA"@en ;
                    pm:enforces x:act {| prov:wasDerivedFrom s:a ; pm:anchorPhrase "the FIA enforces" |} {| prov:wasDerivedFrom s:b |} ;
                    pm:operatesIn x:pakistan ;
                    prov:wasDerivedFrom s:a , s:b .
                """);
        Graph citations = StatementCitations.separate(doc);
        assertFalse(doc.contains(Node.ANY, RDF.reifies.asNode(), Node.ANY), "no reifier left in the document graph");
        assertTrue(doc.contains(x("fia"), NodeFactory.createURI("https://w3id.org/pakmig/ontology#enforces"), x("act")));
        Node enforces = NodeFactory.createURI("https://w3id.org/pakmig/ontology#enforces");
        assertEquals(List.of(section("a"), section("b")), sectionsOf(citations, x("fia"), enforces, x("act")));
        assertTrue(citations.contains(Node.ANY, StatementCitations.ANCHOR, NodeFactory.createLiteralString("the FIA enforces")));
        // a naming statement of a two-section resource inherits both sections
        assertEquals(List.of(section("a"), section("b")),
                     sectionsOf(citations, x("fia"), NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), NodeFactory.createLiteralLang("FIA", "en")));
        // any other statement of a two-section resource stays uncited (the check reports it)
        Node operatesIn = NodeFactory.createURI("https://w3id.org/pakmig/ontology#operatesIn");
        assertEquals(List.of(), sectionsOf(citations, x("fia"), operatesIn, x("pakistan")));
    }

    @Test
    void aResourceWithOneSectionCitesItForEveryStatementWithItsAnchorPhrase() {
        Graph doc = parse("""
                x:claim pm:value 700 ; pm:about x:disaster ; pm:anchorPhrase "700 migrants" ; prov:wasDerivedFrom s:c .
                """);
        Graph citations = StatementCitations.separate(doc);
        Node about = NodeFactory.createURI("https://w3id.org/pakmig/ontology#about");
        assertEquals(List.of(section("c")), sectionsOf(citations, x("claim"), about, x("disaster")));
        Node c = citations.find(Node.ANY, RDF.predicate.asNode(), about).next().getSubject();
        assertTrue(citations.contains(c, StatementCitations.ANCHOR, NodeFactory.createLiteralString("700 migrants")));
        assertTrue(citations.contains(c, RDF.type.asNode(), StatementCitations.INHERITED));
    }

    @Test
    void theRealGraphCitesEveryStatementOfEveryDocument() {
        assertEquals(List.of(), org.w3id.pakmig.RealGraph.build().problems().stream()
            .filter(p -> p.check().equals(org.w3id.pakmig.validate.CitationCoverage.CHECK)).toList());
        assertTrue(org.w3id.pakmig.RealGraph.dataset().getGraph(org.w3id.pakmig.vocab.PM.graph("doc-002-citations")).size() > 0);
    }

    @Test
    void anUnannotatedStatementOfAManySectionResourceIsReported() {
        Graph doc = parse("""
                x:fia rdfs:label "FIA"@en ; pm:operatesIn x:pakistan ; prov:wasDerivedFrom s:a , s:b .
                x:act pm:year 2018 ; prov:wasDerivedFrom s:a .
                """);
        org.apache.jena.sparql.core.DatasetGraph dataset = org.apache.jena.sparql.core.DatasetGraphFactory.createGeneral();
        dataset.addGraph(org.w3id.pakmig.vocab.PM.graph("doc-009"), doc);
        StatementCitations.separate(dataset).forEach(dataset::addGraph);
        var problems = org.w3id.pakmig.validate.CitationCoverage.find(dataset, new org.w3id.pakmig.load.SourceIndex());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("operatesIn"), problems.toString());
    }
}
