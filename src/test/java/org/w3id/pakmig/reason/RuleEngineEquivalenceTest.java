package org.w3id.pakmig.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.synth.SyntheticData;

/**
 * The rules now run on our own join-ordered, semi-naive engine; Jena's RETE engine, which ran
 * them before, is the reference: on the real ontology and data both must conclude exactly the
 * same triples.
 */
class RuleEngineEquivalenceTest {

    @Test
    void concludesExactlyWhatJenasReteEngineConcludesOnTheRealData() {
        assertSameConclusions(RealGraph.sources());
    }

    /**
     * Synthetic data has many more conflicting figures and ranges per thing than the real data;
     * at two sizes, the join orders, which follow the statistics of the data, differ too.
     */
    @ParameterizedTest
    @CsvSource({"2000, 7", "12000, 11"})
    void concludesExactlyWhatJenasReteEngineConcludesOnSyntheticData(long triples, long seed, @TempDir Path dir) {
        SyntheticData.write(triples, seed, Path.of("").toAbsolutePath(), dir);
        assertSameConclusions(SourceTree.directory(dir));
    }

    private static void assertSameConclusions(SourceTree tree) {
        DatasetGraph named = DatasetLoader.load(tree).dataset();
        Graph asserted = GraphFactory.createGraphMem();
        named.listGraphNodes().forEachRemaining(g -> named.getGraph(g).find().forEach(asserted::add));
        RuleMaterialiser rules = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE);

        Set<Triple> reference = reteConclusions(rules, asserted);
        Set<Triple> ours = new HashSet<>(rules.materialise(asserted).find().toList());

        assertFalse(reference.isEmpty(), "the rules conclude something on the real data");
        assertEquals(Set.of(), difference(reference, ours), "concluded by RETE only");
        assertEquals(Set.of(), difference(ours, reference), "concluded by the new engine only");
        Node conflicts = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/pakmig/ontology#conflictsWith");
        assertFalse(ours.stream().noneMatch(t -> t.getPredicate().equals(conflicts)), "conflicts are among the conclusions");
        assertTrue(ours.stream().filter(t -> t.getPredicate().equals(conflicts)).count() > 1);
    }

    /** Today's execution, kept here as the reference: Jena's forward RETE engine over the whole graph. */
    private static Set<Triple> reteConclusions(RuleMaterialiser rules, Graph asserted) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(rules.rules());
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfModel inf = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        Set<Triple> out = new HashSet<>();
        inf.getDeductionsModel().getGraph().find().forEach(t -> {
            if (!asserted.contains(t)) {
                out.add(t);
            }
        });
        return out;
    }

    private static Set<Triple> difference(Set<Triple> a, Set<Triple> b) {
        Set<Triple> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }
}
