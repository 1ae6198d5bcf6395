package org.w3id.pakmig.cli;

import java.io.PrintStream;

/** Counts what a long stage has done and prints the count and rate every million. */
final class Progress {
    private static final long STEP = 1_000_000;

    private final PrintStream out;
    private final String stage;
    private final String unit;
    private final long start = System.nanoTime();
    private long count;
    private long next = STEP;

    Progress(PrintStream out, String stage, String unit) {
        this.out = out;
        this.stage = stage;
        this.unit = unit;
    }

    void add(long n) {
        count += n;
        if (count >= next) {
            print("");
            next = (count / STEP + 1) * STEP;
        }
    }

    long count() {
        return count;
    }

    /** Prints the count and the rate so far, followed by {@code note}. */
    void print(String note) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        out.printf("%s: %,d %s, %,d %s/s%s%n", stage, count, unit, Math.round(count / seconds), unit, note);
        out.flush();
    }
}
