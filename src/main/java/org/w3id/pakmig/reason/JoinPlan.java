package org.w3id.pakmig.reason;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;

/**
 * The order in which one rule's body is joined once a given clause has been matched first.
 * Each next clause is the pattern expected to match the fewest triples given what is already
 * bound, by the {@link PredicateStatistics} of the data, and a builtin runs as soon as all its
 * variables are bound. So a conflict rule that starts from one claim looks up that claim's
 * period, subject, measure and unit, then the other claims about the same subject (a few),
 * never the other claims of the same period (a share of all claims): each match costs the
 * same at any size of the data. Where the statistics do not tell two clauses apart, the order
 * in the rules file is kept.
 */
record JoinPlan(Rule rule, int start, List<ClauseEntry> rest) {

    /** Where to start when nothing is bound: the body pattern expected to match the fewest triples (-1: none). */
    static int cheapestStart(Rule rule, PredicateStatistics statistics) {
        ClauseEntry[] body = rule.getBody();
        BitSet nothing = new BitSet();
        int best = -1;
        double fewest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < body.length; i++) {
            if (body[i] instanceof TriplePattern pattern) {
                double expected = statistics.expectedMatches(pattern, nothing);
                if (expected < fewest) {
                    best = i;
                    fewest = expected;
                }
            }
        }
        return best;
    }

    static JoinPlan startingAt(Rule rule, int start, PredicateStatistics statistics) {
        ClauseEntry[] body = rule.getBody();
        BitSet bound = new BitSet(rule.getNumVars());
        markBound((TriplePattern) body[start], bound);
        List<ClauseEntry> remaining = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            if (i != start) {
                remaining.add(body[i]);
            }
        }
        List<ClauseEntry> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            // By position: Jena's TriplePattern.equals treats any two variables as equal.
            ClauseEntry next = remaining.remove(pickNext(remaining, bound, statistics));
            ordered.add(next);
            if (next instanceof TriplePattern pattern) {
                markBound(pattern, bound);
            }
        }
        return new JoinPlan(rule, start, List.copyOf(ordered));
    }

    TriplePattern first() {
        return (TriplePattern) rule.getBody()[start];
    }

    private static int pickNext(List<ClauseEntry> remaining, BitSet bound, PredicateStatistics statistics) {
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i) instanceof Functor functor && allBound(functor.getArgs(), bound)) {
                return i;
            }
        }
        int best = -1;
        double fewest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i) instanceof TriplePattern pattern) {
                double expected = statistics.expectedMatches(pattern, bound);
                if (expected < fewest) {
                    best = i;
                    fewest = expected;
                }
            }
        }
        // Only builtins with unbound variables are left: run them in the order written.
        return best >= 0 ? best : 0;
    }

    private static boolean allBound(Node[] args, BitSet bound) {
        for (Node arg : args) {
            if (!isBound(arg, bound)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBound(Node node, BitSet bound) {
        return !(node instanceof Node_RuleVariable v) || bound.get(v.getIndex());
    }

    private static void markBound(TriplePattern pattern, BitSet bound) {
        for (Node node : new Node[] {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()}) {
            if (node instanceof Node_RuleVariable v) {
                bound.set(v.getIndex());
            }
        }
    }
}
