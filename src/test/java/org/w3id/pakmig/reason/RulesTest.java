package org.w3id.pakmig.reason;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;

/**
 * One test per rule of ontology/pakmig.rules: the real ontology plus a small input, the
 * triples the rule must add, and one it must not.
 */
class RulesTest {
    private static final String PREFIXES = """
        @prefix pm: <https://w3id.org/pakmig/ontology#> .
        @prefix place: <https://w3id.org/pakmig/id/place/> .
        @prefix x: <https://w3id.org/pakmig/id/test/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix measure: <https://w3id.org/pakmig/id/measure/> .
        @prefix unit: <https://w3id.org/pakmig/id/unit/> .
        """;

    private static Graph ontology;
    private static RuleMaterialiser rules;

    @BeforeAll
    static void loadRulesAndOntology() {
        SourceTree tree = RealGraph.sources();
        ontology = DatasetLoader.parseFile(tree, tree.resolve("ontology/pakmig.ttl"));
        rules = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE);
    }

    private static Graph infer(String turtle) {
        Graph input = GraphFactory.createGraphMem();
        ontology.find().forEach(input::add);
        RealGraph.turtle(PREFIXES + turtle).find().forEach(input::add);
        return rules.materialise(input);
    }

    private static Node pm(String local) {
        return NodeFactory.createURI("https://w3id.org/pakmig/ontology#" + local);
    }

    private static Node id(String path) {
        return NodeFactory.createURI("https://w3id.org/pakmig/id/" + path);
    }

    private static boolean has(Graph g, Node s, Node p, Node o) {
        return g.contains(Triple.create(s, p, o));
    }

    @Test
    void locatedInIsTransitive() {
        Graph inferred = infer("""
            place:kharian pm:locatedIn place:gujrat-district .
            place:gujrat-district pm:locatedIn place:punjab .
            place:punjab pm:locatedIn place:pakistan .
            place:quetta pm:locatedIn place:balochistan .
            """);
        assertTrue(has(inferred, id("place/kharian"), pm("locatedIn"), id("place/punjab")));
        assertTrue(has(inferred, id("place/kharian"), pm("locatedIn"), id("place/pakistan")));
        assertTrue(has(inferred, id("place/gujrat-district"), pm("locatedIn"), id("place/pakistan")));
        assertFalse(has(inferred, id("place/kharian"), pm("locatedIn"), id("place/balochistan")));
        assertFalse(has(inferred, id("place/pakistan"), pm("locatedIn"), id("place/punjab")));
    }

    @Test
    void typesFollowTheClassHierarchy() {
        Graph inferred = infer("""
            x:fia a pm:LawEnforcementAgency .
            x:dunki a pm:Route .
            """);
        assertTrue(has(inferred, id("test/fia"), RDF.type.asNode(), pm("GovernmentAgency")));
        assertTrue(has(inferred, id("test/fia"), RDF.type.asNode(), pm("Organisation")));
        assertTrue(has(inferred, id("test/fia"), RDF.type.asNode(),
                       NodeFactory.createURI("http://www.w3.org/ns/prov#Agent")));
        assertFalse(has(inferred, id("test/fia"), RDF.type.asNode(), pm("Ministry")));
        assertFalse(has(inferred, id("test/dunki"), RDF.type.asNode(), pm("Agent")));
    }

    @Test
    void subPropertiesImplyTheirSuperProperty() {
        Graph inferred = infer("""
            x:leg pm:crossesBorderAt place:taftan .
            x:leg2 pm:via place:quetta .
            """);
        assertTrue(has(inferred, id("test/leg"), pm("via"), id("place/taftan")));
        assertFalse(has(inferred, id("test/leg2"), pm("crossesBorderAt"), id("place/quetta")));
    }

    @Test
    void inverseLinksAreAddedBothWays() {
        Graph inferred = infer("""
            x:ptpa pm:enforcedBy x:fia .
            x:fia2 pm:enforces x:psma .
            x:route pm:hasLeg x:leg1 .
            """);
        assertTrue(has(inferred, id("test/fia"), pm("enforces"), id("test/ptpa")));
        assertTrue(has(inferred, id("test/psma"), pm("enforcedBy"), id("test/fia2")));
        assertTrue(has(inferred, id("test/leg1"), pm("legOf"), id("test/route")));
        assertFalse(has(inferred, id("test/ptpa"), pm("enforces"), id("test/fia")));
    }

    @Test
    void symmetricLinksAreMirrored() {
        Graph inferred = infer("x:fia pm:cooperatesWith x:iom .");
        assertTrue(has(inferred, id("test/iom"), pm("cooperatesWith"), id("test/fia")));
        assertFalse(has(inferred, id("test/fia"), pm("cooperatesWith"), id("test/fia")));
    }

    @Test
    void routePassesThroughLegPlacesAndWhatEnclosesThem() {
        Graph inferred = infer("""
            place:quetta a pm:City ; pm:locatedIn place:balochistan .
            place:balochistan a pm:Province ; pm:locatedIn place:pakistan .
            place:pakistan a pm:Country .
            place:iran a pm:Country .
            place:tehran a pm:City ; pm:locatedIn place:iran .
            place:greece a pm:Country .
            x:route a pm:Route ; pm:hasLeg x:leg1 , x:leg2 .
            x:leg1 pm:fromPlace place:quetta ; pm:toPlace place:taftan .
            x:leg2 pm:fromPlace place:taftan ; pm:toPlace place:iran ; pm:via place:tehran .
            x:other a pm:Route ; pm:hasLeg x:leg3 .
            x:leg3 pm:fromPlace place:greece ; pm:toPlace place:greece .
            """);
        Node route = id("test/route");
        assertTrue(has(inferred, route, pm("passesThrough"), id("place/quetta")));
        assertTrue(has(inferred, route, pm("passesThrough"), id("place/taftan")));
        assertTrue(has(inferred, route, pm("passesThrough"), id("place/tehran")));
        assertTrue(has(inferred, route, pm("passesThrough"), id("place/balochistan")));
        assertTrue(has(inferred, route, pm("crossesCountry"), id("place/pakistan")));
        assertTrue(has(inferred, route, pm("crossesCountry"), id("place/iran")));
        assertFalse(has(inferred, route, pm("crossesCountry"), id("place/greece")));
        assertFalse(has(inferred, route, pm("crossesCountry"), id("place/balochistan")));
    }

    @Test
    void differingFiguresOnTheSameThingConflict() {
        Graph inferred = infer("""
            x:a a pm:StatisticalClaim ; pm:about x:boat ; pm:measure measure:death-toll ;
                pm:unit unit:person ; pm:referencePeriod "2023" ; pm:value 700 .
            x:b a pm:StatisticalClaim ; pm:about x:boat ; pm:measure measure:death-toll ;
                pm:unit unit:person ; pm:referencePeriod "2023" ; pm:value 200 .
            x:same a pm:StatisticalClaim ; pm:about x:boat ; pm:measure measure:death-toll ;
                pm:unit unit:person ; pm:referencePeriod "2023" ; pm:value 700.0 .
            x:otherYear a pm:StatisticalClaim ; pm:about x:boat ; pm:measure measure:death-toll ;
                pm:unit unit:person ; pm:referencePeriod "2024" ; pm:value 80 .
            x:otherMeasure a pm:StatisticalClaim ; pm:about x:boat ; pm:measure measure:survivors ;
                pm:unit unit:person ; pm:referencePeriod "2023" ; pm:value 104 .
            x:noPeriod1 a pm:StatisticalClaim ; pm:about x:route ; pm:measure measure:cost-per-person ;
                pm:unit unit:pkr ; pm:value 2000000 .
            x:noPeriod2 a pm:StatisticalClaim ; pm:about x:route ; pm:measure measure:cost-per-person ;
                pm:unit unit:pkr ; pm:value 3000000 .
            x:otherUnit a pm:StatisticalClaim ; pm:about x:route ; pm:measure measure:cost-per-person ;
                pm:unit unit:usd ; pm:value 8000 .
            """);
        Node conflicts = pm("conflictsWith");
        assertTrue(has(inferred, id("test/a"), conflicts, id("test/b")));
        assertTrue(has(inferred, id("test/b"), conflicts, id("test/a")));
        assertFalse(has(inferred, id("test/noPeriod1"), conflicts, id("test/noPeriod2")),
                    "figures without a period are not comparable: no conflict");
        assertFalse(has(inferred, id("test/a"), conflicts, id("test/same")), "700 and 700.0 are the same value");
        assertFalse(has(inferred, id("test/a"), conflicts, id("test/otherYear")));
        assertFalse(has(inferred, id("test/a"), conflicts, id("test/otherMeasure")));
        assertFalse(has(inferred, id("test/noPeriod1"), conflicts, id("test/otherUnit")));
    }

    @Test
    void aValueOutsideAnotherSourcesRangeConflicts() {
        Graph inferred = infer("""
            x:range a pm:StatisticalClaim ; pm:about x:flow ; pm:measure measure:number-of-migrants ;
                pm:unit unit:person ; pm:referencePeriod "2020" ; pm:minValue 10 ; pm:maxValue 20 .
            x:inside a pm:StatisticalClaim ; pm:about x:flow ; pm:measure measure:number-of-migrants ;
                pm:unit unit:person ; pm:referencePeriod "2020" ; pm:value 15 .
            x:above a pm:StatisticalClaim ; pm:about x:flow ; pm:measure measure:number-of-migrants ;
                pm:unit unit:person ; pm:referencePeriod "2020" ; pm:value 25 .
            x:below a pm:StatisticalClaim ; pm:about x:flow ; pm:measure measure:number-of-migrants ;
                pm:unit unit:person ; pm:referencePeriod "2020" ; pm:value 5 .
            """);
        assertTrue(has(inferred, id("test/above"), pm("conflictsWith"), id("test/range")));
        assertTrue(has(inferred, id("test/below"), pm("conflictsWith"), id("test/range")));
        assertTrue(has(inferred, id("test/range"), pm("conflictsWith"), id("test/below")));
        assertFalse(has(inferred, id("test/inside"), pm("conflictsWith"), id("test/range")));
    }

    @Test
    void figuresGetValuesInBaseUnitsAndCompareAcrossScales() {
        Graph inferred = infer("""
            x:billions a pm:StatisticalClaim ; pm:about x:trade ; pm:measure measure:cost-per-person ;
                pm:unit unit:usd-billion ; pm:referencePeriod "2020" ; pm:value 0.2 .
            x:units a pm:StatisticalClaim ; pm:about x:trade ; pm:measure measure:cost-per-person ;
                pm:unit unit:usd ; pm:referencePeriod "2020" ; pm:value 300000000 .
            x:same a pm:StatisticalClaim ; pm:about x:trade ; pm:measure measure:cost-per-person ;
                pm:unit unit:usd ; pm:referencePeriod "2020" ; pm:value 200000000 .
            x:acres a pm:StatisticalClaim ; pm:about x:land ; pm:measure measure:cost-per-person ;
                pm:unit unit:acre ; pm:minValue 10 ; pm:maxValue 100 ; pm:undated true .
            """);
        assertTrue(has(inferred, id("test/billions"), pm("normalisedUnit"), id("unit/usd")));
        double billions = inferred.find(id("test/billions"), pm("normalisedValue"), Node.ANY).next().getObject()
                                  .getLiteralValue() instanceof Number n ? n.doubleValue() : -1;
        assertTrue(Math.abs(billions - 200000000) < 1, "0.2 billion dollars is 200 million dollars: " + billions);
        assertTrue(has(inferred, id("test/billions"), pm("conflictsWith"), id("test/units")), "0.2 billion vs 300 million");
        assertFalse(has(inferred, id("test/billions"), pm("conflictsWith"), id("test/same")), "0.2 billion is 200 million");
        assertTrue(has(inferred, id("test/acres"), pm("normalisedUnit"), id("unit/hectare")));
        assertTrue(inferred.contains(id("test/acres"), pm("normalisedMaxValue"), Node.ANY));
    }

    @Test
    void onlyAPresentAffiliationMakesAnOrgMembership() {
        Graph inferred = infer("""
            x:officer pm:affiliation x:motorwayPolice ; pm:formerAffiliation x:punjabPolice ; pm:educatedAt x:polytechnic .
            """);
        Node memberOf = NodeFactory.createURI("http://www.w3.org/ns/org#memberOf");
        assertTrue(has(inferred, id("test/officer"), memberOf, id("test/motorwayPolice")));
        assertFalse(has(inferred, id("test/officer"), memberOf, id("test/punjabPolice")), "a former post is not a present membership");
        assertFalse(has(inferred, id("test/officer"), memberOf, id("test/polytechnic")), "a place of study is not an affiliation");
    }
}
