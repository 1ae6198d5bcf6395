package org.w3id.pakmig.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.w3id.pakmig.synth.SyntheticData;

/**
 * {@code build --db} at each synthetic size, each in its own JVM with {@value BenchmarkSuite#HEAP}
 * on a freshly generated tree (deleted afterwards), then {@code tdb2.tdbloader --loader=phased}
 * on the same Turtle files as the reference for the write rate. A size that fails (out of
 * memory, problems, too slow) is recorded with its reason and the run goes on.
 */
final class BuildBench {
    /** Seed of every synthetic tree, so two runs build the same data. */
    static final long SEED = 1;
    /** Time a JVM takes to start, taken off the wall time when the build prints no write stage. */
    private static final long JVM_START_MILLIS = 1000;
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    /** A G1 log line's heap before and after a collection, e.g. {@code 1024M->512M(8192M)}. */
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
    private static final Pattern PROBLEMS = Pattern.compile("The graph has \\d+ problem\\(s\\)");
    private static final Pattern LOADED = Pattern.compile("Time = ([\\d.,]+) seconds : (?:Triples|Quads) = ([\\d,]+)");
    /** The stages of a database build that parse and write (see {@link Size#writeMillis}). */
    private static final List<String> WRITE_STAGES = List.of("load", "index", "inferred", "quad index");
    /** The primary index's size, which tdbloader logs even when a short load prints no "Time =" line. */
    private static final Pattern INDEXED = Pattern.compile("Index set:\\s+SPO => [^\\[]*\\[([\\d,]+) items");

    /** What {@code tdb2.tdbloader} did on one size's files, or why it failed. */
    record Reference(long triples, double seconds, String failure) {
        double rate() {
            return triples / seconds;
        }
    }

    /**
     * One size: the build's output when it finished, else why not; wall time and peak RSS of
     * the build's JVM; the peak heap its GC log shows; the write time; the reference load.
     */
    record Size(long target, Optional<BuildOutput> output, String failure, long wallMillis, long rssMb, long gcPeakHeapMb,
                Reference reference) {
        boolean ok() {
            return output.isPresent();
        }

        long triples() {
            return output.map(o -> o.asserted() + o.inferred()).orElse(0L);
        }

        /**
         * The stages that parse and write the database: {@code load} (parse and bulk load),
         * {@code index} (the default graph's indexes), {@code inferred} (the rules' conclusions)
         * and {@code quad index} (the other quad indexes); a build that prints none of them wrote after its stages, so its wall
         * time less the stages and a JVM start.
         */
        long writeMillis() {
            BuildOutput o = output.orElseThrow();
            long written = WRITE_STAGES.stream().mapToLong(stage -> o.stageMillis().getOrDefault(stage, 0L)).sum();
            return o.stageMillis().containsKey("index") ? written : Math.max(1, wallMillis - o.builtMillis() - JVM_START_MILLIS);
        }

        /** Triples of the built graph (asserted and inferred) written per second. */
        double writeRate() {
            return triples() / (writeMillis() / 1000.0);
        }

        Optional<Double> loadRatio() {
            return ok() && reference.failure() == null ? Optional.of(writeRate() / reference.rate()) : Optional.empty();
        }
    }

    private final BenchOptions options;
    private final Path work;

