package org.w3id.pakmig.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.synth.SyntheticData;

/**
 * The benchmark suite (not a unit test: run with {@code mvn -B -Pbench verify}). In one run it
 * measures, on this machine: start-to-ready of {@code serve} against plain Fuseki loading our
 * exported dump; every catalogue query's median and p95 on both, interleaved, after warm-up;
 * throughput at 16 clients; build time per stage and peak memory per synthetic size; and
 * {@code tdb2.tdbloader} loading the same files. It writes {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code ROOT FUSEKI_JAR JENA_HOME SIZES...} (sizes in triples, e.g. 20000 200000).
 */
public final class BenchmarkSuite {
    private static final int WARMUP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 15;
    private static final int CLIENTS = 16;
    private static final Duration THROUGHPUT_TIME = Duration.ofSeconds(15);
    private static final String HEAP = "-Xmx8g";

    private final Path root;
    private final Path work;
    private final Path fusekiJar;
    private final Path jenaHome;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder doc = new StringBuilder();

    private BenchmarkSuite(Path root, Path fusekiJar, Path jenaHome) {
        this.root = root;
        this.work = root.resolve("target/bench");
        this.fusekiJar = fusekiJar;
        this.jenaHome = jenaHome;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]), Path.of(args[2]));
        List<Long> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Long.parseLong(args[i]));
        }
        suite.run(sizes, String.join(" ", args));
    }

    private void run(List<Long> sizes, String arguments) throws Exception {
        Files.createDirectories(work);
        Path jar = root.resolve("target/pakmig.jar");
        header(arguments);

        Path dump = work.resolve("pakmig-dump.nq");
        GraphBuild.Result built = GraphBuild.run(SourceTree.directory(root));
        try (OutputStream out = Files.newOutputStream(dump)) {
            // The default graph (the union of all graphs) goes in explicitly: Fuseki's in-memory
            // dataset would not make it the union by itself.
            RDFDataMgr.write(out, built.dataset(), Lang.NQUADS);
        }
        long dumpQuads = built.dataset().stream().count();
        log("dump: " + dumpQuads + " quads");

        startup(jar, dump, dumpQuads);
        save();
        queries(jar, dump);
        save();
        builds(jar, sizes);
        save();
        log("wrote docs/benchmarks.md");
    }

    /** Writes what is measured so far, so a run stopped at a large size keeps the smaller ones. */
    private void save() throws IOException {
        Files.writeString(root.resolve("docs/benchmarks.md"), doc.toString());
    }

    // --- start-to-ready -------------------------------------------------------------------

    private void startup(Path jar, Path dump, long quads) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> fuseki = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (Server s = startOurs(jar)) {
                ours.add(s.readyMillis);
            }
            try (Server s = startFuseki(dump)) {
                fuseki.add(s.readyMillis);
            }
        }
        double o = median(ours);
        double f = median(fuseki);
        doc.append("\n## Start to ready (in memory, real graph)\n\n")
           .append("From JVM start to the first answered query (median of 3, alternating). pakmig parses,\n")
           .append("validates, reasons and checks the shipped files; Fuseki loads the exported dump\n")
           .append("(").append(quads).append(" quads, the union default graph included).\n\n")
           .append("| | pakmig `serve` | plain Fuseki `--file` | ratio |\n|---|---|---|---|\n")
           .append("| start to ready | %.0f ms | %.0f ms | %.2f |\n".formatted(o, f, o / f));
        log("startup ours " + ours + " fuseki " + fuseki);
    }

    // --- catalogue queries and throughput ---------------------------------------------------

    private void queries(Path jar, Path dump) throws Exception {
        List<NamedQuery> catalogue = QueryCatalogue.from(SourceTree.directory(root)).all();
        Map<String, String> texts = new LinkedHashMap<>();
        for (NamedQuery q : catalogue) {
            texts.put(q.name(), q.bind(Map.of()).toString());
        }
        try (Server ours = startOurs(jar); Server fuseki = startFuseki(dump)) {
            for (int r = 0; r < WARMUP_ROUNDS; r++) {
                for (String text : texts.values()) {
                    ask(ours.url, text);
                    ask(fuseki.url, text);
                }
            }
            Map<String, List<Long>> oursNanos = new LinkedHashMap<>();
            Map<String, List<Long>> fusekiNanos = new LinkedHashMap<>();
            for (int r = 0; r < MEASURED_ROUNDS; r++) {
                for (Map.Entry<String, String> q : texts.entrySet()) {
                    oursNanos.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(ask(ours.url, q.getValue()));
                    fusekiNanos.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(ask(fuseki.url, q.getValue()));
                }
            }
            doc.append("\n## Catalogue queries (real graph, in memory)\n\n")
               .append("Each query ").append(WARMUP_ROUNDS).append(" rounds of warm-up on both servers, then ")
               .append(MEASURED_ROUNDS).append(" measured rounds, interleaved (ours, Fuseki, next query).\n")
               .append("Times are client-side, full response read, in ms.\n\n")
               .append("| query | pakmig median | pakmig p95 | Fuseki median | Fuseki p95 | ratio of medians |\n|---|---|---|---|---|---|\n");
            double logSum = 0;
            double worst = 0;
            String worstName = "";
            for (String name : texts.keySet()) {
                double om = median(oursNanos.get(name)) / 1e6;
                double fm = median(fusekiNanos.get(name)) / 1e6;
                logSum += Math.log(om / fm);
                if (om > worst) {
                    worst = om;
                    worstName = name;
                }
                doc.append("| %s | %.1f | %.1f | %.1f | %.1f | %.2f |\n".formatted(name, om, p95(oursNanos.get(name)) / 1e6,
                                                                           fm, p95(fusekiNanos.get(name)) / 1e6, om / fm));
            }
            double geo = Math.exp(logSum / texts.size());
            doc.append("\nGeometric mean of the ratios: **%.2f**. Slowest pakmig median: %s, %.1f ms.\n".formatted(geo, worstName, worst));
            log("query geomean ratio " + geo);

            double oq = throughput(ours.url, new ArrayList<>(texts.values()));
            double fq = throughput(fuseki.url, new ArrayList<>(texts.values()));
            doc.append("\n## Throughput, ").append(CLIENTS).append(" clients\n\n")
               .append("Each client sends the catalogue queries in turn for ").append(THROUGHPUT_TIME.toSeconds())
               .append(" s.\n\n| | pakmig | plain Fuseki | ratio |\n|---|---|---|---|\n")
               .append("| queries/s | %.1f | %.1f | %.2f |\n".formatted(oq, fq, oq / fq));
        }
    }

    private double throughput(String url, List<String> texts) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    ask(url, texts.get(i % texts.size()));
                    done.incrementAndGet();
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(THROUGHPUT_TIME.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends one query and reads the whole answer; returns the nanoseconds it took. A reset
     * connection (a kept-alive connection the server had closed) is retried once.
     */
    private long ask(String url, String query) {
        try {
            return askOnce(url, query);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException && !query.equals("ASK {}")) {
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

    // --- builds at synthetic sizes -----------------------------------------------------------

    private static final Pattern BUILT = Pattern.compile(
        "Built in ([\\d,]+) ms \\(load (\\d+), shapes (\\d+), rules (\\d+), checks (\\d+), store (\\d+)\\)");
    private static final Pattern GRAPH_LINE = Pattern.compile("^\\s+(\\S+)\\s+([\\d,]+)$", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private void builds(Path jar, List<Long> sizes) throws Exception {
        doc.append("\n## Build per synthetic size (`build --db`, ").append(HEAP).append(")\n\n")
           .append("Synthetic data from `org.w3id.pakmig.synth.SyntheticData` (seed 1). Times in ms; `write`\n")
           .append("is the TDB2 bulk load (wall time less the build and JVM start); peak RSS of the whole JVM.\n")
           .append("`tdb2.tdbloader --loader=phased` loads the same Turtle files (asserted triples, one graph).\n\n")
           .append("| target | asserted | inferred | load | shapes | rules | checks | write | total wall | peak RSS | pakmig write quads/s | tdbloader triples/s | load ratio |\n")
           .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (long size : sizes) {
            Path tree = work.resolve("syn-" + size);
            deleteTree(tree);
            SyntheticData.write(size, 1, root, tree);
            Path db = work.resolve("db-" + size);
            deleteTree(db);
            long t0 = System.nanoTime();
            String out = exec(List.of("/usr/bin/time", "-v", "java", HEAP, "-jar", jar.toString(), "build",
                                      "--db", db.toString(), "--source", tree.toString()));
            long wall = (System.nanoTime() - t0) / 1_000_000;
            Matcher m = BUILT.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("build at " + size + " failed:\n" + out);
            }
            long built = Long.parseLong(m.group(1).replace(",", ""));
            long asserted = 0;
            long inferred = 0;
            Matcher g = GRAPH_LINE.matcher(out);
            while (g.find()) {
                long n = Long.parseLong(g.group(2).replace(",", ""));
                if (g.group(1).equals("inferred")) {
                    inferred = n;
                } else {
                    asserted += n;
                }
            }
            Matcher r = RSS.matcher(out);
            long rssMb = r.find() ? Long.parseLong(r.group(1)) / 1024 : -1;
            long write = Math.max(1, wall - built - 1000);
            double ourRate = 2.0 * (asserted + inferred) / (write / 1000.0);

            Path ref = work.resolve("ref-" + size);
            deleteTree(ref);
            List<String> loader = new ArrayList<>(List.of("bash", jenaHome.resolve("bin/tdb2.tdbloader").toString(), "--loader=phased", "--loc", ref.toString()));
            try (Stream<Path> files = Files.walk(tree)) {
                files.filter(p -> p.toString().endsWith(".ttl") && !p.toString().contains("/queries/")
                                  && !p.getFileName().toString().equals("shapes.ttl"))
                     .sorted().forEach(p -> loader.add(p.toString()));
            }
            long l0 = System.nanoTime();
            exec(loader);
            double refSeconds = (System.nanoTime() - l0) / 1e9;
            double refRate = asserted / refSeconds;
            doc.append("| %,d | %,d | %,d | %s | %s | %s | %s | %,d | %,d | %,d MB | %,.0f | %,.0f | %.2f |\n".formatted(size, asserted, inferred,
                m.group(2), m.group(3), m.group(4), m.group(5), write, wall, rssMb, ourRate, refRate, ourRate / refRate));
            save();
            log("size " + size + ": " + m.group(0) + " wall " + wall + " rss " + rssMb + "MB, tdbloader " + refSeconds + " s");
            deleteTree(db);
            deleteTree(ref);
        }
    }

    // --- servers and processes ---------------------------------------------------------------

    private Server startOurs(Path jar) throws Exception {
        int port = freePort();
        return new Server(List.of("java", HEAP, "-jar", jar.toString(), "serve", "--port", String.valueOf(port), "--localhost"),
                          "http://localhost:" + port + "/pakmig/sparql");
    }

    private Server startFuseki(Path dump) throws Exception {
        int port = freePort();
        return new Server(List.of("java", HEAP, "-jar", fusekiJar.toString(), "--port", String.valueOf(port), "--localhost",
                                  "--file", dump.toString(), "/ds"),
                          "http://localhost:" + port + "/ds/sparql");
    }

    /** A server process, ready once it has answered a query; stopped on close. */
    private final class Server implements AutoCloseable {
        final Process process;
        final String url;
        final long readyMillis;

        Server(List<String> command, String url) throws Exception {
            this.url = url;
            long start = System.nanoTime();
            Path log = work.resolve("server-" + url.replaceAll("\\D", "") + ".log");
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Instant deadline = Instant.now().plusSeconds(300);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited: " + String.join(" ", command));
                }
                try {
                    ask(url, "ASK {}");
                    break;
                } catch (IllegalStateException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        close();
                        throw notYet;
                    }
                    Thread.sleep(20);
                }
            }
            this.readyMillis = (System.nanoTime() - start) / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private String exec(List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve("exec.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JENA_HOME", jenaHome.toString());
        builder.environment().put("JVM_ARGS", HEAP);
        Process p = builder.start();
        int code = p.waitFor();
        String out = Files.readString(log);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ":\n" + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // --- report --------------------------------------------------------------------------------

    private void header(String arguments) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        doc.append("# Benchmarks\n\n")
           .append("Written by the benchmark suite (`src/test/java/org/w3id/pakmig/bench/BenchmarkSuite.java`) on ")
           .append(Instant.now()).append(".\n\n")
           .append("Command: `mvn -B -Pbench verify` (arguments: `").append(arguments.replace(root.toString(), "."))
           .append("`).\n\n")
           .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu).append("), ")
           .append(mem).append(", Java ").append(System.getProperty("java.version")).append(", ")
           .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
           .append(". Load average when the suite started (1, 5, 15 min): ")
           .append(String.join(", ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)))
           .append(";\nabsolute times depend on what else runs; ratios come from interleaved runs and are the figures to read.\n")
           .append("Both servers and every build ran with ").append(HEAP).append("; suite JVM: ")
           .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(".\n");
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static double p95(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    private static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[bench %tT] %s", System.currentTimeMillis(), line));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
