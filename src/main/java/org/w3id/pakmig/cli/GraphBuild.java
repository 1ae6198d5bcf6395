package org.w3id.pakmig.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.reason.RuleMaterialiser;
import org.w3id.pakmig.search.SearchIndex;
import org.w3id.pakmig.validate.CitationCoverage;
import org.w3id.pakmig.validate.DuplicateCandidates;
import org.w3id.pakmig.validate.IntegrityChecks;
import org.w3id.pakmig.validate.Problem;
import org.w3id.pakmig.validate.ShapeValidator;
import org.w3id.pakmig.vocab.PM;

/**
 * The pipeline, composed: load the files into named graphs, validate them with SHACL,
 * materialise the rules into the {@code inferred} graph, make the default graph the union
 * of everything, and run the integrity checks. The result is a new dataset; nothing that
 * is already being served is touched, so a failed build changes nothing.
 */
public final class GraphBuild {
    public static final String RULES_FILE = "ontology/pakmig.rules";

    /** A built dataset with what is wrong with it (empty when it may be served). */
    public record Result(DatasetGraph dataset, List<Problem> problems, Map<String, Long> triplesPerGraph,
                         Map<String, Long> millisPerStage) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private GraphBuild() {}

    /** Builds a dataset to serve from memory (transactional, with its own copy of the data). */
    public static Result run(SourceTree tree) {
        return run(tree, true);
    }

    /**
     * Builds a dataset to be written elsewhere (a TDB2 database): the same build without the
     * transactional in-memory copy, which only serving from memory needs.
     */
    public static Result runForStore(SourceTree tree) {
        return run(tree, false);
    }

    private static Result run(SourceTree tree, boolean toServe) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.currentTimeMillis();
        DatasetLoader.Loaded loaded = DatasetLoader.load(tree);
        Graph asserted = loaded.union();
        Map<Node, Graph> citations = StatementCitations.separate(loaded.dataset(), asserted);
        t = lap(millis, "load", t);

        List<Problem> problems = new ArrayList<>();
        Graph shapes = DatasetLoader.parseFile(tree, tree.resolve(DatasetLoader.SHAPES_FILE));
        problems.addAll(new ShapeValidator(shapes).validate(asserted, loaded.index()));
        t = lap(millis, "shapes", t);

        Graph inferred = RuleMaterialiser.fromFile(tree.resolve(RULES_FILE), RULES_FILE).materialise(asserted);
        // The asserted union has served validation and reasoning; with the conclusions added
        // it becomes the default graph, the union of every named graph (linked, not copied).
        inferred.find().forEach(asserted::add);
        citations.forEach((name, graph) -> graph.find().forEach(asserted::add));
        DatasetGraph dataset = DatasetGraphFactory.createGeneral(asserted);
        loaded.dataset().listGraphNodes().forEachRemaining(g -> dataset.addGraph(g, loaded.dataset().getGraph(g)));
        dataset.addGraph(PM.graph(PM.INFERRED), inferred);
        citations.forEach(dataset::addGraph);
        t = lap(millis, "rules", t);

        problems.addAll(IntegrityChecks.from(tree).run(dataset, loaded.index()));
        problems.addAll(DuplicateCandidates.find(dataset, loaded.index()));
        problems.addAll(CitationCoverage.find(dataset, loaded.index()));
        t = lap(millis, "checks", t);

        Map<String, Long> sizes = new TreeMap<>();
        dataset.listGraphNodes().forEachRemaining(g -> sizes.put(PM.graphName(g), (long) dataset.getGraph(g).size()));
        DatasetGraph served = toServe ? SearchIndex.inMemory(transactional(dataset)) : dataset;
        lap(millis, "store", t);
        return new Result(served, Problem.once(problems), sizes, millis);
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.currentTimeMillis();
        millis.put(stage, now - since);
        return now;
    }

    /**
     * The working dataset links graphs and creates any graph it is asked for; the served one
     * must be transactional and answer "no such graph" (Graph Store Protocol 404) instead.
     */
    private static DatasetGraph transactional(DatasetGraph working) {
        DatasetGraph served = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(served, () -> working.find().forEachRemaining(served::add));
        return served;
    }

}
