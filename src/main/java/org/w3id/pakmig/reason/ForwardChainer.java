package org.w3id.pakmig.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.BindingEnvironment;
import org.apache.jena.reasoner.rulesys.Builtin;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Functor;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.reasoner.rulesys.RuleContext;
import org.apache.jena.reasoner.rulesys.impl.BindingVector;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ClosableIterator;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Runs forward rules to a fixpoint by semi-naive evaluation: the first round matches every
 * rule against the whole graph, each later round only the matches that use at least one
 * triple derived in the round before. Each match is an index lookup against the graph in the
 * order of a {@link JoinPlan}, planned each round from the {@link PredicateStatistics} of the
 * graph and the conclusions so far, so the graph itself can live on disk (TDB2) and the only
 * state held in memory is what the rules derive (and statistics as large as the vocabulary).
 *
 * <p>Builtins ({@code notEqual}, {@code lessThan}, {@code noValue}, ...) are Jena's own,
 * called with the bindings of the match, so they mean exactly what they mean to Jena's engine.
 */
final class ForwardChainer {
    private final List<Rule> rules;

    ForwardChainer(List<Rule> rules) {
        for (Rule rule : rules) {
            for (ClauseEntry head : rule.getHead()) {
                if (!(head instanceof TriplePattern)) {
                    throw new IllegalArgumentException("Rule " + rule.getName() + ": only triples can be concluded, not " + head);
                }
            }
            for (ClauseEntry clause : rule.getBody()) {
                if (clause instanceof Functor f && f.getImplementor() == null) {
                    throw new IllegalArgumentException("Rule " + rule.getName() + ": unknown builtin " + f.getName());
                }
                if (!(clause instanceof Functor) && !(clause instanceof TriplePattern)) {
                    throw new IllegalArgumentException("Rule " + rule.getName() + ": unsupported clause " + clause);
                }
            }
        }
        this.rules = List.copyOf(rules);
    }

    /** What the rules derive from {@code asserted} that it does not already hold. */
    Graph run(Graph asserted) {
        Graph inferred = GraphFactory.createGraphMem();
        PredicateStatistics statistics = PredicateStatistics.of(asserted);
        Graph delta = null;
        while (true) {
            Graph next = GraphFactory.createGraphMem();
            Consumer<Triple> conclude = t -> {
                if (!asserted.contains(t) && !inferred.contains(t)) {
                    next.add(t);
                }
            };
            for (Rule rule : rules) {
                if (delta == null) {
                    int start = JoinPlan.cheapestStart(rule, statistics);
                    if (start >= 0) {
                        new Match(JoinPlan.startingAt(rule, start, statistics), asserted, inferred, conclude).from(asserted);
                    }
                } else {
                    ClauseEntry[] body = rule.getBody();
                    for (int i = 0; i < body.length; i++) {
                        if (body[i] instanceof TriplePattern) {
                            new Match(JoinPlan.startingAt(rule, i, statistics), asserted, inferred, conclude).from(delta);
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                return inferred;
            }
            next.find().forEach(t -> {
                inferred.add(t);
                statistics.add(t);
            });
            delta = next;
        }
    }

    /** One evaluation of one plan: bindings are a flat array indexed by rule variable. */
    private static final class Match implements RuleContext {
        private final JoinPlan plan;
        private final Graph asserted;
        private final Graph inferred;
        private final Consumer<Triple> conclude;
        private final Node[] env;
        private final BindingVector bindings;

        Match(JoinPlan plan, Graph asserted, Graph inferred, Consumer<Triple> conclude) {
            this.plan = plan;
            this.asserted = asserted;
            this.inferred = inferred;
            this.conclude = conclude;
            this.env = new Node[plan.rule().getNumVars()];
            this.bindings = new BindingVector(env);
        }

        void from(Graph source) {
            TriplePattern first = plan.first();
            forEach(source, first, () -> join(0));
        }

        private void join(int step) {
            if (step == plan.rest().size()) {
                for (ClauseEntry head : plan.rule().getHead()) {
                    Triple t = bindings.instantiate((TriplePattern) head);
                    if (t.isConcrete()) {
                        conclude.accept(t);
                    }
                }
                return;
            }
            ClauseEntry clause = plan.rest().get(step);
            if (clause instanceof Functor functor) {
                // A builtin may bind variables (product(?v, ?f, ?n) binds ?n): they are
                // unbound again afterwards, as a pattern's are, or the next match would test
                // against this match's value instead of computing its own.
                Node[] before = env.clone();
                Builtin builtin = functor.getImplementor();
                if (builtin.bodyCall(functor.getArgs(), functor.getArgLength(), this)) {
                    join(step + 1);
                }
                System.arraycopy(before, 0, env, 0, env.length);
            } else {
                TriplePattern pattern = (TriplePattern) clause;
                forEach(asserted, pattern, () -> join(step + 1));
                forEach(inferred, pattern, () -> join(step + 1));
            }
        }

        /** Calls {@code next} once per triple of {@code graph} matching the pattern under the current bindings. */
        private void forEach(Graph graph, TriplePattern pattern, Runnable next) {
            Node s = value(pattern.getSubject());
            Node p = value(pattern.getPredicate());
            Node o = value(pattern.getObject());
            // Reads only: conclusions go to a separate graph until the round ends, so nested
            // lookups on the same graph are safe and nothing is copied.
            ExtendedIterator<Triple> matches = graph.find(s, p, o);
            try {
                List<Integer> newlyBound = new ArrayList<>(3);
                while (matches.hasNext()) {
                    Triple t = matches.next();
                    if (bind(pattern.getSubject(), t.getSubject(), newlyBound)
                            && bind(pattern.getPredicate(), t.getPredicate(), newlyBound)
                            && bind(pattern.getObject(), t.getObject(), newlyBound)) {
                        next.run();
                    }
                    for (int i : newlyBound) {
                        env[i] = null;
                    }
                    newlyBound.clear();
                }
            } finally {
                matches.close();
            }
        }

        private Node value(Node node) {
            if (node instanceof Node_RuleVariable v) {
                Node bound = env[v.getIndex()];
                return bound == null ? Node.ANY : bound;
            }
            return node;
        }

        private boolean bind(Node patternNode, Node value, List<Integer> newlyBound) {
            if (!(patternNode instanceof Node_RuleVariable v)) {
                return true;
            }
            Node current = env[v.getIndex()];
            if (current == null) {
                env[v.getIndex()] = value;
                newlyBound.add(v.getIndex());
                return true;
            }
            return current.equals(value);
        }

        @Override
        public BindingEnvironment getEnv() {
            return bindings;
        }

        @Override
        public InfGraph getGraph() {
            return null;
        }

        @Override
        public Rule getRule() {
            return plan.rule();
        }

        @Override
        public void setRule(Rule rule) {
            throw new UnsupportedOperationException("a match runs one rule");
        }

        @Override
        public boolean contains(Triple t) {
            return contains(t.getSubject(), t.getPredicate(), t.getObject());
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            return asserted.contains(s, p, o) || inferred.contains(s, p, o);
        }

        @Override
        public ClosableIterator<Triple> find(Node s, Node p, Node o) {
            return asserted.find(s, p, o).andThen(inferred.find(s, p, o));
        }

        @Override
        public void silentAdd(Triple t) {
            conclude.accept(t);
        }

        @Override
        public void add(Triple t) {
            conclude.accept(t);
        }

        @Override
        public void remove(Triple t) {
            throw new UnsupportedOperationException("rules here only add conclusions");
        }
    }
}
