package org.w3id.pakmig.cli;

import java.io.PrintStream;

import org.w3id.pakmig.validate.Problem;

/** Prints what a build produced: triples per graph, and every problem found. */
final class BuildReport {
    private BuildReport() {}

    static void printSummary(GraphBuild.Result result, PrintStream out) {
        out.println("Graphs (triples):");
        result.triplesPerGraph().forEach((graph, size) -> out.printf("  %-12s %,d%n", graph, size));
        out.printf("Built in %,d ms.%n", result.millis());
    }

    static void printProblems(GraphBuild.Result result, PrintStream err) {
        err.printf("The graph has %d problem(s); nothing was served or written:%n", result.problems().size());
        for (Problem p : result.problems()) {
            err.println("  " + p);
        }
    }
}
