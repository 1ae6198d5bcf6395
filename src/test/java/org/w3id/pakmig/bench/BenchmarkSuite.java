package org.w3id.pakmig.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;

/**
 * The benchmark suite (not a unit test: run with {@code mvn -B -Pbench verify}). In one run it
 * measures, on this machine: start-to-ready of {@code serve} against plain Fuseki loading our
 * exported dump; every catalogue query's median and p95 on both, interleaved, after warm-up;
 * throughput at 16 clients; build time per stage, peak heap and RSS per synthetic size, with
 * {@code tdb2.tdbloader} loading the same files; growth per doubling. It writes a report that
 * opens with the targets, each met or not. A part or a size that fails is recorded as
 * failed, with its reason, and the run goes on.
 *
 * <p>Arguments: {@code ROOT FUSEKI_JAR JENA_HOME SIZES...}; what to run in {@link BenchOptions}.
 */
public final class BenchmarkSuite {
    static final String HEAP = "-Xmx8g";

    private final BenchOptions options;
    private final Path work;
    private final String started = Instant.now().toString();
    private final String machine;
    private final Map<String, StringBuilder> sections = new LinkedHashMap<>();
    private QueryBench.Startup startup;
    private QueryBench.Queries queries;
    private List<BuildBench.Size> builds;

    private BenchmarkSuite(BenchOptions options) throws IOException {
        this.options = options;
        this.work = options.root().resolve("target/bench");
        this.machine = machine();
    }

    public static void main(String[] args) throws Exception {
        new BenchmarkSuite(BenchOptions.from(args)).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Files.createDirectories(options.out().getParent());
        if (options.runs("startup") || options.runs("queries") || options.runs("throughput")) {
            serving();
        }
        if (options.runs("builds")) {
            builds();
        }
        save();
        log("wrote " + options.out());
    }

    /** Each size in turn; the section is rewritten and saved after each. */
    private void builds() throws IOException, InterruptedException {
        builds = new ArrayList<>();
        StringBuilder section = section("Build per synthetic size (`build --db`, " + HEAP + ")");
        for (long size : options.sizes()) {
            log("size " + size + ": building");
            BuildBench.Size result;
            try {
                result = new BuildBench(options, work).build(size);
            } catch (IOException | RuntimeException e) {
                result = new BuildBench.Size(size, Optional.empty(), "the suite could not run it: " + e.getMessage(), 0, -1, -1, null);
            }
            builds.add(result);
            log("size " + size + ": " + (result.ok() ? result.output().get() + ", wall " + result.wallMillis() + " ms" : "failed: " + result.failure()));
            section.setLength(0);
            BuildBench.describe(builds, section);
            save();
        }
        if (options.sizes().isEmpty()) {
            section.append("No sizes given (`-Dbench.sizes`): no build ran.\n");
        }
    }

