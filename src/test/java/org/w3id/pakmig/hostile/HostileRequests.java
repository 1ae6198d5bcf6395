package org.w3id.pakmig.hostile;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A deterministic (seeded) generator of malformed and hostile requests: the catalogue's
 * queries mutated at random, deep nesting, oversized parts, broken encodings, odd headers and
 * methods. The same seed gives the same requests, byte for byte, on every run.
 */
final class HostileRequests {
    /** One request; {@code expected} is the exact status it must get, or 0 for "any but 5xx". */
    record Hostile(String category, String what, byte[] bytes, int expected) {}

    private static final String SPARQL = "/pakmig/sparql";
    private static final String[] NOISE = {
        "{", "}", "(", ")", "\"", "'", "<", ">", "?", "$", "#", "\\", ".", ";", ",", "*", "^", "|", "/",
        "\u0000", "\u00ff", "\ud83d\ude00", "\u202e", "OPTIONAL", "UNION", "SERVICE", "FILTER", "GRAPH",
        "OFFSET 1000000000", "LIMIT -1", "REGEX", "\"\"\"", "<<", ">>", "@en", "^^", "_:b", "[]", "()",
        "NOT EXISTS {", "SELECT * {", "MINUS {", "BIND(", "VALUES ?x {", "a", "1e999999", "-0", "\n", "\t"};

    private final Random random;
    private final List<String> catalogue;
    private final int maxRequestBytes;

