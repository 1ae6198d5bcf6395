package org.w3id.pakmig.validate;

/**
 * One thing wrong with the graph.
 *
 * @param check    the shape constraint or check query that found it
 * @param location {@code file:line} of the offending resource, or "" when it is not in a file
 * @param term     the resource at fault, as the file writes it
 * @param message  what is wrong, in the checker's words
 */
public record Problem(String check, String location, String term, String message) {
    @Override
    public String toString() {
        String where = location.isEmpty() ? "" : location + ": ";
        return where + term + ": " + message + " [" + check + "]";
    }
}
