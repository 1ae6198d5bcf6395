package org.w3id.pakmig.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.vocab.PM;

/** What Protege and ROBOT expect of the ontology's metadata, checked without either (labels compared as ROBOT compares them: exactly). */
class OntologyMetadataTest {
    private static final Graph ONTOLOGY = DatasetLoader.parseFile(RealGraph.sources(),
        RealGraph.sources().resolve("ontology/pakmig.ttl"));
    private static final Node ONTOLOGY_IRI = NodeFactory.createURI(PM.ONTOLOGY_IRI);

    @Test
    void everyTermIsDefinedByTheOntology() {
        Set<String> missing = new TreeSet<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(),
                                 OWL.AnnotationProperty.asNode())) {
            ONTOLOGY.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                Node term = t.getSubject();
                if (term.isURI() && term.getURI().startsWith(PM.NS)
                    && !ONTOLOGY.contains(term, RDFS.isDefinedBy.asNode(), ONTOLOGY_IRI)) {
                    missing.add(term.getURI());
                }
            });
        }
        assertTrue(missing.isEmpty(), "terms without rdfs:isDefinedBy: " + missing);
    }

    @Test
    void noTwoTermsShareALabel() {
        Map<String, Set<String>> byLabel = new HashMap<>();
        ONTOLOGY.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEach(t -> {
            if (ONTOLOGY.contains(t.getSubject(), RDF.type.asNode(), OWL.Class.asNode())
                || ONTOLOGY.contains(t.getSubject(), RDF.type.asNode(), OWL.ObjectProperty.asNode())
                || ONTOLOGY.contains(t.getSubject(), RDF.type.asNode(), OWL.DatatypeProperty.asNode())) {
                byLabel.computeIfAbsent(t.getObject().getLiteralLexicalForm(), k -> new TreeSet<>())
                       .add(t.getSubject().getURI());
            }
        });
        byLabel.values().removeIf(terms -> terms.size() < 2);
        assertEquals(Map.of(), byLabel);
    }

    @Test
    void theHeaderHasATypedCreationDateCreatorsAndPublisher() {
        Node created = ONTOLOGY.find(ONTOLOGY_IRI, NodeFactory.createURI("http://purl.org/dc/terms/created"), Node.ANY)
                               .next().getObject();
        assertEquals(XSDDatatype.XSDdate.getURI(), created.getLiteralDatatypeURI());
        assertTrue(ONTOLOGY.contains(ONTOLOGY_IRI, NodeFactory.createURI("http://purl.org/dc/elements/1.1/creator"), Node.ANY));
        assertTrue(ONTOLOGY.contains(ONTOLOGY_IRI, NodeFactory.createURI("http://purl.org/dc/elements/1.1/publisher"), Node.ANY));
        assertTrue(ONTOLOGY.contains(ONTOLOGY_IRI, OWL.versionIRI.asNode(), Node.ANY));
    }
}
