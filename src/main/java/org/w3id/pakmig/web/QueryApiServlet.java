package org.w3id.pakmig.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.query.QueryParameter;

/**
 * The analyst query catalogue over HTTP, for scripts that do not have the jar:
 * <ul>
 * <li>{@code GET /api/queries}: every query's name, title, question, columns and parameters (JSON);</li>
 * <li>{@code GET /api/queries/NAME?param=value}: runs it, answering SPARQL results in JSON, XML,
 *     CSV or TSV (graphs in Turtle, N-Triples or JSON-LD) by content negotiation;</li>
 * <li>{@code GET /api/queries/NAME/sparql?param=value}: the query as it will run, parameters bound.</li>
 * </ul>
 * Parameters are bound by {@link NamedQuery#bind}, exactly as {@code pakmig query --param} binds them.
 */
final class QueryApiServlet extends HttpServlet {
    private static final Map<String, Lang> RESULT_TYPES = new LinkedHashMap<>();
    private static final Map<String, RDFFormat> GRAPH_TYPES = new LinkedHashMap<>();
    static {
        RESULT_TYPES.put("application/sparql-results+json", ResultSetLang.RS_JSON);
        RESULT_TYPES.put("application/json", ResultSetLang.RS_JSON);
        RESULT_TYPES.put("application/sparql-results+xml", ResultSetLang.RS_XML);
        RESULT_TYPES.put("application/xml", ResultSetLang.RS_XML);
        RESULT_TYPES.put("text/csv", ResultSetLang.RS_CSV);
        RESULT_TYPES.put("text/tab-separated-values", ResultSetLang.RS_TSV);
        GRAPH_TYPES.put("text/turtle", RDFFormat.TURTLE);
        GRAPH_TYPES.put("application/n-triples", RDFFormat.NTRIPLES);
        GRAPH_TYPES.put("application/ld+json", RDFFormat.JSONLD);
    }

    private final transient DatasetGraph dataset;
    private final transient QueryCatalogue catalogue;

    QueryApiServlet(DatasetGraph dataset, QueryCatalogue catalogue) {
        this.dataset = dataset;
        this.catalogue = catalogue;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            writeJson(response, list());
            return;
        }
        String[] segments = path.substring(1).split("/");
        boolean textOnly = segments.length == 2 && segments[1].equals("sparql");
        if (segments.length > 2 || (segments.length == 2 && !textOnly)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such resource; try /api/queries");
            return;
        }
        NamedQuery named = catalogue.all().stream().filter(q -> q.name().equals(segments[0])).findFirst().orElse(null);
        if (named == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "No query named '" + segments[0] + "'. Valid names:\n  "
                + String.join("\n  ", catalogue.all().stream().map(NamedQuery::name).toList()) + "\n");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v[0]));
        Query query;
        try {
            query = named.bind(values);
        } catch (IllegalArgumentException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage() + "\nParameters of '" + named.name() + "': "
                + (named.parameters().isEmpty() ? "none" : describe(named)) + "\n");
            return;
        }
        if (textOnly) {
            plain(response, HttpServletResponse.SC_OK, query.serialize());
            return;
        }
        run(query, request.getHeader("Accept"), response);
    }

    private void run(Query query, String accept, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        try {
            if (query.isSelectType() || query.isAskType()) {
                Lang lang = MediaTypes.choose(accept, RESULT_TYPES, "application/sparql-results+json");
                if (lang == null) {
                    plain(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "Results come as " + String.join(", ", RESULT_TYPES.keySet()) + "\n");
                    return;
                }
                response.setContentType(lang.getContentType().getContentTypeStr() + ";charset=utf-8");
                Txn.executeRead(dataset, () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                        OutputStream out = outputStream(response);
                        if (query.isAskType()) {
                            ResultsWriter.create().lang(lang).write(out, exec.ask());
                        } else {
                            RowSet rows = exec.select().materialize();  // run fully before answering, so a timeout can still be a 503
                            ResultsWriter.create().lang(lang).write(out, rows);
                        }
                    }
                });
            } else {
                RDFFormat format = MediaTypes.choose(accept, GRAPH_TYPES, "text/turtle");
                if (format == null) {
                    plain(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "Graphs come as " + String.join(", ", GRAPH_TYPES.keySet()) + "\n");
                    return;
                }
                Graph graph = Txn.calculateRead(dataset, () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                        return query.isConstructType() ? exec.construct() : exec.describe();
                    }
                });
                response.setContentType(format.getLang().getContentType().getContentTypeStr() + ";charset=utf-8");
                RDFDataMgr.write(response.getOutputStream(), graph, format);
            }
        } catch (QueryCancelledException e) {
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The query took too long and was stopped\n");
        }
    }

    private static OutputStream outputStream(HttpServletResponse response) {
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonArray list() {
        JsonArray all = new JsonArray();
        for (NamedQuery q : catalogue.all()) {
            JsonObject entry = new JsonObject();
            entry.put("name", q.name());
            entry.put("title", q.title());
            entry.put("question", q.question());
            JsonArray columns = new JsonArray();
            q.columns().forEach(columns::add);
            entry.put("columns", columns);
            JsonArray parameters = new JsonArray();
            for (QueryParameter p : q.parameters()) {
                JsonObject param = new JsonObject();
                param.put("name", p.name());
                param.put("type", p.type().name().toLowerCase());
                param.put("default", p.defaultValue());
                param.put("description", p.description());
                parameters.add(param);
            }
            entry.put("parameters", parameters);
            entry.put("sources", q.sources());
            all.add(entry);
        }
        return all;
    }

    private static String describe(NamedQuery q) {
        return String.join(", ", q.parameters().stream()
            .map(p -> p.name() + " (" + p.type().name().toLowerCase() + ", default " + p.defaultValue() + ")").toList());
    }

    private static void writeJson(HttpServletResponse response, JsonArray json) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        JSON.write(response.getOutputStream(), json);
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(text);
    }
}
