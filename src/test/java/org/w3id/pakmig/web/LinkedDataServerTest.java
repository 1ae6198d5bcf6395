package org.w3id.pakmig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.vocab.PM;

/**
 * Every kind of IRI the project publishes, over real HTTP to the real graph: ontology, terms,
 * version, graphs, dataset, /.well-known/void, dumps, service description, JSON-LD context,
 * with content negotiation and Link headers. The server is told it is published at
 * {@code https://pakmig.example.org}, so the description must use that address.
 */
class LinkedDataServerTest {
    private static final String PUBLIC = "https://pakmig.example.org";
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final Map<String, Lang> RDF_TYPES = Map.of(
        "text/turtle", Lang.TURTLE, "application/n-triples", Lang.NTRIPLES,
        "application/ld+json", Lang.JSONLD, "application/rdf+xml", Lang.RDFXML);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PublishedServer server;
    private static String local;
    private static DatasetGraph dataset;

    @BeforeAll
    static void start() {
        server = PublishedServer.start(PUBLIC);
        local = server.local();
        dataset = server.dataset();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Parses an RDF response in the language its Content-Type names (JSON-LD with the served context). */
    static Graph parse(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
        Lang lang = RDF_TYPES.get(type);
        assertNotNull(lang, "not an RDF type: " + type);
        Graph g = GraphFactory.createGraphMem();
        String body = text(response);
        if (lang == Lang.JSONLD) {
            // The context is referred to at the public address; read it from this server instead.
            assertTrue(body.contains("\"@context\": \"" + PUBLIC + "/context.jsonld\""), body);
            body = body.replace("\"" + PUBLIC + "/context.jsonld\"", "\"" + local + "/context.jsonld\"");
        }
        RDFParser.fromString(body, lang).base(local).parse(g);
        return g;
    }

    @Test
    void everyKindOfIriAnswersInEveryFormat() throws Exception {
        Map<String, String> iris = Map.of(
            "/ontology", PM.ONTOLOGY_IRI,
            "/ontology/0.1.0", PM.ONTOLOGY_IRI,
            "/id/route/dunki-land-route", PM.ID + "route/dunki-land-route",
            "/graph/doc-002", PM.GRAPH + "doc-002",
            "/graph/ontology", PM.GRAPH + "ontology",
            "/dataset", PM.DATASET,
            "/.well-known/void", PM.DATASET);
        for (var iri : iris.entrySet()) {
            for (var type : RDF_TYPES.keySet()) {
                HttpResponse<byte[]> response = get(iri.getKey(), type);
                assertEquals(200, response.statusCode(), iri.getKey() + " as " + type);
                Graph g = parse(response);
                assertTrue(g.contains(NodeFactory.createURI(iri.getValue()), Node.ANY, Node.ANY),
                           iri.getKey() + " as " + type + " says nothing about " + iri.getValue());
            }
            HttpResponse<byte[]> page = get(iri.getKey(), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertEquals(200, page.statusCode(), iri.getKey());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), iri.getKey());
        }
        assertEquals(404, get("/ontology/9.9.9", "text/turtle").statusCode(), "only the served version resolves");
        assertEquals(404, get("/graph/doc-999", "text/turtle").statusCode());
    }

    @Test
    void contentNegotiationHonoursQualitiesAndSurvivesNonsense() throws Exception {
        assertType("text/turtle", get("/id/route/dunki-land-route", "text/html;q=0.5, text/turtle"));
        assertType("application/rdf+xml", get("/id/route/dunki-land-route", "application/rdf+xml;q=0.9, text/turtle;q=0.2"));
        assertType("application/n-triples", get("/ontology", "text/turtle;q=0, application/n-triples"));
        assertType("text/html", get("/id/route/dunki-land-route", ";"));
        assertType("text/html", get("/ontology", ";q=x, /, */*;q=nonsense"));
        assertType("text/html", get("/ontology", null));
        assertType("text/turtle", get("/ontology?format=ttl", "text/html"));
    }