    BuildBench(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    /** Builds one size; never throws for a failure of the build itself. */
    Size build(long target) throws IOException, InterruptedException {
        Path tree = work.resolve("syn-" + target);
        Path db = work.resolve("db-" + target);
        Path ref = work.resolve("ref-" + target);
        Path gcLog = work.resolve("gc-" + target + ".log");
        try {
            deleteTree(tree);
            deleteTree(db);
            deleteTree(ref);
            Files.deleteIfExists(gcLog);
            try {
                SyntheticData.write(target, SEED, options.root(), tree);
            } catch (RuntimeException e) {
                return new Size(target, Optional.empty(), "cannot write the synthetic data: " + e.getMessage(), 0, -1, -1, null);
            }
            long t0 = System.nanoTime();
            Run run = exec(List.of("/usr/bin/time", "-v", "java", BenchmarkSuite.HEAP, "-XX:+ExitOnOutOfMemoryError",
                                   "-Xlog:gc:file=" + gcLog, "-jar", options.root().resolve("target/pakmig.jar").toString(),
                                   "build", "--db", db.toString(), "--source", tree.toString()),
                           work.resolve("build-" + target + ".log"), options.buildTimeout());
            long wall = (System.nanoTime() - t0) / 1_000_000;
            Matcher r = RSS.matcher(run.output());
            long rssMb = r.find() ? Long.parseLong(r.group(1)) / 1024 : -1;
            long gcPeak = gcPeakMb(gcLog);
            Optional<BuildOutput> out = run.ok() ? BuildOutput.parse(run.output()) : Optional.empty();
            if (out.isEmpty()) {
                return new Size(target, out, whyFailed(run), wall, rssMb, gcPeak, null);
            }
            deleteTree(db);
            return new Size(target, out, null, wall, rssMb, gcPeak, reference(target, tree, ref));
        } finally {
            deleteTree(tree);
            deleteTree(db);
            deleteTree(ref);
            Files.deleteIfExists(gcLog);
        }
    }

    private Reference reference(long target, Path tree, Path ref) throws IOException, InterruptedException {
        List<String> loader = new ArrayList<>(List.of("bash", options.jenaHome().resolve("bin/tdb2.tdbloader").toString(),
                                                      "--loader=phased", "--loc", ref.toString()));
        try (Stream<Path> files = Files.walk(tree)) {
            files.filter(p -> p.toString().endsWith(".ttl") && !p.toString().contains("/queries/")
                              && !p.getFileName().toString().equals("shapes.ttl"))
                 .sorted().forEach(p -> loader.add(p.toString()));
        }
        long t0 = System.nanoTime();
        Run run = exec(loader, work.resolve("tdbloader-" + target + ".log"), options.buildTimeout());
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Matcher loaded = LOADED.matcher(run.output());
        if (run.ok() && loaded.find()) {
            return new Reference(Long.parseLong(loaded.group(2).replace(",", "")), Double.parseDouble(loaded.group(1).replace(",", "")), null);
        }
        Matcher indexed = INDEXED.matcher(run.output());
        if (run.ok() && indexed.find()) {
            // Same convention as ours without a write stage: wall time less a JVM start.
            return new Reference(Long.parseLong(indexed.group(1).replace(",", "")), Math.max(1, wall - JVM_START_MILLIS) / 1000.0, null);
        }
        return new Reference(0, 0, run.ok() ? "no count in its output" : whyFailed(run));
    }

    /** The markdown of the per-size table and the growth table, for every size measured so far. */
    static void describe(List<Size> sizes, StringBuilder section) {
        section.append("Synthetic data from `org.w3id.pakmig.synth.SyntheticData` (seed ").append(SEED)
               .append("), a fresh tree per size; `target` is its size argument,\n")
               .append("`asserted` every graph the build reports but `inferred` (the citation graphs included). Times in ms, as\n")
               .append("the build prints them per stage; `wall` is the whole `build --db` JVM. `write`: the stages that parse and write the\n")
               .append("database (`load` + `index` + `inferred` + `quad index`), so parsing is counted on both sides. Peak heap from the build's GC log (and\n")
               .append("the build's own \"Peak heap\" line, when it prints one); peak RSS of the whole JVM (`/usr/bin/time -v`).\n")
               .append("`tdb2.tdbloader --loader=phased` loads the same Turtle files (the triples in them, one graph), timed by its own\n")
               .append("\"Time =\" line (or, for a load too short to print one, its wall time less 1 s of JVM start).\n\n");
        Set<String> stages = new LinkedHashSet<>();
        sizes.stream().flatMap(s -> s.output().stream()).forEach(o -> stages.addAll(o.stageMillis().keySet()));
        boolean reportedHeap = sizes.stream().flatMap(s -> s.output().stream()).anyMatch(o -> o.reportedPeakHeapMb() >= 0);
        List<String> header = new ArrayList<>(List.of("target", "asserted", "inferred"));
        header.addAll(stages);
        header.addAll(List.of("built", "wall", "peak heap (GC log)"));
        if (reportedHeap) {
            header.add("peak heap (reported)");
        }
        header.addAll(List.of("peak RSS", "write", "pakmig triples/s", "tdbloader triples/s", "load ratio"));
        section.append("| ").append(String.join(" | ", header)).append(" |\n|").append("---|".repeat(header.size())).append('\n');
        for (Size s : sizes) {
            List<String> cells = new ArrayList<>(List.of("%,d".formatted(s.target())));
            if (!s.ok()) {
                cells.add("**failed: " + s.failure() + "**");
                cells.add("after %,d ms, peak heap %s, peak RSS %s".formatted(s.wallMillis(), mb(s.gcPeakHeapMb()), mb(s.rssMb())));
                while (cells.size() < header.size()) {
                    cells.add("");
                }
            } else {
                BuildOutput o = s.output().get();
                cells.add("%,d".formatted(o.asserted()));
                cells.add("%,d".formatted(o.inferred()));
                for (String stage : stages) {
                    Long ms = o.stageMillis().get(stage);
                    cells.add(ms == null ? "" : "%,d".formatted(ms));
                }
                cells.add("%,d".formatted(o.builtMillis()));
                cells.add("%,d".formatted(s.wallMillis()));
                cells.add(mb(s.gcPeakHeapMb()));
                if (reportedHeap) {
                    cells.add(mb(o.reportedPeakHeapMb()));
                }
                cells.add(mb(s.rssMb()));
                cells.add("%,d".formatted(s.writeMillis()));
                cells.add("%,.0f".formatted(s.writeRate()));
                Reference ref = s.reference();
                cells.add(ref.failure() == null ? "%,.0f".formatted(ref.rate()) : "failed: " + ref.failure());
                cells.add(s.loadRatio().map("%.2f"::formatted).orElse(""));
            }
            section.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        growth(sizes, section);
    }

    /**
     * Per-doubling growth of time per triple between consecutive sizes that built, and from the
     * smallest to the largest: (time/triple at B ÷ time/triple at A)^(1/log2(B/A)).
     */
    private static void growth(List<Size> sizes, StringBuilder section) {
        List<Size> built = sizes.stream().filter(Size::ok).sorted(Comparator.comparingLong(Size::triples)).toList();
        if (built.size() < 2) {
            return;
        }
        section.append("\nGrowth per doubling of the data, from one size to the next (asserted + inferred triples):\n")
               .append("(time per triple at B ÷ time per triple at A)^(1 / log2(B/A)); 1.00 is linear; the target is at most ")
               .append("%.1f.\n\n".formatted(Targets.GROWTH_LIMIT))
               .append("| from | to | rules | build stages | whole build (wall) |\n|---|---|---|---|---|\n");
        for (int i = 1; i < built.size(); i++) {
            growthRow(built.get(i - 1), built.get(i), section, false);
        }
        if (built.size() > 2) {
            growthRow(built.get(0), built.get(built.size() - 1), section, true);
        }
    }

    private static void growthRow(Size a, Size b, StringBuilder section, boolean overall) {
        String rules = rulesGrowth(a, b).map(Targets::verdictOfGrowth).orElse("n/a");
        String stages = Targets.verdictOfGrowth(Stats.perDoubling(a.output().get().builtMillis(), a.triples(),
                                                                  b.output().get().builtMillis(), b.triples()));
        String wall = Targets.verdictOfGrowth(wallGrowth(a, b));
        String bold = overall ? "**" : "";
        section.append("| %s%,d%s | %s%,d%s | %s | %s | %s |\n".formatted(bold, a.triples(), bold, bold, b.triples(), bold, rules, stages, wall));
    }

    static Optional<Double> rulesGrowth(Size a, Size b) {
        Long ra = a.output().get().stageMillis().get("rules");
        Long rb = b.output().get().stageMillis().get("rules");
        return ra == null || rb == null ? Optional.empty() : Optional.of(Stats.perDoubling(Math.max(1, ra), a.triples(), Math.max(1, rb), b.triples()));
    }

    static double wallGrowth(Size a, Size b) {
        return Stats.perDoubling(a.wallMillis(), a.triples(), b.wallMillis(), b.triples());
    }

    private static String mb(long mb) {
        return mb < 0 ? "n/a" : "%,d MB".formatted(mb);
    }

    /** The largest heap in use before any collection the GC log records, in MB; -1 without a log. */
    private static long gcPeakMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        long peakKb = -1;
        try (Stream<String> lines = Files.lines(gcLog)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher m = GC_HEAP.matcher(line);
                if (m.find()) {
                    long kb = Long.parseLong(m.group(1)) * switch (m.group(2)) {
                        case "K" -> 1L;
                        case "M" -> 1024L;
                        default -> 1024L * 1024;
                    };
                    peakKb = Math.max(peakKb, kb);
                }
            }
        }
        return peakKb < 0 ? -1 : peakKb / 1024;
    }

