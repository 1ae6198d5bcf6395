package org.w3id.pakmig.reason;

import java.util.TreeSet;

import org.apache.jena.graph.Node;

/**
 * How many different nodes were seen, in fixed memory: the "k minimum values" sketch
 * (Bar-Yossef et al., 2002). It keeps the {@value #K} smallest hashes seen; below that many
 * different nodes the count is exact, above it the count is estimated from how close together
 * the smallest hashes lie (typically within 15%, plenty to tell a selective pattern from an
 * unselective one).
 */
final class DistinctCount {
    static final int K = 64;
    /** The smallest hashes seen, each a uniformly spread number in [0, 2^63). */
    private final TreeSet<Long> smallest = new TreeSet<>();

    void add(Node node) {
        add(spread(node.hashCode()));
    }

    private void add(long hash) {
        if (smallest.size() < K) {
            smallest.add(hash);
        } else if (hash < smallest.last() && smallest.add(hash)) {
            smallest.pollLast();
        }
    }

    /** The number of different nodes added (estimated above {@value #K}). */
    double estimate() {
        if (smallest.size() < K) {
            return smallest.size();
        }
        return (K - 1) / (smallest.last() / 0x1p63);
    }

    /** Node hash codes are not uniform (similar IRIs have similar ones): MurmurHash3's finaliser spreads them. */
    private static long spread(int hashCode) {
        long h = hashCode;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 1;
    }
}
