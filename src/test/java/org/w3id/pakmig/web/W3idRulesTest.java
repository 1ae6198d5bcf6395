package org.w3id.pakmig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The redirect rules in docs/w3id.md, applied as the w3id service would apply them (first
 * matching RewriteRule), to one IRI of every kind; each target must resolve on our server.
 */
class W3idRulesTest {
    private static final Pattern RULE = Pattern.compile("^RewriteRule (\\S+) (\\S+) \\[R=(30[237]),L\\]$", Pattern.MULTILINE);
    private static final String PUBLIC_HOST = "https://pakmig.example.org";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Rule(Pattern pattern, String target, int status) {}

    private static PublishedServer server;
    private static String local;

    @BeforeAll
    static void start() {
        server = PublishedServer.start(null);
        local = server.local();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static List<Rule> rules() throws Exception {
        String doc = Files.readString(Path.of("docs/w3id.md"));
        String block = doc.substring(doc.indexOf("```apache"), doc.indexOf("```", doc.indexOf("```apache") + 3));
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(block);
        while (m.find()) {
            rules.add(new Rule(Pattern.compile(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
        }
        return rules;
    }

    /** Where w3id would send {@code https://w3id.org/pakmig/PATH}, rewritten to the local server. */
    private static String redirect(List<Rule> rules, String path) {
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(path);
            if (m.matches()) {
                String target = r.target();
                for (int i = 1; i <= m.groupCount(); i++) {
                    target = target.replace("$" + i, m.group(i));
                }
                assertTrue(target.startsWith(PUBLIC_HOST), target);
                return local + target.substring(PUBLIC_HOST.length());
            }
        }
        return null;
    }

    @Test
    void everyKindOfIriTheRulesRedirectResolves() throws Exception {
        List<Rule> rules = rules();
        assertTrue(rules.size() >= 8, "rules found: " + rules.size());
        String[][] iris = {
            {"id", "id/route/dunki-land-route"},
            {"ontology", "ontology"},
            {"version", "ontology/0.1.0"},
            {"graph", "graph/doc-002"},
            {"dataset", "dataset"},
            {"dump", "dumps/pakmig.nq.gz"},
            {"context", "context.jsonld"},
        };
        for (String[] iri : iris) {
            String target = redirect(rules, iri[1]);
            assertNotNull(target, "no rule redirects the " + iri[0] + " IRI " + iri[1]);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(target))
                .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), iri[0] + " -> " + target);
        }
        // A term IRI reaches the server without its fragment; the page must hold the anchor.
        String term = redirect(rules, "ontology");
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(term)).header("Accept", "text/html").build(),
                                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("id=\"Route\""), "the ontology page has no anchor for #Route");
        String sparql = redirect(rules, "sparql");
        assertNotNull(sparql);
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(sparql + "?query=ASK%7B%7D")).build(),
                                    HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(null, redirect(rules, "graph/../etc"), "rules must not pass arbitrary paths");
        // Without --base-url the description names the local address it was reached at.
        String voidTurtle = HTTP.send(HttpRequest.newBuilder(URI.create(local + "/.well-known/void")).build(),
                                      HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(voidTurtle.contains("<" + local + "/pakmig/sparql>"), voidTurtle);
    }
}
