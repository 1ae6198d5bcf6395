package org.w3id.pakmig.bench;

import java.util.List;

/** Medians, percentiles and growth rates of measured times. */
final class Stats {
    private Stats() {}

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static double p95(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    /**
     * How much the time per triple grows each time the data doubles, from {@code timeA} for
     * {@code triplesA} to {@code timeB} for {@code triplesB}: 1.0 is linear, 2.0 quadratic.
     */
    static double perDoubling(double timeA, long triplesA, double timeB, long triplesB) {
        double perTriple = (timeB / triplesB) / (timeA / triplesA);
        return Math.pow(perTriple, 1 / (Math.log((double) triplesB / triplesA) / Math.log(2)));
    }
}
