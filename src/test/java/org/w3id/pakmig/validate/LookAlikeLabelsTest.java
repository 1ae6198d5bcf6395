package org.w3id.pakmig.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.synth.SyntheticData;

/**
 * The candidate search compares only some pairs; comparing every pair, as the check did
 * before, is the reference: every near-same pair must be among the candidates, on the real
 * labels, on synthetic ones, and on random word sets made to be near-same in every way.
 */
class LookAlikeLabelsTest {

    @Test
    void everyNearSamePairOfRealThingsOfOneTypeIsACandidate() {
        int nearSame = assertCandidatesCoverEveryNearSamePair(labelsByType(DatasetLoader.load(RealGraph.sources()).dataset()));
        assertTrue(nearSame > 0, "the real data has look-alikes (settled in data/reconciliation.ttl)");
    }

    @Test
    void everyNearSamePairOfSyntheticThingsOfOneTypeIsACandidate(@TempDir Path dir) {
        SyntheticData.write(20_000, 3, Path.of("").toAbsolutePath(), dir);
        assertCandidatesCoverEveryNearSamePair(labelsByType(DatasetLoader.load(SourceTree.directory(dir)).dataset()));
    }

    /** Sets that share most words, contain one another, or are equal, over few words so that many pairs are near-same. */
    @Test
    void everyNearSamePairOfRandomWordSetsIsACandidate() {
        Random random = new Random(12);
        List<Set<Set<String>>> things = new ArrayList<>();
        for (int t = 0; t < 400; t++) {
            Set<Set<String>> labels = new HashSet<>();
            for (int l = 1 + random.nextInt(2); l > 0; l--) {
                Set<String> words = new TreeSet<>();
                for (int w = 1 + random.nextInt(9); w > 0; w--) {
                    words.add("w" + (int) Math.abs(random.nextGaussian() * 6));
                }
                labels.add(words);
            }
            things.add(labels);
        }
        int nearSame = assertCandidatesCoverEveryNearSamePair(Map.of("random", things));
        assertTrue(nearSame > 1000, "many random pairs are near-same: " + nearSame);
    }

    @Test
    void thingsWithoutLabelsAreNoCandidates() {
        List<Set<Set<String>>> things = new ArrayList<>();
        things.add(null);
        things.add(Set.of(Set.of("lahore")));
        things.add(null);
        things.add(Set.of(Set.of("lahore")));
        List<int[]> candidates = LookAlikeLabels.candidates(things);
        assertEquals(1, candidates.size());
        assertEquals(List.of(1, 3), List.of(candidates.get(0)[0], candidates.get(0)[1]));
    }

    /** Returns how many near-same pairs there were. */
    private static int assertCandidatesCoverEveryNearSamePair(Map<String, List<Set<Set<String>>>> buckets) {
        int nearSame = 0;
        for (Map.Entry<String, List<Set<Set<String>>>> bucket : buckets.entrySet()) {
            List<Set<Set<String>>> things = bucket.getValue();
            Set<List<Integer>> candidates = new HashSet<>();
            for (int[] pair : LookAlikeLabels.candidates(things)) {
                assertTrue(pair[0] < pair[1]);
                assertTrue(candidates.add(List.of(pair[0], pair[1])), "each pair once");
            }
            for (int i = 0; i < things.size(); i++) {
                for (int j = i + 1; j < things.size(); j++) {
                    if (LookAlikeLabels.nearSame(things.get(i), things.get(j))) {
                        nearSame++;
                        assertTrue(candidates.contains(List.of(i, j)),
                                   bucket.getKey() + ": " + things.get(i) + " / " + things.get(j) + " near-same but not compared");
                    }
                }
            }
        }
        return nearSame;
    }

    /** The word sets of the labels of the things of each type, over every graph. */
    private static Map<String, List<Set<Set<String>>>> labelsByType(DatasetGraph dataset) {
        Map<Node, Set<Set<String>>> words = new LinkedHashMap<>();
        Map<Node, Set<Node>> types = new LinkedHashMap<>();
        dataset.find().forEachRemaining(q -> {
            Node s = q.getSubject(), p = q.getPredicate(), o = q.getObject();
            if ((p.equals(RDFS.label.asNode()) || p.equals(SKOS.altLabel.asNode())) && o.isLiteral()) {
                Set<String> w = DuplicateCandidates.words(o.getLiteralLexicalForm());
                if (!w.isEmpty()) {
                    words.computeIfAbsent(s, k -> new HashSet<>()).add(w);
                }
            } else if (p.equals(RDF.type.asNode())) {
                types.computeIfAbsent(s, k -> new HashSet<>()).add(o);
            }
        });
        Map<String, List<Set<Set<String>>>> buckets = new LinkedHashMap<>();
        types.forEach((x, ts) -> ts.forEach(t -> buckets.computeIfAbsent(t.toString(), k -> new ArrayList<>()).add(words.get(x))));
        return buckets;
    }
}
