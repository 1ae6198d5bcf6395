package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.pakmig.cite.AssertedView;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.reason.RuleMaterialiser;
import org.w3id.pakmig.search.SearchIndex;
import org.w3id.pakmig.store.DatabaseDirectory;
import org.w3id.pakmig.store.TdbStore;
import org.w3id.pakmig.validate.CitationCoverage;
import org.w3id.pakmig.validate.DuplicateCandidates;
import org.w3id.pakmig.validate.IntegrityChecks;
import org.w3id.pakmig.validate.Problem;
import org.w3id.pakmig.validate.ShapeValidator;
import org.w3id.pakmig.vocab.PM;

/**
 * The pipeline of {@link GraphBuild} for {@code build --db}, in memory bounded by the largest
 * document rather than the data: each named graph is parsed on its own, its citations are
 * separated, and it goes with its citation graph and their default-graph copies straight into
 * TDB2's phased bulk loader (one bulk load for all the files), then is dropped. SHACL and the
 * rules then read the database (through {@link AssertedView}, the asserted statements without
 * the citations); the rules' conclusions, which stay in memory, are written in a second step;
 * the checks and the search index read the finished database. The database is a new
 * generation of the directory, switched to only when there is no problem: a build with
 * problems, or one that fails, leaves the previous database in use.
 */
public final class DatabaseBuild {
    /** What a build found (empty when the new database is in use) and what it measured. */
    public record Result(List<Problem> problems, Map<String, Long> triplesPerGraph, Map<String, Long> millisPerStage) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final SourceTree tree;
    private final DatasetGraph tdb;
    private final PrintStream out;
    private final Map<String, Long> sizes = new TreeMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long lapStart = System.currentTimeMillis();

    private DatabaseBuild(SourceTree tree, DatasetGraph tdb, PrintStream out) {
        this.tree = tree;
        this.tdb = tdb;
        this.out = out;
    }

    /** Builds {@code tree} into a new generation of {@code target}, printing progress to {@code out}. */
    public static Result run(SourceTree tree, DatabaseDirectory target, PrintStream out) {
        target.removeLeftovers();
        Path previous = target.hasDatabase() ? target.database() : null;
        Path generation = target.newGeneration();
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(generation.toString());
        Result result = null;
        try {
            DatabaseBuild build = new DatabaseBuild(tree, tdb, out);
            result = build.build();
            if (result.ok()) {
                SearchIndex.write(tdb, generation.resolve(SearchIndex.DIRECTORY));
                if (previous != null) {
                    TdbStore.carryContributions(previous, tdb);
                }
                build.lap("store");
            }
        } finally {
            TDBInternal.expel(tdb);
            if (result == null || !result.ok()) {
                target.removeLeftovers();
            }
        }
        if (result.ok()) {
            target.switchTo(generation);
        }
        return result;
    }

    private Result build() {
        AssertedView asserted = new AssertedView(tdb.getDefaultGraph());
        load(asserted);
        SourceIndex index = DatasetLoader.index(tree);
        Graph shapes = DatasetLoader.parseFile(tree, tree.resolve(DatasetLoader.SHAPES_FILE));
        List<Problem> problems = new ArrayList<>();
        Graph inferred = Txn.calculateRead(tdb, () -> {
            problems.addAll(new ShapeValidator(shapes).validate(asserted, index));
            lap("shapes");
            Graph conclusions = RuleMaterialiser.fromFile(tree.resolve(GraphBuild.RULES_FILE), GraphBuild.RULES_FILE)
                                                .materialise(asserted);
            lap("rules");
            return conclusions;
        });
        writeInferred(inferred);
        Txn.executeRead(tdb, () -> {
            problems.addAll(IntegrityChecks.from(tree).run(tdb, index));
            problems.addAll(DuplicateCandidates.find(tdb, index));
            problems.addAll(CitationCoverage.find(tdb, index));
        });
        lap("checks");
        return new Result(Problem.once(problems), sizes, millis);
    }

    /**
     * One bulk load of every named graph, its citation graph and their default-graph copies
     * (the default graph is the union of all graphs), one graph in memory at a time.
     */
    private void load(AssertedView asserted) {
        Progress progress = new Progress(out, "load", "quads");
        DataLoader loader = LoaderFactory.phasedLoader(tdb, (fmt, args) -> { });
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            for (DatasetLoader.GraphFiles files : DatasetLoader.graphs(tree)) {
                Graph graph = DatasetLoader.parse(tree, files);
                Graph citations = StatementCitations.hasCitations(files.name()) ? StatementCitations.separate(graph) : null;
                write(stream, files.name(), graph, progress);
                if (citations != null) {
                    write(stream, files.name() + StatementCitations.SUFFIX, citations, progress);
                    asserted.addCitations(citations);
                }
            }
            lap("load");
            out.println("index: building the secondary indexes ...");
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        progress.print(" (parsed and bulk loaded)");
        lap("index");
    }

    private void write(StreamRDF stream, String name, Graph graph, Progress progress) {
        Node g = PM.graph(name);
        graph.find().forEachRemaining(t -> {
            stream.quad(Quad.create(g, t));
            stream.triple(t);
        });
        sizes.put(name, (long) graph.size());
        progress.add(2L * graph.size());
    }

    /** The rules' conclusions, as graph {@code inferred} and in the default graph: one transaction. */
    private void writeInferred(Graph inferred) {
        Node g = PM.graph(PM.INFERRED);
        Progress progress = new Progress(out, "inferred", "quads");
        Txn.executeWrite(tdb, () -> inferred.find().forEachRemaining(t -> {
            tdb.add(Quad.create(g, t));
            tdb.add(Quad.create(Quad.defaultGraphIRI, t));
            progress.add(2);
        }));
        progress.print("");
        sizes.put(PM.INFERRED, (long) inferred.size());
        lap("inferred");
    }

    private void lap(String stage) {
        long now = System.currentTimeMillis();
        millis.put(stage, now - lapStart);
        out.printf("%s: done in %,d ms%n", stage, now - lapStart);
        out.flush();
        lapStart = now;
    }
}
