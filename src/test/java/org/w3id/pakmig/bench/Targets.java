package org.w3id.pakmig.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The targets of issue 12 against what this run measured, each plainly met or not met (or not
 * measured, when its part did not run or did not reach the size the target is about).
 */
final class Targets {
    static final double GROWTH_LIMIT = 1.2;
    static final long HEAP_LIMIT_MB = 8 * 1024;
    static final double LOAD_RATIO_LIMIT = 0.8;
    /** "About 10M": the largest size must have at least this many asserted triples to count. */
    static final long TEN_MILLION = 9_000_000;

    private Targets() {}

    static String verdictOfGrowth(double factor) {
        return "%.2f%s".formatted(factor, factor > GROWTH_LIMIT ? " (over " + GROWTH_LIMIT + ")" : "");
    }

    /** The markdown table; {@code null} for a part that did not run. */
    static String table(QueryBench.Startup startup, QueryBench.Queries queries, List<BuildBench.Size> builds) {
        StringBuilder t = new StringBuilder("| target (issue 12) | measured | verdict |\n|---|---|---|\n");
        growthRow(t, "Rules grow at most 1.2× per doubling, 1× to 10M triples", builds, BuildBench::rulesGrowth);
        growthRow(t, "The whole build grows at most 1.2× per doubling, 1× to 10M triples", builds,
                  (a, b) -> Optional.of(BuildBench.wallGrowth(a, b)));
        heapRow(t, builds);
        loadRow(t, builds);
        if (startup == null) {
            row(t, "Start-to-ready in memory at most 1.0× plain Fuseki", "", "not measured (part not run)");
        } else {
            row(t, "Start-to-ready in memory at most 1.0× plain Fuseki", "%.2f× (%.0f ms against %.0f ms)"
                .formatted(startup.ratio(), startup.oursMillis(), startup.fusekiMillis()), met(startup.ratio() <= 1.0));
        }
        if (queries == null) {
            row(t, "Catalogue query medians at most 1.0× plain Fuseki (geometric mean)", "", "not measured (part not run)");
            row(t, "Every catalogue query median under 50 ms (real graph)", "", "not measured (part not run)");
        } else {
            row(t, "Catalogue query medians at most 1.0× plain Fuseki (geometric mean)",
                "%.2f×".formatted(queries.geometricMeanRatio()), met(queries.geometricMeanRatio() <= 1.0));
            List<String> over = queries.overLimit();
            row(t, "Every catalogue query median under 50 ms (real graph)",
                over.isEmpty() ? "all %d under 50 ms".formatted(queries.oursMedianMillis().size())
                               : over.size() + " at or over: " + String.join(", ", over),
                met(over.isEmpty()));
        }
        return t.toString();
    }

    private static void growthRow(StringBuilder t, String target, List<BuildBench.Size> builds,
                                  BiFunction<BuildBench.Size, BuildBench.Size, Optional<Double>> growth) {
        if (builds == null) {
            row(t, target, "", "not measured (part not run)");
            return;
        }
        List<BuildBench.Size> built = builds.stream().filter(BuildBench.Size::ok)
            .sorted(Comparator.comparingLong(BuildBench.Size::triples)).toList();
        Optional<BuildBench.Size> failed = firstFailure(builds);
        if (built.size() < 2) {
            row(t, target, failed.map(Targets::failure).orElse("fewer than two sizes built"),
                failed.isPresent() ? "**not met**" : "not measured");
            return;
        }
        BuildBench.Size first = built.get(0);
        BuildBench.Size last = built.get(built.size() - 1);
        Optional<Double> overall = growth.apply(first, last);
        if (overall.isEmpty()) {
            row(t, target, "the build printed no such stage", "not measured");
            return;
        }
        double worst = 0;
        for (int i = 1; i < built.size(); i++) {
            worst = Math.max(worst, growth.apply(built.get(i - 1), built.get(i)).orElse(0.0));
        }
        String measured = "%.2f per doubling from %,d to %,d triples (worst step %.2f)".formatted(overall.get(), first.triples(), last.triples(), worst)
                          + failed.map(f -> "; " + failure(f)).orElse("");
        row(t, target, measured, verdict(overall.get() <= GROWTH_LIMIT && failed.isEmpty(), last));
    }

    private static void heapRow(StringBuilder t, List<BuildBench.Size> builds) {
        String target = "10M triples build with `build --db` in at most 8 GB of heap";
        Optional<BuildBench.Size> last = largestBuilt(builds);
        Optional<BuildBench.Size> failed = builds == null ? Optional.empty() : firstFailure(builds);
        if (last.isEmpty()) {
            unmeasured(t, target, builds, failed);
            return;
        }
        BuildBench.Size s = last.get();
        long reported = s.output().get().reportedPeakHeapMb();
        String measured = "peak heap %,d MB (GC log)%s at %,d triples, with -Xmx8g".formatted(s.gcPeakHeapMb(),
            reported >= 0 ? ", %,d MB reported by the build".formatted(reported) : "", s.triples())
            + failed.map(f -> "; " + failure(f)).orElse("");
        row(t, target, measured, verdict(s.gcPeakHeapMb() <= HEAP_LIMIT_MB && failed.isEmpty(), s));
    }

    private static void loadRow(StringBuilder t, List<BuildBench.Size> builds) {
        String target = "Load at 10M triples at least 0.8× the rate of `tdb2.tdbloader`";
        Optional<BuildBench.Size> last = largestBuilt(builds);
        Optional<BuildBench.Size> failed = builds == null ? Optional.empty() : firstFailure(builds);
        if (last.isEmpty() || last.get().loadRatio().isEmpty()) {
            unmeasured(t, target, builds, failed);
            return;
        }
        BuildBench.Size s = last.get();
        double ratio = s.loadRatio().get();
        row(t, target, "%.2f× (%,.0f against %,.0f triples/s) at %,d triples".formatted(ratio, s.writeRate(), s.reference().rate(), s.triples())
                       + failed.map(f -> "; " + failure(f)).orElse(""),
            verdict(ratio >= LOAD_RATIO_LIMIT && failed.isEmpty(), s));
    }

    /** The row of a build target with nothing to measure: the part was not run, a size failed, or neither. */
    private static void unmeasured(StringBuilder t, String target, List<BuildBench.Size> builds, Optional<BuildBench.Size> failed) {
        row(t, target, failed.map(Targets::failure).orElse(""),
            builds == null ? "not measured (part not run)" : failed.isPresent() ? "**not met**" : "not measured");
    }

    private static Optional<BuildBench.Size> largestBuilt(List<BuildBench.Size> builds) {
        return builds == null ? Optional.empty()
            : builds.stream().filter(BuildBench.Size::ok).max(Comparator.comparingLong(BuildBench.Size::triples));
    }

    private static Optional<BuildBench.Size> firstFailure(List<BuildBench.Size> builds) {
        return builds.stream().filter(s -> !s.ok()).findFirst();
    }

    private static String failure(BuildBench.Size s) {
        return "size %,d failed: %s".formatted(s.target(), s.failure());
    }

    /** Met or not; a met target measured short of about 10M triples says so instead. */
    private static String verdict(boolean ok, BuildBench.Size largest) {
        if (!ok) {
            return "**not met**";
        }
        return largest.output().get().asserted() >= TEN_MILLION ? "met"
            : "met up to %,d asserted triples; not measured at 10M".formatted(largest.output().get().asserted());
    }

    private static String met(boolean ok) {
        return ok ? "met" : "**not met**";
    }

    private static void row(StringBuilder t, String target, String measured, String verdict) {
        t.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }
}