    private static void assertType(String expected, HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        assertEquals(expected, response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    }

    @Test
    void resourceAnswersCarryLicenceDatasetAndLinkHeaders() throws Exception {
        HttpResponse<byte[]> response = get("/id/route/dunki-land-route", "text/turtle");
        Graph g = parse(response);
        Node route = NodeFactory.createURI(PM.ID + "route/dunki-land-route");
        assertTrue(g.contains(route, NodeFactory.createURI(VOID + "inDataset"), NodeFactory.createURI(PM.DATASET)));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI("http://purl.org/dc/terms/license"), NodeFactory.createURI(PM.LICENCE)));
        String links = String.join(", ", response.headers().allValues("Link"));
        for (String type : RDF_TYPES.keySet()) {
            Matcher m = Pattern.compile("<([^>]+)>; rel=\"alternate\"; type=\"" + Pattern.quote(type) + "\"").matcher(links);
            assertTrue(m.find(), "no alternate for " + type + " in " + links);
            HttpResponse<byte[]> alternate = get(m.group(1), null);
            assertType(type, alternate);
        }
        assertTrue(links.contains("rel=\"describedby\""), links);
        Matcher described = Pattern.compile("<([^>]+)>; rel=\"describedby\"").matcher(links);
        assertTrue(described.find());
        assertEquals(200, get(described.group(1), "text/turtle").statusCode());
    }

    @Test
    void jsonLdUsesThePublishedContextWithReadableKeys() throws Exception {
        String body = text(get("/id/route/dunki-land-route", "application/ld+json"));
        assertTrue(body.contains("\"label\""), body);
        assertTrue(body.contains("\"crossesCountry\""), body);
        String context = text(get("/context.jsonld", null));
        assertTrue(context.contains("\"crossesCountry\""), context);
    }

    @Test
    void theDatasetDescribesItselfAtBothAddressesWithThePublicAddress() throws Exception {
        for (String path : List.of("/dataset", "/.well-known/void")) {
            Graph g = parse(get(path, "text/turtle"));
            Node ds = NodeFactory.createURI(PM.DATASET);
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "sparqlEndpoint"), NodeFactory.createURI(PUBLIC + "/pakmig/sparql")), path);
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "dataDump"), NodeFactory.createURI(PUBLIC + "/dumps/pakmig.nq.gz")), path);
            assertFalse(text(get(path, "text/turtle")).contains("localhost"), path + " names the local address");
            for (String graph : List.of("ontology", "sources", "doc-000", "doc-001", "doc-002", "doc-003", "inferred")) {
                Node gNode = PM.graph(graph);
                assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "subset"), gNode), graph);
                long size = Txn.calculateRead(dataset, () -> (long) dataset.getGraph(gNode).size());
                assertTrue(g.contains(gNode, NodeFactory.createURI(VOID + "triples"),
                           NodeFactory.createLiteralDT(Long.toString(size), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), graph);
            }
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "vocabulary"), NodeFactory.createURI("http://www.w3.org/ns/prov#")));
            assertTrue(g.contains(ds, NodeFactory.createURI(VOID + "exampleResource"), Node.ANY));
            assertTrue(g.contains(ds, NodeFactory.createURI("http://purl.org/dc/terms/modified"), Node.ANY));
            assertTrue(g.contains(ds, NodeFactory.createURI("http://purl.org/dc/terms/publisher"), Node.ANY));
            assertTrue(g.contains(ds, OWL.versionInfo.asNode(), Node.ANY));
        }
        assertTrue(text(get("/graph/doc-002", "text/html")).contains("human-trafficking-gujrat"), "graph page names its source");
    }

    @Test
    void dumpsMatchTheirChecksumsAndHoldTheGraphs() throws Exception {
        Graph description = parse(get("/dataset", "text/turtle"));
        Map<String, String> sums = new HashMap<>();
        for (String line : text(get("/dumps/SHA256SUMS", null)).split("\n")) {
            String[] parts = line.split("  ");
            sums.put(parts[1], parts[0]);
        }
        assertTrue(sums.containsKey("pakmig.nq.gz") && sums.containsKey("doc-002.ttl.gz"), sums.toString());
        for (var sum : sums.entrySet()) {
            HttpResponse<byte[]> dump = get("/dumps/" + sum.getKey(), null);
            assertEquals(200, dump.statusCode());
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dump.body()));
            assertEquals(sum.getValue(), actual, sum.getKey());
            assertTrue(description.contains(Node.ANY, NodeFactory.createURI("http://spdx.org/rdf/terms#checksumValue"),
                NodeFactory.createLiteralDT(actual, org.apache.jena.datatypes.xsd.XSDDatatype.XSDhexBinary)), "VoID lists " + sum.getKey());
        }
        Dataset all = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(get("/dumps/pakmig.nq.gz", null).body())))
                 .lang(Lang.NQUADS).parse(all);
        long doc002 = Txn.calculateRead(dataset, () -> (long) dataset.getGraph(PM.graph("doc-002")).size());
        assertEquals(doc002, all.asDatasetGraph().getGraph(PM.graph("doc-002")).size());
        assertEquals(404, get("/dumps/nothing.gz", null).statusCode());
    }

    @Test
    void theEndpointDescribesItselfWhenGivenNoQuery() throws Exception {
        HttpResponse<byte[]> sd = get("/pakmig/sparql", null);
        assertEquals(200, sd.statusCode(), text(sd));
        Graph g = parse(sd);
        String SD = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(g.contains(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(SD + "Service")));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(SD + "endpoint"), NodeFactory.createURI(PUBLIC + "/pakmig/sparql")));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(SD + "name"), PM.graph("doc-002")));
        HttpResponse<byte[]> query = get("/pakmig/sparql?query=ASK%7B%7D", "application/sparql-results+json");
        assertTrue(text(query).contains("true"), "a query still goes to the endpoint");
    }

    @Test
    void everyTermTheOntologyPageLinksToHasAnAnchor() throws Exception {
        String html = text(get("/ontology", "text/html"));
        Set<String> ids = matches(html, "id=\"([^\"]+)\"");
        Set<String> internal = matches(html, "href=\"#([^\"]+)\"");
        internal.removeAll(ids);
        assertTrue(internal.isEmpty(), "links without an anchor: " + internal);
        Graph ontology = Txn.calculateRead(dataset, () -> dataset.getGraph(PM.graph(PM.ONTOLOGY)));
        Set<String> missing = new TreeSet<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
            Txn.executeRead(dataset, () -> ontology.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                String iri = t.getSubject().getURI();
                if (iri != null && iri.startsWith(PM.NS) && !ids.contains(iri.substring(PM.NS.length()))) {
                    missing.add(iri);
                }
            }));
        }
        assertTrue(missing.isEmpty(), "terms without an anchor: " + missing);
        assertTrue(ids.contains("Route") && ids.contains("crossesCountry"));
        // Resource pages link ontology terms to /ontology#NAME (relatively, so the pages work
        // behind a path prefix): each of those must land on an anchor.
        String page = text(get("/id/route/dunki-land-route", "text/html"));
        Set<String> termLinks = matches(page, "href=\"(?:/|(?:\\.\\./)+)ontology#([^\"]+)\"");
        assertFalse(termLinks.isEmpty());
        termLinks.removeAll(ids);
        assertTrue(termLinks.isEmpty(), "resource page links to terms the documentation lacks: " + termLinks);
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void hxlTablesAreServedAsCsv() throws Exception {
        HttpResponse<byte[]> places = get("/export/places.csv", null);
        assertEquals(200, places.statusCode());
        assertTrue(places.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        String[] lines = text(places).split("\r\n");
        assertTrue(lines[1].startsWith("#meta+id,#loc+name"), lines[1]);
        assertTrue(lines.length > 50);
        assertEquals(404, get("/export/secrets.csv", null).statusCode());
    }
}
