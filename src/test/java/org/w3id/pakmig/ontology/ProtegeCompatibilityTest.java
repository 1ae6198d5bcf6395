package org.w3id.pakmig.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.vocab.PM;

/**
 * What Protege would say: the OWL API (the library Protege is built on) parses the ontology
 * with nothing left over, it is OWL 2 DL, and HermiT finds the ontology and all data consistent.
 */
class ProtegeCompatibilityTest {

    private static OWLOntology load(File file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        return manager.loadOntologyFromOntologyDocument(file);
    }

    private static void assertNothingUnparsed(OWLOntology ontology) {
        OWLDocumentFormat format = ontology.getOWLOntologyManager().getOntologyFormat(ontology);
        assertTrue(format instanceof RDFDocumentFormat, "parsed as RDF");
        var metadata = ((RDFDocumentFormat) format).getOntologyLoaderMetaData().orElseThrow();
        List<String> unparsed = metadata.getUnparsedTriples().map(Object::toString).collect(Collectors.toList());
        assertEquals(List.of(), unparsed, "triples the OWL API could not turn into axioms");
    }

    private static void assertDL(OWLOntology ontology) {
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        assertTrue(report.isInProfile(), () -> "OWL 2 DL violations:\n" + report.getViolations().stream()
            .limit(30).map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void ontologyParsesCompletelyAndIsOwl2DL() throws Exception {
        OWLOntology ontology = load(Path.of("ontology/pakmig.ttl").toFile());
        assertNothingUnparsed(ontology);
        assertDL(ontology);
        assertTrue(ontology.getOntologyID().getOntologyIRI().isPresent());
        assertEquals("https://w3id.org/pakmig/ontology", ontology.getOntologyID().getOntologyIRI().get().toString());
    }

    @Test
    void ontologyWithAllDataIsOwl2DLAndConsistent(@TempDir Path dir) throws Exception {
        Graph asserted = GraphFactory.createGraphMem();
        var dataset = RealGraph.dataset();
        for (Node g : (Iterable<Node>) dataset::listGraphNodes) {
            // The citation graphs reify statements for SPARQL; they are kept out of the OWL view.
            if (!PM.graphName(g).equals(PM.INFERRED) && !PM.graphName(g).endsWith(StatementCitations.SUFFIX)) {
                dataset.getGraph(g).find().forEach(asserted::add);
            }
        }
        File file = dir.resolve("all.ttl").toFile();
        try (OutputStream out = new FileOutputStream(file)) {
            RDFDataMgr.write(out, asserted, RDFFormat.NTRIPLES);
        }
        OWLOntology all = load(file);
        assertNothingUnparsed(all);
        assertDL(all);
        OWLReasoner hermit = new ReasonerFactory().createReasoner(all);
        try {
            assertTrue(hermit.isConsistent(), "HermiT finds the ontology plus data inconsistent");
        } finally {
            hermit.dispose();
        }
    }

    @Test
    void catalogMapsNothingToTheNetwork() throws IOException {
        String catalog = Files.readString(Path.of("ontology/catalog-v001.xml"));
        assertTrue(catalog.contains("urn:oasis:names:tc:entity:xmlns:xml:catalog"));
        assertTrue(catalog.contains("uri=\"pakmig.ttl\""), "the ontology IRI resolves to the local file");
    }
}
