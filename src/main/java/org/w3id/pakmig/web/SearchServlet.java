package org.w3id.pakmig.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * The search page, {@code /search?q=words}: resources whose names, descriptions or anchor
 * phrases match, best first, with type, snippet and the documents that mention them.
 * The words are searched as words: Lucene's query syntax characters are escaped.
 */
final class SearchServlet extends HttpServlet {
    private final transient Templates templates;
    private final transient PageQueries queries;
    private final transient Documents documents;

    SearchServlet(Templates templates, PageQueries queries, Documents documents) {
        this.templates = templates;
        this.queries = queries;
        this.documents = documents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = Links.root(request.getRequestURI());
        String query = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
        List<SearchResult> results = new ArrayList<>();
        if (!query.isEmpty()) {
            for (Binding row : queries.select("search", Map.of("q", QueryParserBase.escape(query)))) {
                results.add(result(row, root));
            }
        }
        Map<String, Object> page = new HashMap<>();
        page.put("root", root);
        page.put("query", query);
        page.put("results", results);
        response.setContentType("text/html;charset=utf-8");
        templates.render("search", page, response.getWriter());
    }

    private SearchResult result(Binding row, String root) {
        Node resource = row.get(Var.alloc("resource"));
        Node label = row.get(Var.alloc("label"));
        String name = label == null ? Links.localName(resource.getURI()) : label.getLiteralLexicalForm();
        String href = Links.local(resource) ? root + Links.page(resource) : resource.getURI();
        // The longest matching text gives the most context (a description rather than a name);
        // the IRI's words (indexed so slugs are searchable) make a poor snippet when anything else matched.
        String slug = Links.localName(resource.getURI()).replace('-', ' ');
        List<String> matches = Arrays.stream(text(row, "matches").split("\n")).toList();
        String match = matches.stream().filter(m -> !m.replace("⟦", "").replace("⟧", "").equals(slug))
                              .max(Comparator.comparingInt(String::length))
                              .orElse(matches.get(0));
        List<Link> docs = new ArrayList<>();
        String docIds = text(row, "documents");
        Arrays.stream(docIds.split(" ")).filter(s -> !s.isEmpty()).sorted()
              .forEach(id -> docs.add(documents.link(id, root)));
        return new SearchResult(new Link(name, href, resource.getURI()),
                                text(row, "types"),
                                Snippet.parse(match),
                                docs);
    }

    private static String text(Binding row, String column) {
        Node value = row.get(Var.alloc(column));
        return value == null ? "" : value.getLiteralLexicalForm();
    }
}
