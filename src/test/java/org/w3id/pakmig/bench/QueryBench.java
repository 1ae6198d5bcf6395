package org.w3id.pakmig.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serving parts of the suite, on the real graph in memory: start-to-ready of {@code serve}
 * against plain Fuseki loading our exported dump, each catalogue query on both (interleaved,
 * after warm-up), and throughput at {@value #CLIENTS} clients.
 */
final class QueryBench {
    static final int CLIENTS = 16;
    /** The bound on every catalogue query's median on the real graph. */
    static final double QUERY_LIMIT_MS = 50;

    record Startup(double oursMillis, double fusekiMillis) {
        double ratio() {
            return oursMillis / fusekiMillis;
        }
    }

    record Queries(double geometricMeanRatio, Map<String, Double> oursMedianMillis) {
        /** The queries whose median on ours is at or over the limit, slowest first. */
        List<String> overLimit() {
            return oursMedianMillis.entrySet().stream().filter(e -> e.getValue() >= QUERY_LIMIT_MS)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> "%s (%.1f ms)".formatted(e.getKey(), e.getValue())).toList();
        }
    }

    record Throughput(double ours, double fuseki) {
        double ratio() {
            return ours / fuseki;
        }
    }

    private final BenchOptions options;
    private final Path work;
    private final Path dump;
    private final SparqlClient client = new SparqlClient();

    QueryBench(BenchOptions options, Path work, Path dump) {
        this.options = options;
        this.work = work;
        this.dump = dump;
    }

    Startup startup(StringBuilder section, long quads) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> fuseki = new ArrayList<>();
        for (int i = 0; i < options.starts(); i++) {
            try (Server s = startOurs()) {
                ours.add(s.readyMillis);
            }
            try (Server s = startFuseki()) {
                fuseki.add(s.readyMillis);
            }
        }
        Startup result = new Startup(Stats.median(ours), Stats.median(fuseki));
        section.append("From JVM start to the first answered query (median of ").append(options.starts())
               .append(", alternating). pakmig parses,\nvalidates, reasons and checks the shipped files; Fuseki loads the exported dump\n")
               .append("(").append(quads).append(" quads, the union default graph included).\n\n")
               .append("| | pakmig `serve` | plain Fuseki `--file` | ratio |\n|---|---|---|---|\n")
               .append("| start to ready | %.0f ms | %.0f ms | %.2f |\n".formatted(result.oursMillis(), result.fusekiMillis(), result.ratio()));
        BenchmarkSuite.log("startup ours " + ours + " fuseki " + fuseki);
        return result;
    }

    Queries queries(StringBuilder section, Map<String, String> texts) throws Exception {
        try (Server ours = startOurs(); Server fuseki = startFuseki()) {
            for (int r = 0; r < options.warmupRounds(); r++) {
                for (String text : texts.values()) {
                    client.ask(ours.url, text);
                    client.ask(fuseki.url, text);
                }
            }
            Map<String, List<Long>> oursNanos = new LinkedHashMap<>();
            Map<String, List<Long>> fusekiNanos = new LinkedHashMap<>();
            for (int r = 0; r < options.measuredRounds(); r++) {
                for (Map.Entry<String, String> q : texts.entrySet()) {
                    oursNanos.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(client.ask(ours.url, q.getValue()));
                    fusekiNanos.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(client.ask(fuseki.url, q.getValue()));
                }
            }
            section.append("Each query: warm-up rounds on both servers: ").append(options.warmupRounds()).append("; then measured rounds: ")
                   .append(options.measuredRounds()).append(", interleaved (ours, Fuseki, next query).\n")
                   .append("Times are client-side, full response read, in ms.\n\n")
                   .append("| query | pakmig median | pakmig p95 | Fuseki median | Fuseki p95 | ratio of medians |\n|---|---|---|---|---|---|\n");
            double logSum = 0;
            Map<String, Double> medians = new LinkedHashMap<>();
            for (String name : texts.keySet()) {
                double om = Stats.median(oursNanos.get(name)) / 1e6;
                double fm = Stats.median(fusekiNanos.get(name)) / 1e6;
                logSum += Math.log(om / fm);
                medians.put(name, om);
                section.append("| %s | %.1f | %.1f | %.1f | %.1f | %.2f |\n".formatted(name, om, Stats.p95(oursNanos.get(name)) / 1e6,
                                                                               fm, Stats.p95(fusekiNanos.get(name)) / 1e6, om / fm));
            }
            Queries result = new Queries(Math.exp(logSum / texts.size()), medians);
            String slowest = medians.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            section.append("\nGeometric mean of the ratios: **%.2f**. Slowest pakmig median: %s, %.1f ms. "
                           .formatted(result.geometricMeanRatio(), slowest, medians.getOrDefault(slowest, 0.0)))
                   .append("Medians at or over %.0f ms: %s.\n".formatted(QUERY_LIMIT_MS,
                           result.overLimit().isEmpty() ? "none" : String.join(", ", result.overLimit())));
            BenchmarkSuite.log("query geomean ratio " + result.geometricMeanRatio());
            return result;
        }
    }

    Throughput throughput(StringBuilder section, List<String> texts) throws Exception {
        Throughput result;
        try (Server ours = startOurs(); Server fuseki = startFuseki()) {
            for (int r = 0; r < options.warmupRounds(); r++) {
                for (String text : texts) {
                    client.ask(ours.url, text);
                    client.ask(fuseki.url, text);
                }
            }
            result = new Throughput(throughput(ours.url, texts), throughput(fuseki.url, texts));
        }
        section.append("Both servers up and warmed up as above; then each in turn gets ").append(CLIENTS)
               .append(" clients, each sending the catalogue\nqueries in turn for ").append(options.throughputTime().toSeconds())
               .append(" s.\n\n| | pakmig | plain Fuseki | ratio |\n|---|---|---|---|\n")
               .append("| queries/s | %.1f | %.1f | %.2f |\n".formatted(result.ours(), result.fuseki(), result.ratio()));
        BenchmarkSuite.log("throughput " + result);
        return result;
    }

    private double throughput(String url, List<String> texts) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            threads.add(new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    client.ask(url, texts.get(i % texts.size()));
                    done.incrementAndGet();
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(options.throughputTime().toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private Server startOurs() throws IOException, InterruptedException {
        int port = Server.freePort();
        return new Server(List.of("java", BenchmarkSuite.HEAP, "-jar", options.root().resolve("target/pakmig.jar").toString(),
                                  "serve", "--port", String.valueOf(port), "--localhost"),
                          "http://localhost:" + port + "/pakmig/sparql", work.resolve("server-pakmig.log"), client);
    }

    private Server startFuseki() throws IOException, InterruptedException {
        int port = Server.freePort();
        return new Server(List.of("java", BenchmarkSuite.HEAP, "-jar", options.fusekiJar().toString(), "--port", String.valueOf(port),
                                  "--localhost", "--file", dump.toString(), "/ds"),
                          "http://localhost:" + port + "/ds/sparql", work.resolve("server-fuseki.log"), client);
    }
}
