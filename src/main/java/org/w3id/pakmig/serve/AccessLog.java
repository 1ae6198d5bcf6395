package org.w3id.pakmig.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, the length and a short hash of the query string (never
 * the query itself, which may be megabytes or hostile text), status and time. Fuseki's own
 * action log, which logs every query in full, is turned off in {@code simplelogger.properties}.
 */
final class AccessLog implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("pakmig.access");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                String query = request.getQueryString();
                String shown = query == null ? "" : String.format(" ?(%d chars #%08x)", query.length(), query.hashCode());
                LOG.info("{} {}{} {} {}ms", printable(request.getMethod()), printable(request.getRequestURI()), shown,
                         response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** At most 200 characters, control characters replaced, so a request cannot forge log lines. */
    private static String printable(String text) {
        if (text == null) {
            return "-";
        }
        String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return cut.replaceAll("[\\p{Cntrl}\\s]", "_");
    }
}
