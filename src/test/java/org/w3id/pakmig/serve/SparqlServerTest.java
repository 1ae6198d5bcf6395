package org.w3id.pakmig.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.fuseki.main.FusekiServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.query.QueryCatalogue;

/** The embedded endpoint over real HTTP, serving the real graph on a free port. */
class SparqlServerTest {
    private static final String ASK_ONTOLOGY =
        "ASK { <https://w3id.org/pakmig/ontology> a <http://www.w3.org/2002/07/owl#Ontology> }";
    private static final String SELECT_LABEL = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE { <https://w3id.org/pakmig/ontology#Route> rdfs:label ?label }""";

    private static FusekiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SparqlServer.start(RealGraph.dataset(),
            new ServerSettings(0, ServerSettings.DEFAULT_TIMEOUT, false, true));
        base = "http://localhost:" + server.getPort() + "/pakmig";
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String sparql, String accept) throws IOException, InterruptedException {
        return get("/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), accept);
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Content-Type", contentType)
                                    .header("Accept", "application/sparql-results+json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getAnswersInEveryResultFormat() throws Exception {
        HttpResponse<String> json = query(SELECT_LABEL, "application/sparql-results+json");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"value\": \"Route\""), json.body());

        HttpResponse<String> xml = query(SELECT_LABEL, "application/sparql-results+xml");
        assertEquals(200, xml.statusCode());
        assertTrue(xml.body().contains("<literal xml:lang=\"en\">Route</literal>"), xml.body());

        HttpResponse<String> csv = query(SELECT_LABEL, "text/csv");
        assertEquals(200, csv.statusCode());
        assertEquals("label\r\nRoute\r\n", csv.body());

        HttpResponse<String> tsv = query(SELECT_LABEL, "text/tab-separated-values");
        assertEquals(200, tsv.statusCode());
        assertEquals("?label\n\"Route\"@en\n", tsv.body());
    }

