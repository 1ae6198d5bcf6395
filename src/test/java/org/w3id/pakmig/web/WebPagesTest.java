package org.w3id.pakmig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.serve.ServerSettings;
import org.w3id.pakmig.serve.SparqlServer;

/** The web pages and the query catalogue API over real HTTP, on the real graph. */
class WebPagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = SparqlServer.start(RealGraph.dataset(), new ServerSettings(0, ServerSettings.DEFAULT_TIMEOUT, false, true),
                                    QueryCatalogue.from(RealGraph.sources()));
        base = "http://localhost:" + server.getPort();
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---------- /api/queries ----------

    @Test
    void catalogueListsEveryNamedQueryWithItsHeader() throws Exception {
        HttpResponse<String> response = get("/api/queries", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray list = JSON.parseAny(response.body()).getAsArray();
        QueryCatalogue catalogue = QueryCatalogue.from(RealGraph.sources());
        assertEquals(catalogue.all().size(), list.size());
        Set<String> names = new TreeSet<>();
        for (JsonValue v : list) {
            JsonObject q = v.getAsObject();
            names.add(q.get("name").getAsString().value());
            assertFalse(q.get("title").getAsString().value().isBlank());
            assertFalse(q.get("question").getAsString().value().isBlank());
            assertFalse(q.get("columns").getAsArray().isEmpty());
        }
        assertEquals(new TreeSet<>(catalogue.all().stream().map(NamedQuery::name).toList()), names);
        JsonObject legs = list.stream().map(JsonValue::getAsObject)
            .filter(q -> q.get("name").getAsString().value().equals("route-legs-in-order")).findFirst().orElseThrow();
        JsonObject route = legs.get("parameters").getAsArray().get(0).getAsObject();
        assertEquals("route", route.get("name").getAsString().value());
        assertEquals("iri", route.get("type").getAsString().value());
        assertEquals("<https://w3id.org/pakmig/id/route/dunki-land-route>", route.get("default").getAsString().value());
    }

    @Test
    void namedQueryRunsWithTheValueBoundAsTheCliBindsIt() throws Exception {
        HttpResponse<String> csv = get("/api/queries/route-legs-in-order?route=" + encode("route:dunki-land-route"), "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("order,from,to,mode,borderCrossing,countries,routeLabel,document,section", lines[0]);

        // The same rows as binding the same value in process (what `pakmig query --param` does).
        NamedQuery named = QueryCatalogue.from(RealGraph.sources()).get("route-legs-in-order");
        Query bound = named.bind(Map.of("route", "route:dunki-land-route"));
        List<String> expected = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(RealGraph.dataset()).query(bound).build()) {
            exec.select().forEachRemaining(b -> expected.add(b.get(Var.alloc("order")).getLiteralLexicalForm() + ","
                + b.get(Var.alloc("from")).getLiteralLexicalForm() + "," + b.get(Var.alloc("to")).getLiteralLexicalForm()));
        }
        assertEquals(5, expected.size());
        assertEquals(expected.size(), lines.length - 1);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines[i + 1].startsWith(expected.get(i) + ","), lines[i + 1] + " vs " + expected.get(i));
        }
        assertTrue(lines[1].startsWith("1,Gujrat District,Quetta,land"), lines[1]);

        HttpResponse<String> other = get("/api/queries/route-legs-in-order?route="
            + encode("<https://w3id.org/pakmig/id/route/mediterranean-sea-route>"), "text/csv");
        assertEquals(200, other.statusCode());
        assertFalse(other.body().contains("Quetta"), other.body());
    }

    @Test
    void namedQueryAnswersEveryResultFormatByNegotiation() throws Exception {
        HttpResponse<String> json = get("/api/queries/routes-overview", null);
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(JSON.parse(json.body()).get("results").getAsObject().get("bindings").getAsArray().size() > 0);

        HttpResponse<String> xml = get("/api/queries/routes-overview", "application/sparql-results+xml");
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
        assertTrue(xml.body().contains("<sparql"), xml.body());

        HttpResponse<String> tsv = get("/api/queries/routes-overview", "text/tab-separated-values;q=0.9, text/csv;q=0.5");
        assertTrue(tsv.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));

        assertEquals(406, get("/api/queries/routes-overview", "image/png").statusCode());
    }

    @Test
    void unknownQueryIs404AndBadParameter400NamingTheValidOnes() throws Exception {
        HttpResponse<String> unknown = get("/api/queries/no-such-query", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("route-legs-in-order"), unknown.body());

        HttpResponse<String> badName = get("/api/queries/route-legs-in-order?rout=x", null);
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("no parameter 'rout'") && badName.body().contains("valid: route"), badName.body());

        HttpResponse<String> badValue = get("/api/queries/route-legs-in-order?route=" + encode("x> } DROP ALL #"), null);
        assertEquals(400, badValue.statusCode());
        assertTrue(badValue.body().contains("route (iri, default <https://w3id.org/pakmig/id/route/dunki-land-route>)"), badValue.body());

        HttpResponse<String> text = get("/api/queries/route-legs-in-order/sparql?route=" + encode("route:mediterranean-sea-route"), null);
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("route:mediterranean-sea-route\n"), text.body());
        assertFalse(text.body().contains("dunki-land-route"), text.body());
    }

    // ---------- search ----------

    private static List<String> textQuery(String words) throws Exception {
        String sparql = "PREFIX text: <http://jena.apache.org/text#>\n"
            + "SELECT DISTINCT ?s WHERE { ?s text:query \"" + words + "\" }";
        HttpResponse<String> response = get("/pakmig/sparql?query=" + encode(sparql), "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        List<String> rows = new ArrayList<>(List.of(response.body().split("\r\n")));
        rows.remove(0);
        return rows;
    }

    @Test
    void textQueryAtTheEndpointFindsBothSpellings() throws Exception {
        String route = "https://w3id.org/pakmig/id/route/dunki-land-route";
        List<String> dunky = textQuery("dunky");
        List<String> dunki = textQuery("dunki");
        assertTrue(dunky.contains(route), dunky.toString());
        assertEquals(new TreeSet<>(dunki), new TreeSet<>(dunky));

        String gujrat = "https://w3id.org/pakmig/id/place/gujrat-district";
        List<String> gujarat = textQuery("Gujarat");
        assertTrue(gujarat.contains(gujrat), gujarat.toString());
        assertEquals(new TreeSet<>(textQuery("Gujrat")), new TreeSet<>(gujarat));

        assertTrue(textQuery("zzyzx").isEmpty());
    }

    @Test
    void searchPageRanksTheRouteFirstWithTypeSnippetAndDocuments() throws Exception {
        HttpResponse<String> page = get("/search?q=dunky", null);
        assertEquals(200, page.statusCode());
        String body = page.body();
        Matcher first = Pattern.compile("<a class=\"result\" href=\"([^\"]+)\">([^<]+)</a>").matcher(body);
        assertTrue(first.find(), body);
        assertEquals("./id/route/dunki-land-route", first.group(1));
        assertEquals("Dunki land route", first.group(2));
        String firstResult = body.substring(first.start(), body.indexOf("</li>", first.start()));
        assertTrue(firstResult.contains("(Route)"), firstResult);
        assertTrue(firstResult.contains("<mark>"), firstResult);
        assertTrue(firstResult.contains(">doc-002</a>"), firstResult);

        String escaped = get("/search?q=" + encode("<script>alert(1)</script> AND (dunki"), null).body();
        assertFalse(escaped.contains("<script>alert"), "search words are escaped");
        assertEquals(200, get("/search?q=" + encode("\"unbalanced ( quote"), null).statusCode());
    }

    // ---------- entity pages ----------

    @Test
    void routePageShowsTypeLegsInOrderInferenceCitationsAndDiagram() throws Exception {
        HttpResponse<String> page = get("/id/route/dunki-land-route", "text/html");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<h1>Dunki land route</h1>"), body);
        Matcher types = Pattern.compile("<p class=\"types\">(.*?)</p>", Pattern.DOTALL).matcher(body);
        assertTrue(types.find());
        assertEquals(1, types.group(1).split("<a ", -1).length - 1, "one most specific type: " + types.group(1));
        assertTrue(types.group(1).contains(">Route</a>"));

        String[] legs = {"Gujrat District to Quetta", "Quetta to Taftan", "Taftan border into Iran", "Iran to Turkey", "Turkey to Greece"};
        int last = body.indexOf("<h2>Statements</h2>");
        for (String leg : legs) {
            int at = body.indexOf("Dunki route: " + leg, last);
            assertTrue(at > last, leg + " out of order");
            last = at;
        }
        assertTrue(body.contains("href=\"../../ontology#hasLeg\""), "property names link to their definition");
        assertTrue(Pattern.compile("<li class=\"inferred\">\\s*<a href=\"../../id/place/pakistan\"").matcher(body).find(),
            "inferred statements are marked");
        assertTrue(body.contains(">§2.9 Routes and Patterns of Illegal Migration</a>"), "citations name section number and title");
        assertTrue(body.contains("<q>The most famous land route used for irregular migration from Gujrat</q>"), "anchor phrase quoted");
        assertTrue(body.contains("<svg") && body.contains(">Taftan</text>"), "route diagram inline");
        assertFalse(body.contains("Leg of"), "the legs' legOf links are the materialised inverse of hasLeg: not repeated");
    }

    @Test
    void eventPageShowsConflictingFiguresWithSources() throws Exception {
        String body = get("/id/event/greece-boat-disaster-2023", "text/html").body();
        int figures = body.indexOf("<h2>Figures</h2>");
        assertTrue(figures > 0, body);
        String table = body.substring(figures, body.indexOf("</table>", figures));
        for (String value : List.of("<td>700</td>", "<td>350</td>", "<td>298</td>")) {
            assertTrue(table.contains(value), value + " in " + table);
        }
        assertTrue(table.contains("class=\"conflict\""), table);
        assertTrue(table.contains(">doc-002</a>"), table);
        assertTrue(table.contains("<q>700 Pakistani migrants, mostly from Gujrat, drowned at sea</q>"), table);
    }

    @Test
    void longListsAreCollapsedAndIncomingLinksWordedFromThisSide() throws Exception {
        String body = get("/id/place/pakistan", "text/html").body();
        assertTrue(body.contains("<details>"), "long lists collapse");
        assertTrue(body.contains("<h2>Linked from</h2>"));
        assertTrue(body.contains(">Contains</span>"), "pm:locatedIn pointing here reads 'contains'");
    }

    // ---------- workbench, assets, pictures ----------

    @Test
    void workbenchLoadsYasguiFromTheJarWithRelativeLinks() throws Exception {
        String body = get("/", null).body();
        assertTrue(body.contains("src=\"./webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js\""), body);
        assertFalse(body.contains("dbpedia"));
        assertTrue(body.contains("data-name=\"route-legs-in-order\""));
        HttpResponse<String> js = get("/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        int traversal = get("/webjars/../../org/w3id/pakmig/web/Templates.class", null).statusCode();
        assertTrue(traversal == 400 || traversal == 404, "no way out of the asset folders: " + traversal);
        assertEquals(404, get("/static/Templates.class", null).statusCode());
        assertEquals(200, get("/static/workbench.js", null).statusCode());
    }

    @Test
    void picturesAreStandaloneSvgAndPng() throws Exception {
        for (String name : List.of("flows", "factors", "timeline", "route/dunki-land-route")) {
            HttpResponse<String> svg = get("/pictures/" + name + ".svg", null);
            assertEquals(200, svg.statusCode(), name);
            assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), name);
            assertTrue(svg.body().startsWith("<?xml") && svg.body().contains("<svg"), name);
        }
        assertTrue(get("/pictures/factors.svg", null).body().contains("Poverty (push)"));
        assertTrue(get("/pictures/timeline.svg", null).body().contains("Prevention of Trafficking in Persons Act"));
        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/pictures/flows.png")).build(),
                                             HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);
        assertEquals(404, get("/pictures/route/no-such-route.svg", null).statusCode());
        assertEquals(404, get("/pictures/flows.gif", null).statusCode());
        String index = get("/pictures", null).body();
        assertTrue(index.contains("Route: Dunki land route"), index);
    }

}
