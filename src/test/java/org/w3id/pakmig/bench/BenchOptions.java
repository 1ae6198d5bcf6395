package org.w3id.pakmig.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one run of the suite measures and where it writes, from its arguments
 * ({@code ROOT FUSEKI_JAR JENA_HOME SIZES...}) and the {@code bench.*} system properties the
 * Maven profile passes on:
 * <ul>
 * <li>{@code bench.parts}: any of {@code startup,queries,throughput,builds} (default all);</li>
 * <li>{@code bench.starts}: start-to-ready runs of each server (default 3);</li>
 * <li>{@code bench.warmup}, {@code bench.rounds}: catalogue rounds (default 5 and 15);</li>
 * <li>{@code bench.seconds}: throughput run on each server (default 15);</li>
 * <li>{@code bench.buildMinutes}: a build still running after this is stopped and recorded as
 *     failed (default 90);</li>
 * <li>{@code bench.out}: the report; default {@code docs/benchmarks.md} when every part runs, with
 *     sizes and at least the default rounds, else {@code target/bench/benchmarks.md}, so a partial
 *     or shortened run never replaces the full one.</li>
 * </ul>
 */
record BenchOptions(Path root, Path fusekiJar, Path jenaHome, List<Long> sizes, Set<String> parts,
                    int starts, int warmupRounds, int measuredRounds, Duration throughputTime,
                    Duration buildTimeout, Path out) {
    static final List<String> ALL_PARTS = List.of("startup", "queries", "throughput", "builds");

    static BenchOptions from(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath();
        List<Long> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (!args[i].isBlank()) {
                sizes.add(Long.parseLong(args[i].strip()));
            }
        }
        String partList = System.getProperty("bench.parts", "").strip();
        Set<String> parts = Set.copyOf(partList.isEmpty() ? ALL_PARTS : Arrays.asList(partList.toLowerCase(Locale.ROOT).split("[,\\s]+")));
        for (String p : parts) {
            if (!ALL_PARTS.contains(p)) {
                throw new IllegalArgumentException("bench.parts: unknown part '" + p + "'; known: " + String.join(",", ALL_PARTS));
            }
        }
        int starts = number("bench.starts", 3);
        int warmup = number("bench.warmup", 5);
        int rounds = number("bench.rounds", 15);
        int seconds = number("bench.seconds", 15);
        boolean complete = parts.containsAll(ALL_PARTS) && !sizes.isEmpty() && starts >= 3 && warmup >= 5 && rounds >= 15 && seconds >= 15;
        String out = System.getProperty("bench.out", "").strip();
        Path report = root.resolve(!out.isEmpty() ? out : complete ? "docs/benchmarks.md" : "target/bench/benchmarks.md");
        return new BenchOptions(root, Path.of(args[1]), Path.of(args[2]), sizes, parts, starts, warmup, rounds,
                                Duration.ofSeconds(seconds), Duration.ofMinutes(number("bench.buildMinutes", 90)), report);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    /** An integer property; unset or blank (as Maven passes an empty property) means the default. */
    private static int number(String property, int otherwise) {
        String value = System.getProperty(property, "").strip();
        return value.isEmpty() ? otherwise : Integer.parseInt(value);
    }
}