    @Test
    void postAnswersAsQueryBodyAndAsForm() throws Exception {
        HttpResponse<String> direct = post("/sparql", "application/sparql-query", ASK_ONTOLOGY);
        assertEquals(200, direct.statusCode());
        assertTrue(direct.body().contains("\"boolean\" : true"), direct.body());

        HttpResponse<String> form = post("/sparql", "application/x-www-form-urlencoded",
            "query=" + URLEncoder.encode(ASK_ONTOLOGY, StandardCharsets.UTF_8));
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("\"boolean\" : true"), form.body());
    }

    @Test
    void constructAnswersInTurtleAndNTriples() throws Exception {
        String construct = "CONSTRUCT { <https://w3id.org/pakmig/ontology#Route> ?p ?o } "
                         + "WHERE { <https://w3id.org/pakmig/ontology#Route> ?p ?o }";
        HttpResponse<String> turtle = query(construct, "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(turtle.body().contains("\"Route\"@en"), turtle.body());

        HttpResponse<String> ntriples = query(construct, "application/n-triples");
        assertEquals(200, ntriples.statusCode());
        assertTrue(ntriples.body().contains(
            "<https://w3id.org/pakmig/ontology#Route> <http://www.w3.org/2000/01/rdf-schema#label> \"Route\"@en ."),
            ntriples.body());
    }

    @Test
    void graphStoreReadsNamedGraphs() throws Exception {
        HttpResponse<String> ontology = get("/get?graph="
            + URLEncoder.encode("https://w3id.org/pakmig/graph/ontology", StandardCharsets.UTF_8), "application/n-triples");
        assertEquals(200, ontology.statusCode());
        assertTrue(ontology.body().contains("<https://w3id.org/pakmig/ontology> "
            + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Ontology> ."));
        assertEquals(404, get("/get?graph=" + URLEncoder.encode("https://w3id.org/pakmig/graph/nope",
            StandardCharsets.UTF_8), "text/turtle").statusCode());
    }

    @Test
    void theDefaultGraphIsTheUnionOfAllGraphs() throws Exception {
        HttpResponse<String> inferredType = query("""
            ASK { <https://w3id.org/pakmig/id/doc/human-trafficking-gujrat-district-immigrants>
                    a <http://www.w3.org/ns/prov#Entity> }""", "application/sparql-results+json");
        assertTrue(inferredType.body().contains("\"boolean\" : true"), "inferred triples are in the default graph");
    }

    @Test
    void malformedQueryIsA400WithTheParserMessageAndTheServerStaysUp() throws Exception {
        HttpResponse<String> bad = query("SELECT ?x WHERE { ?x ?y }", "application/sparql-results+json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Parse error") || bad.body().contains("Encountered"), bad.body());
        assertEquals(200, query(SELECT_LABEL, "text/csv").statusCode());
    }

    @Test
    void updatesAreRefused() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        int viaSparql = post("/sparql", "application/sparql-update", update).statusCode();
        int viaUpdate = post("/update", "application/sparql-update", update).statusCode();
        int viaData = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/data?default"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(viaSparql >= 400 && viaUpdate >= 400 && viaData >= 400,
                   "write attempts answered " + viaSparql + ", " + viaUpdate + ", " + viaData);
        HttpResponse<String> ask = query("ASK { <urn:x> <urn:y> <urn:z> }", "application/sparql-results+json");
        assertTrue(ask.body().contains("\"boolean\" : false"));
    }

    @Test
    void remoteServiceCallsAreRefused() throws Exception {
        HttpResponse<String> response = query(
            "SELECT * WHERE { SERVICE <http://localhost:" + server.getPort() + "/pakmig/sparql> { ?s ?p ?o } } LIMIT 1",
            "application/sparql-results+json");
        assertTrue(response.statusCode() >= 400, "SERVICE answered " + response.statusCode() + ": " + response.body());
    }

    /**
     * A server of its own with a one-second timeout, on the same dataset as the shared server:
     * the timeout holds there and nowhere else (not in the dataset that other tests query).
     */
    @Test
    void longQueriesAreStoppedByTheTimeoutOfTheirServerOnly() throws Exception {
        FusekiServer strict = SparqlServer.start(RealGraph.dataset(),
            new ServerSettings(0, Duration.ofSeconds(1), false, true));
        try {
            String endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + strict.getPort() + "/pakmig/sparql?query="
                    + URLEncoder.encode(endless, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
        } finally {
            strict.stop();
        }
        assertTrue(RealGraph.dataset().getContext().isUndef(ARQ.queryTimeout),
                   "the server's timeout must not be written into the dataset's context");
        assertEquals(200, query(SELECT_LABEL, "text/csv").statusCode());
    }

    /** A page whose queries hit the timeout answers as the endpoint does: 503, never a 500. */
    @Test
    void aPageStoppedByTheTimeoutAnswers503() throws Exception {
        HttpServlet stopped = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new QueryCancelledException();
            }
        };
        FusekiServer withPage = SparqlServer.start(RealGraph.dataset(), new ServerSettings(0, ServerSettings.DEFAULT_TIMEOUT, false, true),
            QueryCatalogue.from(RealGraph.sources()), Publication.of(RealGraph.dataset(), null),
            builder -> builder.addServlet("/stopped", stopped));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + withPage.getPort() + "/stopped")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().contains("timed out"), response.body());
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().toString());
        } finally {
            withPage.stop();
        }
    }

    @Test
    void corsIsAllowedForReads() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                + URLEncoder.encode(ASK_ONTOLOGY, StandardCharsets.UTF_8)))
                .header("Origin", "https://example.org").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(), response.headers().toString());
    }

    @Test
    void corsNeverEchoesAnOriginNorApprovesWrites() throws Exception {
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query="
                + URLEncoder.encode(ASK_ONTOLOGY, StandardCharsets.UTF_8)))
                .header("Origin", "null").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("*", read.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(read.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        assertEquals("nosniff", read.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(read.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", method).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(403, preflight.statusCode(), method);
        }
    }

    @Test
    void callbackAndStylesheetParametersAreIgnored() throws Exception {
        String ask = URLEncoder.encode(ASK_ONTOLOGY, StandardCharsets.UTF_8);
        HttpResponse<String> json = get("/sparql?query=" + ask + "&callback=alert", "application/sparql-results+json");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().strip().startsWith("{"), json.body());
        HttpResponse<String> xml = get("/sparql?query=" + ask + "&stylesheet=https://example.org/x.xsl",
                                       "application/sparql-results+xml");
        assertTrue(!xml.body().contains("example.org/x.xsl"), xml.body());
    }

    @Test
    void clientMistakesAreClientErrors() throws Exception {
        assertEquals(400, get("/sparql?query=%FF", null).statusCode());
        assertEquals(415, post("/sparql", "application/sparql-query; charset=bogus", ASK_ONTOLOGY).statusCode());
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
            .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, page("/ontology", ";").statusCode());
        HttpResponse<String> service = post("/sparql", "application/sparql-query",
            "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }");
        assertEquals(400, service.statusCode(), service.body());
    }

    @Test
    void theTimeoutHoldsAfterAQuerySkippingAHugeOffset() throws Exception {
        FusekiServer strict = SparqlServer.start(RealGraph.dataset(),
            new ServerSettings(0, Duration.ofSeconds(1), false, true));
        try {
            String url = "http://localhost:" + strict.getPort() + "/pakmig/sparql?query=";
            for (String q : new String[] {
                    "SELECT * WHERE {?a ?b ?c.?d ?e ?f.?g ?h ?i} LIMIT 10 OFFSET 1000000000",
                    "SELECT (COUNT(*) AS ?n) WHERE {?a ?b ?c.?d ?e ?f.?g ?h ?i}",
                    "ASK { FILTER(REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(a+)+\\\\1$\")) }"}) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    url + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, response.statusCode(), q + ": " + response.body());
            }
        } finally {
            strict.stop();
        }
    }

    private static HttpResponse<String> page(String path, String accept) throws IOException, InterruptedException {
        String root = base.substring(0, base.length() - "/pakmig".length());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void resourceIrisResolveToRdfByContentNegotiation() throws Exception {
        HttpResponse<String> turtle = page("/id/route/dunki-land-route", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(turtle.body().contains("hasLeg"), turtle.body());
        assertTrue(turtle.body().contains("crossesCountry"), "inferred statements are part of the description");

        HttpResponse<String> jsonld = page("/id/route/dunki-land-route", "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.body().contains("https://w3id.org/pakmig/id/route/dunki-land-route"), jsonld.body());
    }

    @Test
    void resourceIrisResolveToAPageForBrowsers() throws Exception {
        HttpResponse<String> html = page("/id/route/dunki-land-route", "text/html,application/xhtml+xml");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<h1>Dunki land route</h1>"), html.body());
        assertTrue(html.body().contains("href=\"../../id/place/greece\""), "links lead to the linked resources' pages");
        assertEquals(404, page("/id/place/atlantis", "text/html").statusCode());
        assertEquals(200, page("/ontology", "text/turtle").statusCode());
    }

    @Test
    void theWorkbenchExampleQueryRuns() throws Exception {
        HttpResponse<String> home = page("/", "text/html");
        assertEquals(200, home.statusCode());
        Matcher example = Pattern.compile("\"defaultQuery\": (\"(?:[^\"\\\\]|\\\\.)*\")").matcher(home.body());
        assertTrue(example.find(), home.body());
        String csv = query(JSON.parseAny(example.group(1)).getAsString().value(), "text/csv").body();
        assertTrue(csv.startsWith("route,origin,destination\r\n"), csv);
        assertTrue(csv.contains("https://w3id.org/pakmig/id/route/dunki-land-route"), csv);
    }
}
