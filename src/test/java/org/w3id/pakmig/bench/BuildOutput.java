package org.w3id.pakmig.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code build} run printed that the suite reads: the "Built in N ms (stage X, ...)"
 * line with whatever stages the build has, the triples per graph under "Graphs (triples):", and
 * "Peak heap: N MB" when the build prints it. Every other line (progress, the database path) is
 * ignored, so the build may add lines without breaking the suite.
 *
 * @param builtMillis the total of the "Built in" line
 * @param stageMillis each stage of that line, in the order printed
 * @param asserted triples in every graph but {@code inferred}
 * @param inferred triples in the {@code inferred} graph
 * @param reportedPeakHeapMb the build's own "Peak heap" figure, or -1 when it printed none
 */
record BuildOutput(long builtMillis, Map<String, Long> stageMillis, long asserted, long inferred, long reportedPeakHeapMb) {
    private static final Pattern BUILT = Pattern.compile("Built in ([\\d,]+) ms \\(([^)]*)\\)");
    private static final Pattern STAGE = Pattern.compile("\\s*(.+?)\\s+([\\d,]+)(?:\\s*ms)?\\s*");
    private static final Pattern GRAPH = Pattern.compile("\\s+(\\S+)\\s+([\\d,]+)");
    private static final Pattern PEAK_HEAP = Pattern.compile("Peak heap: ([\\d,]+) MB");

    /** The parsed output, or empty when it has no "Built in" line (the build did not finish). */
    static Optional<BuildOutput> parse(String text) {
        Matcher built = BUILT.matcher(text);
        if (!built.find()) {
            return Optional.empty();
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        // "load 3582, rules 624", and also "write 1,234 ms": a comma inside a number has no space after it.
        for (String part : built.group(2).split(",\\s+")) {
            Matcher stage = STAGE.matcher(part);
            if (stage.matches()) {
                stages.put(stage.group(1), number(stage.group(2)));
            }
        }
        long asserted = 0;
        long inferred = 0;
        boolean inGraphs = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("Graphs (triples):")) {
                inGraphs = true;
                continue;
            }
            Matcher graph = GRAPH.matcher(line.stripTrailing());
            if (inGraphs && graph.matches()) {
                long n = number(graph.group(2));
                if (graph.group(1).equals("inferred")) {
                    inferred = n;
                } else {
                    asserted += n;
                }
            } else {
                inGraphs = false;
            }
        }
        Matcher peak = PEAK_HEAP.matcher(text);
        long peakMb = -1;
        while (peak.find()) {
            peakMb = Math.max(peakMb, number(peak.group(1)));
        }
        return Optional.of(new BuildOutput(number(built.group(1)), stages, asserted, inferred, peakMb));
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
