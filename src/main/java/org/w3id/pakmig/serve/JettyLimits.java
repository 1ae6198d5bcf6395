package org.w3id.pakmig.serve;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Connection-level limits on Fuseki's Jetty server. Fuseki's embedded server has 20 threads
 * and no limit on how slowly a client may send or read: 18 clients sending a byte every
 * ten seconds used to take every thread. Here a connection idle for
 * {@link Limits#idleTimeout()} is closed, a client sending or reading slower than
 * {@link #MIN_BYTES_PER_SECOND} is dropped, bodies over the size limit are refused, and there
 * are Jetty's usual 200 threads: a client that sends part of a body and then nothing holds a
 * thread until the idle timeout, so it takes hundreds of them, not 18, to fill the pool.
 */
final class JettyLimits {
    static final long MIN_BYTES_PER_SECOND = 512;
    private static final int HEADER_BYTES = 8 * 1024;

    private JettyLimits() {}

    static int threads(Limits limits) {
        return Math.max(200, 4 * limits.maxConcurrent());
    }

    static void apply(Server jetty, Limits limits, QueryWatchdog watchdog) {
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector server) {
                server.setIdleTimeout(limits.idleTimeout().toMillis());
                HttpConnectionFactory http = server.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    HttpConfiguration config = http.getHttpConfiguration();
                    config.setMinRequestDataRate(MIN_BYTES_PER_SECOND);
                    config.setMinResponseDataRate(MIN_BYTES_PER_SECOND);
                    // A GET query travels in the request line.
                    config.setRequestHeaderSize(HEADER_BYTES + limits.maxRequestBytes());
                    config.setSendServerVersion(false);
                }
            }
        }
        SizeLimitHandler size = new SizeLimitHandler(limits.maxRequestBytes(), -1);
        size.setHandler(jetty.getHandler());
        jetty.setHandler(size);
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                watchdog.stop();
            }
        });
    }
}
