package org.w3id.pakmig.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.vocab.PM;

/**
 * Reconciliation check: lists pairs of resources that look like one real thing under two IRIs
 * and are neither merged ({@code owl:sameAs}, {@code dcterms:isReplacedBy}) nor declared
 * distinct ({@code owl:differentFrom}). Two resources look alike when they share an asserted
 * type and a label or alternative label of one is near-same to one of the other (the same
 * words once case, punctuation, plural "s" and small words are ignored; or all the words of
 * the shorter, two or more, in the longer; or three quarters of the words shared), or when
 * they carry the same label whatever their types. Written in Java because word-set
 * comparison is clumsy in SPARQL. Only the things of one type that share a rare word are
 * compared ({@link LookAlikeLabels}), never all pairs, so the check grows with the data.
 */
public final class DuplicateCandidates {
    public static final String CHECK = "reconciliation: duplicate candidates";
    private static final Set<String> SMALL_WORDS = Set.of("the", "of", "in", "and", "from", "to", "a", "an",
                                                          "for", "on", "by", "with", "at");
    /**
     * Kinds of IRI that record what one document says (a figure, a statement, a definition, a
     * recommendation, a model feature, a route leg): two documents saying alike things are two
     * records by design, not one real thing under two IRIs.
     */
    private static final Set<String> RECORD_KINDS = Set.of("claim", "statement", "definition", "recommendation",
                                                           "feature", "leg");
    private static final Node SAME_AS = OWL.sameAs.asNode();
    private static final Node DIFFERENT = OWL.differentFrom.asNode();
    private static final Node REPLACED = DCTerms.isReplacedBy.asNode();

    private DuplicateCandidates() {}

    /** The problems in {@code dataset}: its named graphs are read, the default graph is not needed. */
    public static List<Problem> find(DatasetGraph dataset, SourceIndex index) {
        Map<Node, Set<Set<String>>> words = new HashMap<>();
        Map<Node, Set<String>> labels = new HashMap<>();
        Map<Node, Set<Node>> types = new HashMap<>();
        Set<List<Node>> settled = new HashSet<>();
        for (Node g : (Iterable<Node>) dataset::listGraphNodes) {
            String name = PM.graphName(g);
            // Real-world things live in the documents' graphs and the reference graph; sections,
            // the ontology's vocabulary and the made-up conclusions are not candidates.
            boolean things = (name.startsWith("doc-") && !name.endsWith("-citations")) || name.equals("reference");
            if (!things && !name.equals("reconciliation")) {
                continue;
            }
            dataset.getGraph(g).find().forEachRemaining(t -> collect(t, words, labels, types, settled));
        }
        Map<Node, List<Node>> byType = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        types.forEach((x, ts) -> ts.forEach(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(x)));
        Map<String, Problem> found = new TreeMap<>();
        for (Map.Entry<Node, List<Node>> bucket : byType.entrySet()) {
            List<Node> xs = bucket.getValue();
            for (int[] pair : LookAlikeLabels.candidates(xs.stream().map(words::get).toList())) {
                Node x = xs.get(pair[0]), y = xs.get(pair[1]);
                if (LookAlikeLabels.nearSame(words.get(x), words.get(y))) {
                    report(found, settled, index, x, y, () -> "same type " + index.shortName(bucket.getKey())
                           + ", near-same labels " + labels.get(x) + " / " + labels.get(y));
                }
            }
        }
        Map<Set<String>, List<Node>> byWords = new HashMap<>();
        words.forEach((x, sets) -> sets.forEach(w -> byWords.computeIfAbsent(w, k -> new ArrayList<>()).add(x)));
        byWords.forEach((w, xs) -> {
            for (int i = 0; i < xs.size(); i++) {
                for (int j = i + 1; j < xs.size(); j++) {
                    Node x = xs.get(i);
                    report(found, settled, index, x, xs.get(j), () -> "same label " + labels.get(x));
                }
            }
        });
        return new ArrayList<>(found.values());
    }

    private static void collect(Triple t, Map<Node, Set<Set<String>>> words, Map<Node, Set<String>> labels,
                                Map<Node, Set<Node>> types, Set<List<Node>> settled) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        if (!s.isURI() || !s.getURI().startsWith(PM.ID) || isRecord(s)) {
            return;
        }
        if ((p.equals(RDFS.label.asNode()) || p.equals(SKOS.altLabel.asNode())) && o.isLiteral()) {
            Set<String> w = words(o.getLiteralLexicalForm());
            if (!w.isEmpty()) {
                words.computeIfAbsent(s, k -> new HashSet<>()).add(w);
                labels.computeIfAbsent(s, k -> new TreeSet<>()).add(o.getLiteralLexicalForm());
            }
        } else if (p.equals(RDF.type.asNode()) && o.isURI()) {
            types.computeIfAbsent(s, k -> new HashSet<>()).add(o);
        } else if (p.equals(SAME_AS) || p.equals(DIFFERENT) || p.equals(REPLACED)) {
            settled.add(pair(s, o));
        }
    }

    private static boolean isRecord(Node resource) {
        String path = resource.getURI().substring(PM.ID.length());
        int slash = path.indexOf('/');
        return slash > 0 && RECORD_KINDS.contains(path.substring(0, slash));
    }

    /**
     * Reports {@code x} and {@code y} unless they are settled; {@code why} is asked only then,
     * since naming a type asks the source index, and a first question costs a parse of every file.
     */
    private static void report(Map<String, Problem> found, Set<List<Node>> settled, SourceIndex index,
                               Node x, Node y, Supplier<String> why) {
        List<Node> pair = pair(x, y);
        if (x.equals(y) || settled.contains(pair)) {
            return;
        }
        String key = pair.get(0) + " " + pair.get(1);
        found.putIfAbsent(key, new Problem(CHECK, index.locate(pair.get(0)), index.shortName(pair.get(0)),
            "looks like " + index.shortName(pair.get(1)) + " (" + why.get() + "): merge the two (owl:sameAs and "
            + "dcterms:isReplacedBy from the retired IRI) or declare them owl:differentFrom, with the reason, "
            + "in data/reconciliation.ttl"));
    }

    private static List<Node> pair(Node a, Node b) {
        return a.toString().compareTo(b.toString()) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The words of a label that matter: lower case, small words dropped, a plural "s" removed. */
    static Set<String> words(String label) {
        Set<String> words = new TreeSet<>();
        for (String w : label.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || SMALL_WORDS.contains(w)) {
                continue;
            }
            words.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
        }
        return words;
    }
}
