package org.w3id.pakmig.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.synth.SyntheticData;

/**
 * The join order follows the data: once one claim is matched, a conflict rule looks for the
 * other claims about the same thing (a few), not for those of the same period (a share of all).
 */
class JoinPlanTest {

    @Test
    void conflictRulesJoinTheOtherClaimBySubjectNotByPeriod(@TempDir Path dir) {
        SyntheticData.write(20_000, 5, Path.of("").toAbsolutePath(), dir);
        SourceTree tree = SourceTree.directory(dir);
        Graph asserted = DatasetLoader.load(tree).union();
        RuleMaterialiser rules = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE);
        // As in the round where the conflict rules first match: the figures normalised.
        PredicateStatistics statistics = PredicateStatistics.of(asserted);
        rules.materialise(asserted).find().forEachRemaining(statistics::add);

        for (String name : List.of("conflictSamePeriod", "conflictBelowRange", "conflictAboveRange")) {
            Rule rule = rules.rules().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
            for (int start = 0; start < rule.getBody().length; start++) {
                if (rule.getBody()[start] instanceof TriplePattern first && first.getSubject().getName().equals("?a")) {
                    TriplePattern joining = firstPatternAbout("?b", JoinPlan.startingAt(rule, start, statistics).rest());
                    assertEquals("about", joining.getPredicate().getLocalName(),
                                 name + " from " + first + " joins the other claim by " + joining);
                }
            }
        }
    }

    private static TriplePattern firstPatternAbout(String variable, List<ClauseEntry> plan) {
        for (ClauseEntry clause : plan) {
            if (clause instanceof TriplePattern pattern && pattern.getSubject().isVariable()
                    && pattern.getSubject().getName().equals(variable)) {
                return pattern;
            }
        }
        throw new AssertionError("no pattern about " + variable + " in " + plan);
    }

    @Test
    void thePatternExpectedToMatchLeastStartsTheFirstRound(@TempDir Path dir) {
        SyntheticData.write(20_000, 5, Path.of("").toAbsolutePath(), dir);
        SourceTree tree = SourceTree.directory(dir);
        Graph asserted = DatasetLoader.load(tree).union();
        PredicateStatistics statistics = PredicateStatistics.of(asserted);
        Rule rule = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE).rules().stream()
            .filter(r -> r.getName().equals("typeFromSuperclass")).findFirst().orElseThrow();
        // (?x rdf:type ?c) (?c rdfs:subClassOf ?d): the class hierarchy is far smaller than the typed things.
        assertTrue(asserted.find(null, org.apache.jena.vocabulary.RDF.type.asNode(), null).toList().size()
                   > 10 * asserted.find(null, org.apache.jena.vocabulary.RDFS.subClassOf.asNode(), null).toList().size());
        assertEquals(1, JoinPlan.cheapestStart(rule, statistics));
    }
}
