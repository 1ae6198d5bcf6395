package org.w3id.pakmig.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Static files served from the jar: {@code /webjars/...} from the WebJars on the classpath
 * (YASGUI), {@code /static/...} from this package's {@code static/} (the pages' style and
 * scripts). Nothing comes from a CDN.
 */
final class AssetServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
        "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
        "map", "application/json", "svg", "image/svg+xml", "png", "image/png");

    private final String classpathRoot;

    /** @param classpathRoot the classpath folder the request path is read under, e.g. {@code META-INF/resources/webjars/} */
    AssetServlet(String classpathRoot) {
        this.classpathRoot = classpathRoot;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String extension = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
        if (path == null || path.contains("..") || path.contains("//") || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(classpathRoot + path.substring(1))) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
