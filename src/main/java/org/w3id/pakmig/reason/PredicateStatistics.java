package org.w3id.pakmig.reason;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;

/**
 * What the graph the rules read looks like, per predicate: how many triples, how many different
 * subjects, how many different objects. From these follows how many triples a pattern is
 * expected to match once some of its terms are known: {@code (?b pm:referencePeriod ?t)} with
 * {@code ?t} known matches every claim of one year, {@code (?b pm:about ?s)} with {@code ?s}
 * known only the claims about one thing, so a join takes the second first (as the statistics
 * of TDB's optimiser do for SPARQL). Filled by one pass over the asserted graph and kept up to
 * date with each round's conclusions; the memory it takes grows with the number of
 * predicates, not with the data.
 */
final class PredicateStatistics {
    private final Map<Node, Counts> byPredicate = new HashMap<>();
    /** Every triple, whatever its predicate: for a predicate only known while matching. */
    private final Counts all = new Counts();

    static PredicateStatistics of(Graph graph) {
        PredicateStatistics statistics = new PredicateStatistics();
        graph.find().forEachRemaining(statistics::add);
        return statistics;
    }

    void add(Triple t) {
        byPredicate.computeIfAbsent(t.getPredicate(), p -> new Counts()).add(t);
        all.add(t);
    }

    /**
     * The number of triples expected to match {@code pattern} when its constants and the
     * variables in {@code bound} have values, taking the subject and object to be independent.
     * A known subject or object divides the predicate's triples by its number of different
     * subjects or objects; knowing both makes a test that is expected to hold at most once.
     */
    double expectedMatches(TriplePattern pattern, BitSet bound) {
        Node predicate = pattern.getPredicate();
        Counts counts = predicate instanceof Node_RuleVariable ? all : byPredicate.get(predicate);
        if (counts == null || counts.triples == 0) {
            return 0;
        }
        double expected = counts.triples;
        if (isKnown(pattern.getSubject(), bound)) {
            expected /= Math.max(1, counts.subjects.estimate());
        }
        if (isKnown(pattern.getObject(), bound)) {
            expected /= Math.max(1, counts.objects.estimate());
        }
        return expected;
    }

    private static boolean isKnown(Node node, BitSet bound) {
        return !(node instanceof Node_RuleVariable v) || bound.get(v.getIndex());
    }

    private static final class Counts {
        long triples;
        final DistinctCount subjects = new DistinctCount();
        final DistinctCount objects = new DistinctCount();

        void add(Triple t) {
            triples++;
            subjects.add(t.getSubject());
            objects.add(t.getObject());
        }
    }
}