    HostileRequests(long seed, Path queries, int maxRequestBytes) throws IOException {
        this.random = new Random(seed);
        this.maxRequestBytes = maxRequestBytes;
        try (Stream<Path> files = Files.list(queries)) {
            catalogue = files.filter(p -> p.toString().endsWith(".rq")).sorted()
                             .map(HostileRequests::read).toList();
        }
        if (catalogue.isEmpty()) {
            throw new IllegalStateException("no catalogue queries in " + queries);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Hostile> generate(int mutated) {
        List<Hostile> all = new ArrayList<>();
        for (int i = 0; i < mutated; i++) {
            all.add(mutatedQuery());
        }
        nesting(all);
        sizes(all);
        encodings(all);
        headers(all);
        methods(all);
        return all;
    }

    private Hostile mutatedQuery() {
        String q = catalogue.get(random.nextInt(catalogue.size()));
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            q = mutate(q);
        }
        boolean viaGet = random.nextBoolean();
        byte[] bytes = viaGet
            ? RawHttp.request("GET", SPARQL + "?query=" + form(q), accept(), null)
            : RawHttp.request("POST", SPARQL, "Content-Type: application/sparql-query\r\n" + accept(),
                              q.getBytes(StandardCharsets.UTF_8));
        return new Hostile("mutated", "mutated catalogue query", bytes, 0);
    }

    private String mutate(String q) {
        int at = q.isEmpty() ? 0 : random.nextInt(q.length());
        int len = Math.min(q.length() - at, 1 + random.nextInt(20));
        switch (random.nextInt(8)) {
            case 0: return q.substring(0, at) + q.substring(at + len);
            case 1: return q.substring(0, at) + NOISE[random.nextInt(NOISE.length)] + q.substring(at);
            case 2: return q.substring(0, at) + q.substring(at, at + len).repeat(2 + random.nextInt(5)) + q.substring(at);
            case 3: return q.substring(0, at);
            case 4: return q.replaceFirst("\\?(\\w+)", "\"" + "x".repeat(random.nextInt(50)) + "\"");
            case 5: return q.replaceAll("LIMIT \\d+", "") + " OFFSET " + random.nextInt(1_000_000_000);
            case 6: return q.replaceFirst("\\{", Matcher.quoteReplacement("{ FILTER(REGEX(STR(?s), \"^(a+)+$\")) "));
            default: return q.replaceFirst("WHERE\\s*\\{", "WHERE { " + "{ ".repeat(random.nextInt(200)))
                              + " }".repeat(random.nextInt(200));
        }
    }

    private String accept() {
        String[] accepts = {"", "Accept: application/sparql-results+json\r\n", "Accept: text/csv\r\n",
            "Accept: application/sparql-results+xml\r\n", "Accept: text/turtle\r\n", "Accept: ;\r\n",
            "Accept: */*;q=nonsense\r\n", "Accept: application/x-unknown\r\n"};
        return accepts[random.nextInt(accepts.length)];
    }

    private void nesting(List<Hostile> all) {
        for (int depth : new int[] {100, 1000, 3000, 10_000}) {
            post(all, "nesting", "parentheses " + depth, "SELECT (" + "(".repeat(depth) + "1" + ")".repeat(depth) + " AS ?x) {}");
            post(all, "nesting", "1+1+... " + depth, "SELECT (" + "1+".repeat(depth) + "1 AS ?x) {}");
            post(all, "nesting", "groups " + depth, "SELECT * {" + "{".repeat(depth) + "?s ?p ?o" + "}".repeat(depth) + "} LIMIT 1");
            post(all, "nesting", "NOT ... " + depth, "ASK { FILTER(" + "!".repeat(depth) + "true) }");
            post(all, "nesting", "subqueries " + depth / 10,
                 "SELECT * {" + "{ SELECT * {".repeat(depth / 10) + "?s ?p ?o" + "} }".repeat(depth / 10) + "} LIMIT 1");
            post(all, "nesting", "EXISTS " + depth / 10,
                 "ASK {" + "FILTER EXISTS {".repeat(depth / 10) + "?s ?p ?o" + "}".repeat(depth / 10) + "}");
        }
    }

    private void sizes(List<Hostile> all) {
        int[] lengths = {maxRequestBytes / 2, maxRequestBytes - 100, maxRequestBytes + 1, 4 * maxRequestBytes, 8 * 1024 * 1024};
        for (int length : lengths) {
            int expect = length > maxRequestBytes ? 413 : 0;
            post(all, "size", "literal " + length, expect, "ASK { FILTER(\"" + "a".repeat(length) + "\" = \"b\") }");
            post(all, "size", "regex pattern " + length, expect,
                 "ASK { FILTER(REGEX(\"aaaa\", \"" + "a".repeat(length) + "\")) }");
            post(all, "size", "regex alternatives " + length, expect,
                 "ASK { FILTER(REGEX(\"aaaa\", \"" + "(a|b)".repeat(length / 5) + "\")) }");
            StringBuilder vars = new StringBuilder("SELECT");
            for (int i = 0; vars.length() < length; i++) {
                vars.append(" ?v").append(i);
            }
            post(all, "size", "projected variables " + length, expect, vars + " {}");
            StringBuilder triples = new StringBuilder("SELECT * {");
            for (int i = 0; triples.length() < length; i++) {
                triples.append(" ?s").append(i).append(" ?p ?o").append(i).append(" .");
            }
            post(all, "size", "triple patterns " + length, expect, triples + "} LIMIT 1");
        }
        post(all, "size", "string doubling", 0, doubling());
        post(all, "size", "REPLACE growth", 0, "SELECT (STRLEN(?y) AS ?n) { BIND(\"" + "a".repeat(200)
             + "\" AS ?x) BIND(REPLACE(?x, \"a\", \"" + "b".repeat(2000) + "\") AS ?x2) BIND(REPLACE(?x2, \"b\", \""
             + "c".repeat(2000) + "\") AS ?y) }");
        all.add(new Hostile("size", "8 MB form body", RawHttp.request("POST", SPARQL,
            "Content-Type: application/x-www-form-urlencoded\r\n",
            ("query=" + "a".repeat(8 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII)), 413));
        all.add(new Hostile("size", "Content-Length lies (larger)", bytes("POST " + SPARQL + " HTTP/1.1\r\nHost: x\r\n"
            + "Connection: close\r\nContent-Type: application/sparql-query\r\nContent-Length: 999999999\r\n\r\nASK {}"), 413));
        all.add(new Hostile("size", "long URL", RawHttp.request("GET", SPARQL + "?query=" + "a".repeat(200_000), "", null), 0));
        all.add(new Hostile("size", "huge header", RawHttp.request("GET", SPARQL + "?query=ASK%7B%7D",
            "X-Big: " + "b".repeat(100_000) + "\r\n", null), 0));
    }

    private static String doubling() {
        StringBuilder q = new StringBuilder("SELECT (STRLEN(?x30) AS ?n) { BIND(\"aaaaaaaa\" AS ?x0) ");
        for (int i = 1; i <= 30; i++) {
            q.append("BIND(CONCAT(?x").append(i - 1).append(", ?x").append(i - 1).append(") AS ?x").append(i).append(") ");
        }
        return q.append('}').toString();
    }

    private void encodings(List<Hostile> all) {
        String[] badEscapes = {"%FF", "%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%G1", "%", "%4", "%E2%82",
                               "ASK%7B%7D%FF", "SELECT%20*%20%7B%3Fs%20%3Fp%20%22%FE%22%7D"};
        for (String e : badEscapes) {
            all.add(new Hostile("encoding", "query string " + e, RawHttp.request("GET", SPARQL + "?query=" + e, "", null), 400));
            all.add(new Hostile("encoding", "form body " + e, RawHttp.request("POST", SPARQL,
                "Content-Type: application/x-www-form-urlencoded\r\n", ("query=" + e).getBytes(StandardCharsets.US_ASCII)), 0));
        }
        for (int i = 0; i < 100; i++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            all.add(new Hostile("encoding", "random bytes as query", RawHttp.request("POST", SPARQL,
                "Content-Type: application/sparql-query\r\n", junk), 0));
            all.add(new Hostile("encoding", "random bytes as form", RawHttp.request("POST", SPARQL,
                "Content-Type: application/x-www-form-urlencoded\r\n", concat("query=", junk)), 0));
        }
        String[] charsets = {"bogus", "utf-16", "iso-8859-1", "\"utf-8", "", "x-unknown;;", "UTF-8"};
        for (String c : charsets) {
            int expect = c.equals("UTF-8") ? 200 : 0;
            all.add(new Hostile("encoding", "charset " + c, RawHttp.request("POST", SPARQL,
                "Content-Type: application/sparql-query; charset=" + c + "\r\n", bytes("ASK {}")), expect));
            all.add(new Hostile("encoding", "form charset " + c, RawHttp.request("POST", SPARQL,
                "Content-Type: application/x-www-form-urlencoded; charset=" + c + "\r\n", bytes("query=ASK%7B%7D")), expect));
        }
        for (String enc : new String[] {"gzip", "deflate", "br", "gzip, gzip", "compress"}) {
            all.add(new Hostile("encoding", "fake " + enc + " body", RawHttp.request("POST", SPARQL,
                "Content-Type: application/sparql-query\r\nContent-Encoding: " + enc + "\r\n", bytes("ASK {}")), 415));
        }
        all.add(new Hostile("encoding", "chunked body", bytes("POST " + SPARQL + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n"), 200));
        all.add(new Hostile("encoding", "broken chunks", bytes("POST " + SPARQL + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nASK {}\r\n"), 0));
        all.add(new Hostile("encoding", "oversized chunked body", concat("POST " + SPARQL + " HTTP/1.1\r\nHost: x\r\n"
            + "Connection: close\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(4 * maxRequestBytes) + "\r\n", concat("a".repeat(4 * maxRequestBytes), bytes("\r\n0\r\n\r\n"))), 413));
    }

    private void headers(List<Hostile> all) {
        String[] paths = {SPARQL + "?query=ASK%7B%7D", "/ontology", "/id/place/quetta", "/id/place/nowhere", "/",
                          "/pakmig/get?default", "/pakmig/get?graph=%FF", "/id/%FF", "/pakmig/sparql"};
        String[] headers = {"Accept: ;", "Accept: ;;;", "Accept: text/html;q=", "Accept: ,,,", "Accept: */*;q=2;q=3",
            "Accept: " + "text/turtle,".repeat(2000), "Accept: \u00ff\u00fe", "Origin: null", "Origin: https://evil.example",
            "Content-Type: ;", "Content-Type: application/sparql-query; charset", "Range: bytes=0-1,2-3",
            "If-Modified-Since: never", "Accept-Charset: bogus", "Accept-Encoding: gzip;q=nonsense", "Accept-Language: ;",
            "Expect: 100-continue", "X-Forwarded-For: 127.0.0.1", "Cookie: a=" + "b".repeat(4000)};
        for (String path : paths) {
            for (String header : headers) {
                int expect = header.startsWith("Accept: ;") && (path.equals("/ontology") || path.equals("/id/place/quetta")) ? 200 : 0;
                all.add(new Hostile("header", header.substring(0, Math.min(40, header.length())) + " on " + path,
                    RawHttp.request("GET", path, header + "\r\n", null), expect));
            }
        }
    }

    private void methods(List<Hostile> all) {
        String[] paths = {SPARQL, SPARQL + "?query=ASK%7B%7D", "/pakmig/get?default", "/pakmig/data", "/pakmig", "/pakmig/update",
                          "/ontology", "/id/place/quetta", "/", "/$/ping", "/$/stats", "/nothing-here"};
        String[] methods = {"PUT", "DELETE", "PATCH", "TRACE", "TRACK", "CONNECT", "PROPFIND", "FOO", "OPTIONS", "HEAD", "POST", "GET"};
        for (String path : paths) {
            for (String method : methods) {
                int expect = method.equals("TRACE") || method.equals("TRACK") ? 405 : 0;
                byte[] body = method.equals("PUT") || method.equals("POST") || method.equals("PATCH")
                    ? bytes("<urn:a> <urn:b> <urn:c> .") : null;
                all.add(new Hostile("method", method + " " + path, RawHttp.request(method, path,
                    body == null ? "" : "Content-Type: text/turtle\r\n", body), expect));
            }
            all.add(new Hostile("method", "preflight PUT " + path, RawHttp.request("OPTIONS", path,
                "Origin: https://evil.example\r\nAccess-Control-Request-Method: PUT\r\n", null), 403));
        }
        all.add(new Hostile("method", "update by query", RawHttp.request("POST", SPARQL, "Content-Type: application/sparql-update\r\n",
            bytes("INSERT DATA { <urn:a> <urn:b> <urn:c> }")), 0));
        all.add(new Hostile("method", "update as form", RawHttp.request("POST", SPARQL, "Content-Type: application/x-www-form-urlencoded\r\n",
            bytes("update=" + form("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))), 0));
        all.add(new Hostile("method", "garbage request line", bytes("\u0001\u0002 / HTTP/9.9\r\n\r\n"), 0));
        // Jetty's parser refuses an HTTP/0.9 request line with 505 (version not supported) before
        // any code of ours runs: the one 5xx other than 503 the suite accepts, and only here.
        all.add(new Hostile("method", "HTTP/0.9", bytes("GET /\r\n"), 505));
    }

    private void post(List<Hostile> all, String category, String what, String query) {
        post(all, category, what, 0, query);
    }

    private void post(List<Hostile> all, String category, String what, int expected, String query) {
        all.add(new Hostile(category, what, RawHttp.request("POST", SPARQL,
            "Content-Type: application/sparql-query\r\n", query.getBytes(StandardCharsets.UTF_8)), expected));
    }

    static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] h = bytes(head);
        byte[] all = new byte[h.length + tail.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(tail, 0, all, h.length, tail.length);
        return all;
    }
}
