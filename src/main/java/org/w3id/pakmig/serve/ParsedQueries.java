package org.w3id.pakmig.serve;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * Parsed queries by their text, so that a query sent again (a catalogue query, a page or
 * dashboard that asks the same thing) is not parsed again: parsing is the largest part of what
 * a small query costs the server besides evaluating it. The parsed query is only ever read:
 * each request evaluates its own copy, made by {@link ExpressionGuards}, which carries that
 * request's cancel signal. Parsed as Fuseki parses (ARQ syntax, Fuseki's placeholder base).
 */
final class ParsedQueries {
    /** How many distinct query texts are kept (least recently used go first). */
    static final int MAX_ENTRIES = 256;
    /** Longer texts are parsed every time: the cache stays small however large requests may be. */
    static final int MAX_CACHED_CHARS = 32 * 1024;
    private static final String BASE = "http://server/unset-base/";

    private final Cache<String, Query> parsed = CacheFactory.createCache(MAX_ENTRIES);

    /** The query {@code text} parsed; a syntax error throws Jena's {@code QueryParseException}. */
    Query parse(String text) {
        Query known = parsed.getIfPresent(text);
        if (known != null) {
            return known;
        }
        Query query = QueryFactory.create(text, BASE, Syntax.syntaxARQ);
        // Computed lazily by Jena otherwise: set here so that sharing the query never writes to it.
        query.setResultVars();
        if (text.length() <= MAX_CACHED_CHARS) {
            parsed.put(text, query);
        }
        return query;
    }
}
