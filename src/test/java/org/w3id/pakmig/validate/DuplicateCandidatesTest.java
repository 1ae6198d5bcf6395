package org.w3id.pakmig.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.vocab.PM;

/** The reconciliation check: silent on the real graph, and it catches each kind of look-alike. */
class DuplicateCandidatesTest {
    private static final String PREFIXES = """
        @prefix pm: <https://w3id.org/pakmig/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix group: <https://w3id.org/pakmig/id/group/> .
        @prefix place: <https://w3id.org/pakmig/id/place/> .
        @prefix org: <https://w3id.org/pakmig/id/org/> .
        @prefix issue: <https://w3id.org/pakmig/id/issue/> .
        """;

    /** Problems found when doc-008 and doc-009 hold these snippets and the reconciliation graph {@code reconciled}. */
    private static List<Problem> problems(String doc8, String doc9, String reconciled) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(PM.graph("doc-008"), RealGraph.turtle(PREFIXES + doc8));
        dataset.addGraph(PM.graph("doc-009"), RealGraph.turtle(PREFIXES + doc9));
        dataset.addGraph(PM.graph("reconciliation"), RealGraph.turtle(PREFIXES + reconciled));
        return DuplicateCandidates.find(dataset, new SourceIndex());
    }

    @Test
    void theRealGraphHasNoUnsettledLookAlikes() {
        assertEquals(List.of(), RealGraph.build().problems().stream()
            .filter(p -> p.check().equals(DuplicateCandidates.CHECK)).toList());
    }

    @Test
    void aNarrowerLabelOfTheSameTypeIsACandidate() {
        List<Problem> found = problems("group:afghan-refugees a pm:MigrantGroup ; rdfs:label \"Afghan refugees\"@en .",
                                       "group:afghan-refugees-in-pakistan a pm:MigrantGroup ; rdfs:label \"Afghan refugees in Pakistan\"@en .", "");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).toString().contains("afghan-refugees-in-pakistan")
                   && found.get(0).toString().contains("afghan-refugees>"), found.toString());
    }

    @Test
    void anAlternativeLabelCountsAndPluralsAndSmallWordsAreIgnored() {
        assertEquals(1, problems("issue:early-child-marriage a pm:Issue ; rdfs:label \"early child marriage\"@en .",
                                 "issue:x a pm:Issue ; rdfs:label \"Something else\"@en ; skos:altLabel \"The early marriages\"@en .", "").size());
    }

    @Test
    void theSameLabelUnderDifferentTypesIsACandidate() {
        assertEquals(1, problems("place:european-union a pm:Region ; rdfs:label \"European Union\"@en .",
                                 "org:european-union-institution a pm:InternationalOrganisation ; rdfs:label \"European Union\"@en .", "").size());
    }

    @Test
    void mergedOrDeclaredDistinctPairsAreSettled() {
        String a = "group:afghan-refugees a pm:MigrantGroup ; rdfs:label \"Afghan refugees\"@en .";
        String b = "group:afghan-refugees-in-pakistan a pm:MigrantGroup ; rdfs:label \"Afghan refugees in Pakistan\"@en .";
        assertEquals(List.of(), problems(a, b, "group:afghan-refugees-in-pakistan owl:differentFrom group:afghan-refugees ."));
        assertEquals(List.of(), problems(a, b, "group:afghan-refugees owl:sameAs group:afghan-refugees-in-pakistan ."));
    }

    @Test
    void unrelatedLabelsOrTypesAreNotCandidates() {
        assertEquals(List.of(), problems("group:afghan-refugees a pm:MigrantGroup ; rdfs:label \"Afghan refugees\"@en .",
                                         "group:bihari-refugees a pm:MigrantGroup ; rdfs:label \"Bihari refugees\"@en .", ""));
        assertEquals(List.of(), problems("place:lahore a pm:City ; rdfs:label \"Lahore\"@en .",
                                         "place:lahore-district a pm:District ; rdfs:label \"Lahore District\"@en .", ""));
    }
}
