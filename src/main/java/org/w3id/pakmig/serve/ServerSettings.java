package org.w3id.pakmig.serve;

import java.time.Duration;
import java.util.Set;

/**
 * How the endpoint runs.
 *
 * @param port           HTTP port; 0 picks a free one
 * @param queryTimeout   longest a query may run before it is stopped (HTTP 503)
 * @param allowService   whether SPARQL {@code SERVICE} may call other endpoints (off by default:
 *                       a public endpoint must not be usable to make requests elsewhere)
 * @param localhostOnly  listen on the loopback interface only
 * @param serviceHosts   with {@code allowService}, the only hosts {@code SERVICE} may call
 * @param limits         what one request and all requests together may use
 * @param baseUrl        the public address the server is reached at (behind w3id or a proxy),
 *                       used in the dataset description and JSON-LD; null for the local address
 */
public record ServerSettings(int port, Duration queryTimeout, boolean allowService, boolean localhostOnly,
                             Set<String> serviceHosts, Limits limits, String baseUrl) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ServerSettings {
        serviceHosts = Set.copyOf(serviceHosts);
    }

    /** Default limits, no SERVICE hosts, the local address. */
    public ServerSettings(int port, Duration queryTimeout, boolean allowService, boolean localhostOnly) {
        this(port, queryTimeout, allowService, localhostOnly, Set.of(), Limits.defaults(), null);
    }

    /** Default limits, no SERVICE hosts, served at {@code baseUrl}. */
    public ServerSettings(int port, Duration queryTimeout, boolean allowService, boolean localhostOnly, String baseUrl) {
        this(port, queryTimeout, allowService, localhostOnly, Set.of(), Limits.defaults(), baseUrl);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, DEFAULT_TIMEOUT, false, false);
    }
}
