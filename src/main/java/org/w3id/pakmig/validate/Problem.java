package org.w3id.pakmig.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Triple;

/**
 * One thing wrong with the graph.
 *
 * @param check     the shape constraint or check query that found it
 * @param location  {@code file:line} of the offending statement or resource, or "" when it is not in a file
 * @param term      the resource at fault, as the file writes it
 * @param message   what is wrong, in the checker's words
 * @param statement the statement at fault, when the checker names one (else null)
 */
public record Problem(String check, String location, String term, String message, Triple statement) {
    public Problem(String check, String location, String term, String message) {
        this(check, location, term, message, null);
    }

    /**
     * The problems with each statement reported once: a shape and a check query that both
     * catch one wrong value (a year in quotes) say the same thing, so the first one stays.
     */
    public static List<Problem> once(List<Problem> problems) {
        Set<Triple> seen = new HashSet<>();
        List<Problem> result = new ArrayList<>();
        for (Problem p : problems) {
            if (p.statement() == null || seen.add(p.statement())) {
                result.add(p);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        String where = location.isEmpty() ? "" : location + ": ";
        return where + term + ": " + message + " [" + check + "]";
    }
}