    private void serving() throws IOException {
        Path dump = work.resolve("pakmig-dump.nq");
        long quads;
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            GraphBuild.Result built = GraphBuild.run(SourceTree.directory(options.root()));
            try (OutputStream out = Files.newOutputStream(dump)) {
                // The default graph (the union of all graphs) goes in explicitly: Fuseki's in-memory
                // dataset would not make it the union by itself.
                RDFDataMgr.write(out, built.dataset(), Lang.NQUADS);
            }
            quads = built.dataset().stream().count();
            for (NamedQuery q : QueryCatalogue.from(SourceTree.directory(options.root())).all()) {
                texts.put(q.name(), q.bind(Map.of()).toString());
            }
        } catch (RuntimeException e) {
            for (String part : List.of("startup", "queries", "throughput")) {
                if (options.runs(part)) {
                    section(title(part)).append("**failed: cannot build or export the real graph: ").append(e.getMessage()).append("**\n");
                }
            }
            return;
        }
        log("dump: " + quads + " quads");
        QueryBench bench = new QueryBench(options, work, dump);
        measure("startup", section -> startup = bench.startup(section, quads));
        measure("queries", section -> queries = bench.queries(section, texts));
        measure("throughput", section -> bench.throughput(section, new ArrayList<>(texts.values())));
    }

    /** One serving part that writes into its own section. */
    private interface Part {
        void measure(StringBuilder section) throws Exception;
    }

    /** Runs {@code part} if asked for; its failure is recorded in its section, and the report is saved either way. */
    private void measure(String part, Part measurement) throws IOException {
        if (!options.runs(part)) {
            return;
        }
        StringBuilder section = section(title(part));
        try {
            measurement.measure(section);
        } catch (Exception e) {
            failed(section, e);
        }
        save();
    }

    private static String title(String part) {
        return switch (part) {
            case "startup" -> "Start to ready (in memory, real graph)";
            case "queries" -> "Catalogue queries (real graph, in memory)";
            default -> "Throughput, " + QueryBench.CLIENTS + " clients";
        };
    }

    private StringBuilder section(String title) {
        return sections.computeIfAbsent(title, t -> new StringBuilder());
    }

    private static void failed(StringBuilder section, Exception e) {
        section.setLength(0);
        section.append("**failed: ").append(String.valueOf(e.getMessage()).replace('\n', ' ')).append("**\n");
        log("failed: " + e);
    }

    /** Writes what is measured so far, so a run stopped at a large size keeps the smaller ones. */
    private void save() throws IOException {
        StringBuilder doc = new StringBuilder("# Benchmarks\n\n")
            .append("Written by the benchmark suite (`src/test/java/org/w3id/pakmig/bench/BenchmarkSuite.java`) on ")
            .append(started).append(".\n\nCommand: `").append(command()).append("`.\n\n")
            .append(RUNNING)
            .append("\n## Targets\n\n")
            .append(Targets.table(options.runs("startup") ? startup : null, options.runs("queries") ? queries : null,
                                  options.runs("builds") ? builds : null))
            .append("\nGrowth is judged from the smallest to the largest size built (each step, noisier, is in the growth\n")
            .append("table below); a size that failed makes the build targets not met. \"Met up to N\" means the run\n")
            .append("did not reach about 10M asserted triples.\n\n").append(machine);
        sections.forEach((title, body) -> doc.append("\n## ").append(title).append("\n\n").append(body));
        Files.writeString(options.out(), doc.toString());
    }

    private String command() {
        StringBuilder c = new StringBuilder("mvn -B -Pbench verify");
        if (!options.parts().containsAll(BenchOptions.ALL_PARTS)) {
            c.append(" -Dbench.parts=").append(BenchOptions.ALL_PARTS.stream().filter(options::runs).collect(Collectors.joining(",")));
        }
        c.append(" -Dbench.sizes=\"").append(options.sizes().stream().map(String::valueOf).collect(Collectors.joining(" "))).append('"')
         .append(" -Dbench.starts=").append(options.starts())
         .append(" -Dbench.warmup=").append(options.warmupRounds())
         .append(" -Dbench.rounds=").append(options.measuredRounds())
         .append(" -Dbench.seconds=").append(options.throughputTime().toSeconds())
         .append(" -Dbench.buildMinutes=").append(options.buildTimeout().toMinutes());
        return c.toString();
    }

    private static final String RUNNING = """
        ## Running it

        - Everything, at the default sizes (1×, 2.5×, 5×, 10×, 25×, 50×, 100×: about 93k to 10M asserted triples):
          `mvn -B -Pbench verify`; replaces this file.
        - Builds only, at chosen sizes: `mvn -B -Pbench verify -Dbench.parts=builds -Dbench.sizes="20000 200000"`.
        - Serving only (start-to-ready, catalogue queries, throughput):
          `mvn -B -Pbench verify -Dbench.parts=startup,queries,throughput` (or `-Dbench.sizes=""`, which runs no build).
        - A quick check of the suite itself: `mvn -B -Pbench verify -Dbench.sizes="5000 20000" -Dbench.starts=1
          -Dbench.warmup=1 -Dbench.rounds=3 -Dbench.seconds=3`.

        A run that skips a part, gives no size or shortens the rounds writes `target/bench/benchmarks.md`
        and leaves this file alone; `-Dbench.out=FILE` writes elsewhere. A build still running after
        `-Dbench.buildMinutes` (default 90) is stopped and recorded as failed.
        """;

    private String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem
               + ", Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ' '
               + System.getProperty("os.version") + ". Load average when the suite started (1, 5, 15 min): "
               + String.join(", ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3))
               + ";\nabsolute times depend on what else runs; ratios come from interleaved runs and are the figures to read.\n"
               + "Both servers and every build ran with " + HEAP + "; suite JVM: "
               + ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.endsWith("="))
                   .collect(Collectors.joining(" ")) + ".\n";
    }

    static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[bench %tT] %s", System.currentTimeMillis(), line));
    }
}
