package org.w3id.pakmig.serve;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The landing page at {@code /}: what the graph is, a query form, and where the endpoints are. */
public final class HomePageServlet extends HttpServlet {
    private final byte[] page;

    public HomePageServlet() {
        try (InputStream in = HomePageServlet.class.getResourceAsStream("home.html")) {
            if (in == null) {
                throw new IllegalStateException("home.html is missing from the jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.getOutputStream().write(page);
    }
}
