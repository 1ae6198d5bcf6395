package org.w3id.pakmig.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryCancelledException;

/**
 * Pages (entity pages, pictures, search) run their queries under the server's timeout like the
 * endpoint does, and must end the same way when it strikes: 503 with {@code Retry-After}, not a
 * 500 with a stack trace in the log. The pages run their queries before writing anything, so
 * the response can still be replaced.
 */
final class PageTimeouts implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) resp;
        try {
            chain.doFilter(request, response);
        } catch (QueryCancelledException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Retry-After", QueryAdmission.RETRY_AFTER_SECONDS);
            response.setContentType("text/plain;charset=utf-8");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("The page's queries timed out; try again shortly\n");
        }
    }
}
