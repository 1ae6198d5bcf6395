package org.w3id.pakmig.serve;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers and methods for a public, read-only server:
 * <ul>
 * <li>TRACE, TRACK and methods no endpoint knows answer 405;</li>
 * <li>every response carries {@code X-Content-Type-Options: nosniff} and a Content Security
 *     Policy that allows only this server's own scripts and styles;</li>
 * <li>CORS for reads only: {@code Access-Control-Allow-Origin: *}, never an echoed origin and
 *     never credentials; a preflight for anything but GET, HEAD or POST is refused;</li>
 * <li>Fuseki's {@code stylesheet} and {@code callback} parameters are dropped: the first puts
 *     the caller's markup into XML results, the second the caller's script before JSON.</li>
 * </ul>
 * Replaces Fuseki's CORS filter, which echoes any origin (even {@code null}) with credentials
 * allowed and approves PUT, DELETE and PATCH in preflight.
 */
final class SafeHeaders implements Filter {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final Set<String> READS = Set.of("GET", "HEAD", "POST");
    /** Methods passed on to the endpoints (writes are refused there unless authenticated). */
    private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH");
    private static final Set<String> DROPPED = Set.of("stylesheet", "callback");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        if (!KNOWN.contains(method)) {
            // TRACE echoes the request (cookies included) back; unknown methods got a 501.
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        if (request.getHeader("Origin") != null) {
            String preflight = request.getHeader("Access-Control-Request-Method");
            if (method.equals("OPTIONS") && preflight != null) {
                if (!READS.contains(preflight)) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-origin requests may only read");
                    return;
                }
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST");
                response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
                response.setHeader("Access-Control-Max-Age", "3600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            if (READS.contains(method)) {
                response.setHeader("Access-Control-Allow-Origin", "*");
            }
        }
        chain.doFilter(withoutDroppedParameters(request), response);
    }

    private static HttpServletRequest withoutDroppedParameters(HttpServletRequest request) {
        String query = request.getQueryString();
        boolean mayHave = (query != null && (query.contains("stylesheet") || query.contains("callback")))
            || "POST".equals(request.getMethod());
        if (!mayHave) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return DROPPED.contains(name) ? null : super.getParameter(name);
            }

            @Override
            public String[] getParameterValues(String name) {
                return DROPPED.contains(name) ? null : super.getParameterValues(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> kept = new LinkedHashMap<>(super.getParameterMap());
                kept.keySet().removeAll(DROPPED);
                return Collections.unmodifiableMap(kept);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(getParameterMap().keySet());
            }
        };
    }
}
