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
import org.apache.jena.vocabulary.RDF;

/**
 * The order in which one rule's body is joined once a given clause has been matched first.
 * Each next clause is the one that binds the fewest candidates given what is already bound
 * (a known subject first, then a known object, then a predicate alone), and a builtin runs
 * as soon as all its variables are bound. So a conflict rule that starts from one claim looks
 * up that claim's subject, measure and unit, and only then the other claims about the same
 * subject: the join grows with the claims per subject, not with all claims squared.
 * The order in the rules file is kept where nothing tells two clauses apart.
 */
record JoinPlan(Rule rule, int start, List<ClauseEntry> rest) {

    static JoinPlan startingAt(Rule rule, int start) {
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
            ClauseEntry next = remaining.remove(pickNext(remaining, bound));
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

    private static int pickNext(List<ClauseEntry> remaining, BitSet bound) {
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i) instanceof Functor functor && allBound(functor.getArgs(), bound)) {
                return i;
            }
        }
        int best = -1;
        int bestScore = -1;
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i) instanceof TriplePattern pattern) {
                int score = selectivity(pattern, bound);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
        }
        // Only builtins with unbound variables are left: run them in the order written.
        return best >= 0 ? best : 0;
    }

    /** Higher means fewer matches expected. A class is a weak filter: many things share one. */
    private static int selectivity(TriplePattern pattern, BitSet bound) {
        int score = 0;
        if (isBound(pattern.getSubject(), bound)) {
            score += 8;
        }
        Node object = pattern.getObject();
        if (isBound(object, bound)) {
            boolean classOfType = !object.isVariable() && RDF.type.asNode().equals(pattern.getPredicate());
            score += classOfType ? 1 : 4;
        }
        if (isBound(pattern.getPredicate(), bound)) {
            score += 1;
        }
        return score;
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
