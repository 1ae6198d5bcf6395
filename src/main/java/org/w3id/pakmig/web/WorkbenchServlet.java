package org.w3id.pakmig.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.pakmig.query.QueryCatalogue;

/** The query workbench at {@code /}: YASGUI on this server's endpoint beside the named-query catalogue. */
final class WorkbenchServlet extends HttpServlet {
    private static final String DEFAULT_QUERY = Prefixes.declarations("pm", "rdfs") + """

        # Every route in the graph; click one to open its page.
        SELECT ?route ?origin ?destination WHERE {
          ?route a pm:Route .
          OPTIONAL { ?route pm:origin ?origin }
          OPTIONAL { ?route pm:destination ?destination }
        }
        ORDER BY ?route
        """;

    private final transient Templates templates;
    private final transient QueryCatalogue catalogue;

    WorkbenchServlet(Templates templates, QueryCatalogue catalogue) {
        this.templates = templates;
        this.catalogue = catalogue;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> page = new HashMap<>();
        page.put("root", Links.root(request.getRequestURI()));
        page.put("queries", catalogue.all());
        page.put("prefixes", Prefixes.all());
        page.put("defaultQuery", DEFAULT_QUERY);
        response.setContentType("text/html;charset=utf-8");
        templates.render("workbench", page, response.getWriter());
    }
}