    /** The reason a run did not finish, short enough for a table cell. */
    private String whyFailed(Run run) {
        Matcher problems = PROBLEMS.matcher(run.output());
        String reason;
        if (run.timedOut()) {
            reason = "no result after " + options.buildTimeout().toMinutes() + " min (stopped)";
        } else if (run.output().contains("OutOfMemoryError")) {
            reason = "out of memory (" + BenchmarkSuite.HEAP + ")";
        } else if (problems.find()) {
            reason = problems.group();
        } else {
            // The last line the program printed, above /usr/bin/time's report.
            String own = run.output().split("\\n\\s*Command (?:being timed|exited with)")[0].strip();
            String[] lines = own.split("\n");
            reason = "exit " + run.exitCode() + ": " + lines[lines.length - 1].strip();
        }
        reason = reason.replace('|', '/');
        return reason.length() > 160 ? reason.substring(0, 157) + "..." : reason;
    }

    private record Run(int exitCode, boolean timedOut, String output) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    /** Runs a command, its output to {@code log}; stops it and everything it started after {@code timeout}. */
    private Run exec(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JENA_HOME", options.jenaHome().toString());
        builder.environment().put("JVM_ARGS", BenchmarkSuite.HEAP);
        Process p = builder.start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            // /usr/bin/time and bash do not pass a kill on to the JVM they started.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        return new Run(finished ? p.exitValue() : -1, !finished, Files.readString(log));
    }

    static void deleteTree(Path dir) throws IOException {
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
