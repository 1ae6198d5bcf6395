package org.w3id.pakmig.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.w3id.pakmig.query.NamedQuery;

/**
 * Load test for the endpoint (issue 11): N clients for S seconds, each cycling through the
 * query catalogue (parameters bound to their defaults), one request at a time. Prints
 * requests, errors, throughput and latency percentiles; exits 1 on any error.
 * Not a unit test: run it with {@code bench/load-test.sh}, which starts the server.
 * <pre>java -cp target/test-classes:target/pakmig.jar org.w3id.pakmig.bench.LoadClient URL CLIENTS SECONDS QUERY_DIR</pre>
 */
public final class LoadClient {
    private LoadClient() {}

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String> queries = catalogue(Path.of(args[3]));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread t = new Thread(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    String query = queries.get(i % queries.size());
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/sparql-query")
                                .header("Accept", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                        outcome = Integer.toString(response.statusCode());
                    } catch (IOException e) {
                        outcome = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies.add((System.nanoTime() - start) / 1_000);
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int errors = sorted.size() - outcomes.getOrDefault("200", new AtomicInteger()).get();
        System.out.printf("clients %d, %d s, %d catalogue queries: %d requests, %d errors, %.1f requests/s%n",
                          clients, seconds, queries.size(), sorted.size(), errors, sorted.size() / (double) seconds);
        System.out.printf("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                          percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        System.out.println("outcomes: " + new TreeMap<>(outcomes));
        System.exit(errors == 0 ? 0 : 1);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static List<String> catalogue(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> all = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".rq", "");
                all.add(NamedQuery.parse(name, Files.readString(p)).bind(Map.of()).toString());
            }
            return all;
        }
    }
}
