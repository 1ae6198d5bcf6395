package org.w3id.pakmig.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends SPARQL queries over HTTP, as an analyst's client would, and times the whole answer. */
final class SparqlClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Sends one query and reads the whole answer; returns the nanoseconds it took. A reset
     * connection (a kept-alive connection the server had closed) is retried once.
     */
    long ask(String url, String query) {
        try {
            return askOnce(url, query);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException && !query.equals(Server.PROBE)) {
                return askOnce(url, query);
            }
            throw e;
        }
    }

    private long askOnce(String url, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .build();
        long t = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " to " + query);
            }
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - t;
    }
}
