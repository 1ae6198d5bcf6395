package org.w3id.pakmig.serve;

import java.time.Duration;

/**
 * What the server lets requests use, set by the operator ({@code serve --max-...}).
 *
 * @param maxRequestBytes  largest request body or query string; larger ones answer 413 (this
 *                         also bounds a query's literals and regular expressions)
 * @param maxResultRows    most rows (SELECT) or triples (CONSTRUCT) one answer holds; a longer
 *                         answer is cut there and says so in the {@code Pakmig-Truncated} header
 * @param maxConcurrent    queries running at once; up to four times as many more wait (at most
 *                         the query timeout), the rest answer 503 with {@code Retry-After}
 * @param idleTimeout      a connection that sends or reads nothing for this long is closed
 */
public record Limits(int maxRequestBytes, int maxResultRows, int maxConcurrent, Duration idleTimeout) {
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_RESULT_ROWS = 50_000;
    public static final int DEFAULT_MAX_CONCURRENT = 8;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESULT_ROWS, DEFAULT_MAX_CONCURRENT, DEFAULT_IDLE_TIMEOUT);
    }
}
