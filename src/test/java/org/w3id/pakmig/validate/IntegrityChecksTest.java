package org.w3id.pakmig.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.vocab.PM;

/** The checks in queries/checks/: silent on the real graph, and each one fires on a defect. */
class IntegrityChecksTest {
    private static final String PREFIXES = """
        @prefix pm: <https://w3id.org/pakmig/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix x: <https://w3id.org/pakmig/id/test/> .
        """;

    @Test
    void theRealGraphPassesEveryCheck() {
        List<Problem> checkProblems = RealGraph.build().problems().stream()
            .filter(p -> p.check().startsWith("queries/checks/")).toList();
        assertEquals(List.of(), checkProblems);
    }

    @Test
    void everyCheckIsNamedAsAViolationQuery() {
        IntegrityChecks checks = IntegrityChecks.from(RealGraph.sources());
        assertTrue(checks.checks().size() >= 8);
        checks.checks().forEach(c -> assertTrue(c.name().endsWith("-violation.rq"), c.name()));
    }

    /** Which checks fire on a small dataset made of the real ontology plus {@code doc} as graph doc-009. */
    private static Set<String> firing(String doc) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(PM.graph(PM.ONTOLOGY), RealGraph.dataset().getGraph(PM.graph(PM.ONTOLOGY)));
        dataset.addGraph(PM.graph("doc-009"), RealGraph.turtle(PREFIXES + doc));
        dataset.getGraph(PM.graph(PM.ONTOLOGY)).find().forEach(dataset.getDefaultGraph()::add);
        dataset.getGraph(PM.graph("doc-009")).find().forEach(dataset.getDefaultGraph()::add);
        return IntegrityChecks.from(RealGraph.sources()).run(dataset, new SourceIndex()).stream()
            .map(p -> p.check().replace("queries/checks/", "").replace("-violation.rq", ""))
            .collect(Collectors.toSet());
    }

    @Test
    void undeclaredTermsAreCaught() {
        Set<String> fired = firing("x:a a pm:Citty ; rdfs:label \"A\"@en ; pm:locatedin x:b ; prov:wasDerivedFrom x:s .");
        assertTrue(fired.contains("undeclared-term"), fired.toString());
    }

    @Test
    void untracedResourcesAreCaught() {
        assertTrue(firing("x:a a pm:City ; rdfs:label \"A\"@en .").contains("untraced-resource"));
        assertTrue(!firing("x:a a pm:City ; rdfs:label \"A\"@en ; prov:wasDerivedFrom x:s .").contains("untraced-resource"));
    }

    @Test
    void danglingAndUnlabelledIrisAreCaught() {
        Set<String> fired = firing("x:a a pm:City ; rdfs:label \"A\"@en ; pm:locatedIn x:nowhere ; prov:wasDerivedFrom x:s .");
        assertTrue(fired.contains("dangling-iri"), fired.toString());
        assertTrue(fired.contains("resource-without-label"), fired.toString());
    }

    @Test
    void figuresWithoutUnitAndClaimsWithoutSourceAreCaught() {
        Set<String> fired = firing("x:c a pm:StatisticalClaim ; rdfs:label \"C\"@en ; pm:about x:c ; pm:value 3 .");
        assertTrue(fired.contains("figure-without-measure-or-unit"), fired.toString());
        assertTrue(fired.contains("claim-without-source"), fired.toString());
    }

    @Test
    void recommendationsWithoutProposerAreCaught() {
        assertTrue(firing("x:r a pm:Recommendation ; rdfs:label \"R\"@en .").contains("recommendation-without-proposer"));
    }

    @Test
    void brokenRouteChainsAreCaught() {
        String route = """
            x:r a pm:Route ; rdfs:label "R"@en ; pm:origin x:a ; pm:destination x:d ; pm:hasLeg x:l1 , x:l2 .
            x:l1 a pm:RouteLeg ; pm:order 1 ; pm:fromPlace x:a ; pm:toPlace x:b .
            x:l2 a pm:RouteLeg ; pm:order 2 ; pm:fromPlace %s ; pm:toPlace x:d .
            """;
        assertTrue(!firing(route.formatted("x:b")).contains("route-legs-chain"));
        assertTrue(firing(route.formatted("x:c")).contains("route-legs-chain"));
    }

    @Test
    void wrongDatatypesAreCaught() {
        assertTrue(firing("x:a a pm:Act ; rdfs:label \"A\"@en ; pm:year \"2018\" .").contains("datatype-range"));
    }

    @Test
    void figuresWithoutPeriodOrNormalisableUnitAreCaught() {
        String claim = "x:c a pm:StatisticalClaim ; rdfs:label \"C\"@en ; pm:about x:c ; pm:measure x:m ; pm:value 3 ; "
                       + "prov:wasDerivedFrom x:s ; pm:unit %s %s .";
        assertTrue(firing(claim.formatted("<https://w3id.org/pakmig/id/unit/person>", "")).contains("figure-without-period"));
        assertTrue(!firing(claim.formatted("<https://w3id.org/pakmig/id/unit/person>", "; pm:undated true")).contains("figure-without-period"));
        assertTrue(firing(claim.formatted("x:furlongs", "; pm:undated true")).contains("figure-not-normalised"));
        String rank = claim.formatted("<https://w3id.org/pakmig/id/unit/count>", "; pm:undated true") + " x:m rdfs:label \"rank among districts\"@en .";
        Set<String> fired = firing(rank);
        assertTrue(fired.contains("figure-not-normalised"), fired.toString());
    }

    @Test
    void formerPostsAndStudiesRecordedAsAffiliationsAreCaught() {
        String person = "x:p a pm:Person ; rdfs:label \"P\"@en ; prov:wasDerivedFrom x:s ; pm:positionTitle \"%s\" ; %s x:o .";
        assertTrue(firing(person.formatted("Former Inspector General of Police", "pm:affiliation")).contains("former-post-as-affiliation"));
        assertTrue(firing(person.formatted("MS Scholar, Department of Politics", "pm:affiliation")).contains("former-post-as-affiliation"));
        assertTrue(!firing(person.formatted("Former Inspector General of Police", "pm:formerAffiliation")).contains("former-post-as-affiliation"));
        assertTrue(!firing(person.formatted("Director General", "pm:affiliation")).contains("former-post-as-affiliation"));
    }

    @Test
    void typesThatDoNotFitAcrossDocumentsAreCaught() {
        String partition = "x:partition a pm:%s ; rdfs:label \"Partition\"@en ; prov:wasDerivedFrom x:s .";
        assertTrue(firingAcross(partition.formatted("MigrationWave"), partition.formatted("ArmedConflict")).contains("incompatible-types"));
        assertTrue(!firingAcross(partition.formatted("Event"), partition.formatted("ArmedConflict")).contains("incompatible-types"));
    }

    /** Which checks fire when graphs doc-008 and doc-009 hold the two snippets. */
    private static Set<String> firingAcross(String doc8, String doc9) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(PM.graph(PM.ONTOLOGY), RealGraph.dataset().getGraph(PM.graph(PM.ONTOLOGY)));
        dataset.addGraph(PM.graph("doc-008"), RealGraph.turtle(PREFIXES + doc8));
        dataset.addGraph(PM.graph("doc-009"), RealGraph.turtle(PREFIXES + doc9));
        return IntegrityChecks.from(RealGraph.sources()).run(dataset, new SourceIndex()).stream()
            .map(p -> p.check().replace("queries/checks/", "").replace("-violation.rq", ""))
            .collect(Collectors.toSet());
    }

    @Test
    void termsWithoutDefinitionAreCaught() {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(PM.graph(PM.ONTOLOGY), RealGraph.turtle(PREFIXES
            + "pm:Undefined a <http://www.w3.org/2002/07/owl#Class> ; rdfs:label \"Undefined\"@en ."));
        Set<String> fired = IntegrityChecks.from(RealGraph.sources()).run(dataset, new SourceIndex()).stream()
            .map(Problem::check).collect(Collectors.toSet());
        assertTrue(fired.contains("queries/checks/term-without-label-or-definition-violation.rq"), fired.toString());
    }
}
