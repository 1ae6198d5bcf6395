package org.w3id.pakmig.load;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileWrapper;

/**
 * A parser profile that tells the {@link SourceIndex} the line of every triple as the Turtle
 * parser creates it (the line of the triple's object), so locating many problems needs one
 * pass over the files, not one per problem.
 */
final class LineRecorder extends ParserProfileWrapper {
    private final SourceIndex index;
    private final int file;

    LineRecorder(ParserProfile profile, SourceIndex index, int file) {
        super(profile);
        this.index = index;
        this.file = file;
    }

    @Override
    public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
        Triple triple = super.createTriple(subject, predicate, object, line, col);
        index.addStatement(file, triple, line);
        return triple;
    }
}
