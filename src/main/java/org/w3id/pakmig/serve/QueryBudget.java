package org.w3id.pakmig.serve;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.ExprEvalException;

/**
 * What one query may spend, shared by its guarded expressions: the query's cancel signal (set
 * by {@link QueryWatchdog} at the deadline) and the longest string it may build or use as a
 * regular expression. Jena's own iterators see the same signal between rows; this lets the
 * work inside one expression (a regular expression, a huge string) stop too.
 */
final class QueryBudget {
    static final int MAX_PATTERN_CHARS = 4 * 1024;
    static final int MAX_STRING_CHARS = 1024 * 1024;

    private final AtomicBoolean cancelled;

    QueryBudget(AtomicBoolean cancelled) {
        this.cancelled = cancelled;
    }

    void checkNotCancelled() {
        if (cancelled.get()) {
            throw new QueryCancelledException();
        }
    }

    /** The text, read through a view that stops the reader when the query is cancelled. */
    CharSequence watched(String text) {
        return new WatchedText(text, 0, text.length(), this);
    }

    static void checkPattern(String pattern) {
        if (pattern.length() > MAX_PATTERN_CHARS) {
            throw new ExprEvalException("regular expression longer than " + MAX_PATTERN_CHARS + " characters");
        }
    }

    static void checkLength(long length) {
        if (length > MAX_STRING_CHARS) {
            throw new ExprEvalException("string result longer than " + MAX_STRING_CHARS + " characters");
        }
    }
}
