package org.w3id.pakmig.cite;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of a union graph that holds the asserted statements and the citation
 * graphs, showing only the asserted statements: what SHACL and the rules read. It lets a
 * database build load each document's graph and its citation graph in one pass, and validate
 * and reason afterwards, on the default graph (their union), with the asserted statements alone.
 *
 * <p>Every statement of a citation graph has a citation as its subject, and no asserted
 * statement has (the annotations are moved out of the documents whole), so a statement is a
 * citation's exactly when its subject is one. A citation is a blank node typed
 * {@code pm:StatementCitation} or {@code pm:InheritedCitation} (data never asserts those
 * types: the build makes them), or a reifier named by an IRI, which the view is given (there
 * are few: the data writes its annotations as {@code {| ... |}}).
 */
public final class AssertedView extends GraphBase {
    private static final Node TYPE = RDF.type.asNode();

    private record Verdict(Node subject, boolean citation) {}

    private final Graph union;
    private final Set<Node> namedCitations;
    /** The last subject looked up: a graph's statements come grouped by subject. */
    private Verdict last = new Verdict(null, false);

    /** @param namedCitations the citations of {@code union} that are not blank nodes ({@link #namedCitations}) */
    public AssertedView(Graph union, Set<Node> namedCitations) {
        this.union = union;
        this.namedCitations = Set.copyOf(namedCitations);
    }

    /** The citations of {@code citations} (a citation graph) that are not blank nodes. */
    public static Set<Node> namedCitations(Graph citations) {
        Set<Node> named = new HashSet<>();
        for (Node type : Set.of(StatementCitations.STATED, StatementCitations.INHERITED)) {
            citations.find(Node.ANY, TYPE, type).forEachRemaining(t -> {
                if (!t.getSubject().isBlank()) {
                    named.add(t.getSubject());
                }
            });
        }
        return named;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return union.find(pattern).filterDrop(t -> isCitation(t.getSubject()));
    }

    private boolean isCitation(Node subject) {
        if (!subject.isBlank()) {
            return namedCitations.contains(subject);
        }
        Verdict verdict = last;
        if (!subject.equals(verdict.subject())) {
            verdict = new Verdict(subject, union.contains(subject, TYPE, StatementCitations.INHERITED)
                                           || union.contains(subject, TYPE, StatementCitations.STATED));
            last = verdict;
        }
        return verdict.citation();
    }
}
