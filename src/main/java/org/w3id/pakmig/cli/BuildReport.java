package org.w3id.pakmig.cli;

import java.io.PrintStream;

import org.w3id.pakmig.validate.Problem;

/** Prints what a build produced: triples per graph, and every problem found. */
final class BuildReport {
    private BuildReport() {}

    static void printSummary(GraphBuild.Result result, PrintStream out) {
        out.println("Graphs (triples):");
        result.triplesPerGraph().forEach((graph, size) -> out.printf("  %-12s %,d%n", graph, size));
        long total = result.millisPerStage().values().stream().mapToLong(Long::longValue).sum();
        StringBuilder stages = new StringBuilder();
        result.millisPerStage().forEach((stage, ms) -> stages.append(stages.isEmpty() ? "" : ", ").append(stage).append(' ').append(ms));
        out.printf("Built in %,d ms (%s).%n", total, stages);
    }

    static void printProblems(GraphBuild.Result result, PrintStream err) {
        err.printf("The graph has %d problem(s); nothing was served or written:%n", result.problems().size());
        for (Problem p : result.problems()) {
            err.println("  " + p);
        }
    }
}
