package org.w3id.pakmig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void growthPerDoublingIsOneForLinearTimeAndTwoForQuadratic() {
        assertEquals(1.0, Stats.perDoubling(3, 1_000, 300, 100_000), 1e-9);
        // Quadratic: time per triple doubles with every doubling, over any ratio of sizes.
        assertEquals(2.0, Stats.perDoubling(1.0 * 1_000 * 1_000, 1_000, 10_000.0 * 10_000, 10_000), 1e-9);
        // The case: 1.4 s at 21k triples, 43.8 s at 162k is about triples^2.2, 2^1.2 per doubling.
        assertEquals(Math.pow(2, 1.2), Stats.perDoubling(1.4, 21_000, 1.4 * Math.pow(162.0 / 21, 2.2), 162_000), 1e-9);
    }

    @Test
    void medianAndP95OfMeasuredTimes() {
        assertEquals(3.0, Stats.median(List.of(5L, 1L, 3L)));
        assertEquals(2.5, Stats.median(List.of(4L, 1L, 2L, 3L)));
        assertEquals(19.0, Stats.p95(LongStream.rangeClosed(1, 20).boxed().toList()));
    }
}
