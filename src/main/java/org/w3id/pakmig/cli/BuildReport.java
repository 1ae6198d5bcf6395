package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;

import org.w3id.pakmig.validate.Problem;

/** Prints what a build produced: triples per graph, and every problem found. */
final class BuildReport {
    private BuildReport() {}

    static void printSummary(GraphBuild.Result result, PrintStream out) {
        printSummary(result.triplesPerGraph(), result.millisPerStage(), out);
    }

    static void printSummary(Map<String, Long> triplesPerGraph, Map<String, Long> millisPerStage, PrintStream out) {
        out.println("Graphs (triples):");
        triplesPerGraph.forEach((graph, size) -> out.printf("  %-12s %,d%n", graph, size));
        long total = millisPerStage.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder stages = new StringBuilder();
        millisPerStage.forEach((stage, ms) -> stages.append(stages.isEmpty() ? "" : ", ").append(stage).append(' ').append(ms));
        out.printf("Built in %,d ms (%s).%n", total, stages);
    }

    static void printProblems(GraphBuild.Result result, PrintStream err) {
        printProblems(result.problems(), err);
    }

    static void printProblems(List<Problem> problems, PrintStream err) {
        err.printf("The graph has %d problem(s); nothing was served or written:%n", problems.size());
        for (Problem p : problems) {
            err.println("  " + p);
        }
    }

    /** The most heap the JVM has used so far: the peaks of its heap pools, added up. */
    static void printPeakHeap(PrintStream out) {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        out.printf("Peak heap: %d MB%n", bytes / (1024 * 1024));
    }
}
