package org.w3id.pakmig.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sys.JenaSystem;
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

    /** Builds a dataset to serve from memory (transactional and searchable, sharing the built graphs). */
    public static Result run(SourceTree tree) {
        return run(tree, true);
    }

    /**
     * The same build with its stages one after another and without what only serving needs
     * (the search index, the served view): for {@code validate}, which wants the problems, and
     * the reference that the overlapped build of {@link #run} is tested against.
     */
    public static Result runInTurn(SourceTree tree) {
        return run(tree, false);
    }

    private static Result run(SourceTree tree, boolean toServe) {
        if (!toServe) {
            return run(tree, false, Runnable::run);
        }
        // Serving from memory overlaps stages that only read the same graphs (GraphMem allows
        // any number of readers while nothing writes): validation with reasoning, and the
        // search index with the checks. A database build runs them one after another, so
        // that its peak memory is one stage's.
        JenaSystem.init();  // before a second thread uses Jena: two initialising at once deadlock
        ExecutorService second = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "pakmig-build");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(tree, true, second);
        } finally {
            second.shutdownNow();
        }
    }

    private static Result run(SourceTree tree, boolean toServe, Executor second) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.currentTimeMillis();
        DatasetLoader.Loaded loaded = DatasetLoader.load(tree);
        Graph asserted = loaded.union();
        Map<Node, Graph> citations = StatementCitations.separate(loaded.dataset(), asserted);
        t = lap(millis, "load", t);

        List<Problem> problems = new ArrayList<>();
        Graph shapes = DatasetLoader.parseFile(tree, tree.resolve(DatasetLoader.SHAPES_FILE));
        CompletableFuture<List<Problem>> shapeProblems = CompletableFuture.supplyAsync(
            () -> new ShapeValidator(shapes).validate(asserted, loaded.index()), second);
        if (!toServe) {
            t = lap(millis, "shapes", t);  // done already: this path runs each stage in turn
        }
        Graph inferred = RuleMaterialiser.fromFile(tree.resolve(RULES_FILE), RULES_FILE).materialise(asserted);
        // Validation reads the asserted union; it must be done before the union is written.
        problems.addAll(await(shapeProblems));
        t = lap(millis, toServe ? "shapes+rules" : "rules", t);

        DatasetGraph dataset = compose(loaded, citations, inferred);

        // The index is made while the checks run, and thrown away if they find problems.
        CompletableFuture<DatasetGraph> served = toServe
            ? CompletableFuture.supplyAsync(() -> SearchIndex.inMemory(new ServedDataset(dataset)), second)
            : CompletableFuture.completedFuture(dataset);
        problems.addAll(IntegrityChecks.from(tree).run(dataset, loaded.index()));
        problems.addAll(DuplicateCandidates.find(dataset, loaded.index()));
        problems.addAll(CitationCoverage.find(dataset, loaded.index()));
        if (!toServe) {
            t = lap(millis, "checks", t);
        }
        DatasetGraph result = await(served);
        lap(millis, toServe ? "checks+index" : "store", t);

        Map<String, Long> sizes = new TreeMap<>();
        dataset.listGraphNodes().forEachRemaining(g -> sizes.put(PM.graphName(g), (long) dataset.getGraph(g).size()));
        return new Result(result, Problem.once(problems), sizes, millis);
    }

    /** The value of a stage run on another thread, with its failure rethrown as it was. */
    static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * The dataset the checks read and the server serves. The loaded union has served
     * validation and reasoning; with the conclusions and citations added it becomes the
     * default graph, the union of every named graph (linked, not copied).
     */
    public static DatasetGraph compose(DatasetLoader.Loaded loaded, Map<Node, Graph> citations, Graph inferred) {
        Graph union = loaded.union();
        inferred.find().forEach(union::add);
        citations.forEach((name, graph) -> graph.find().forEach(union::add));
        DatasetGraph dataset = DatasetGraphFactory.createGeneral(union);
        loaded.dataset().listGraphNodes().forEachRemaining(g -> dataset.addGraph(g, loaded.dataset().getGraph(g)));
        dataset.addGraph(PM.graph(PM.INFERRED), inferred);
        citations.forEach(dataset::addGraph);
        return dataset;
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.currentTimeMillis();
        millis.put(stage, now - since);
        return now;
    }
}
