package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.pakmig.cite.AssertedView;
import org.w3id.pakmig.cite.StatementCitations;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.reason.RuleMaterialiser;
import org.w3id.pakmig.search.SearchIndex;
import org.w3id.pakmig.store.DatabaseDirectory;
import org.w3id.pakmig.store.IndexPacker;
import org.w3id.pakmig.store.TdbStore;
import org.w3id.pakmig.validate.CitationCoverage;
import org.w3id.pakmig.validate.DuplicateCandidates;
import org.w3id.pakmig.validate.IntegrityChecks;
import org.w3id.pakmig.validate.Problem;
import org.w3id.pakmig.validate.ShapeValidator;
import org.w3id.pakmig.vocab.PM;

/**
 * The pipeline of {@link GraphBuild} for {@code build --db}, holding one document's statements
 * at a time (and the rules' conclusions) rather than the whole graph, and written the way TDB2's
 * own loaders write:
 * <ol>
 * <li>each named graph is parsed on its own, its citations are separated, and both go to TDB2's
 * bulk loader as quads, into the primary quad index only;</li>
 * <li>the default graph (the union of all graphs) is not written triple by triple: its three
 * indexes are made from the quads by sorting ({@link IndexPacker});</li>
 * <li>SHACL and the rules read the database (through {@link AssertedView}, the asserted
 * statements without the citations); the rules' conclusions, held in memory, go in through a
 * second bulk load, as graph {@code inferred} and into the default graph;</li>
 * <li>the other five quad indexes are made from the primary one by sorting; the checks and the
 * search index read the finished database.</li>
 * </ol>
 * The database is a new generation of the directory, switched to only when there is no
 * problem: a build with problems, or one that fails, leaves the previous database in use.
 */
public final class DatabaseBuild {
    /** What a build found (empty when the new database is in use) and what it measured. */
    public record Result(List<Problem> problems, Map<String, Long> triplesPerGraph, Map<String, Long> millisPerStage) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The quad index the bulk loads write; every other index is made from it. */
    private static final String PRIMARY = "GSPO";
    private static final List<String> DEFAULT_GRAPH_INDEXES = List.of("SPO", "POS", "OSP");
    private static final List<String> QUAD_INDEXES = List.of("GPOS", "GOSP", "SPOG", "POSG", "OSPG");
    /*
     * TDB2's phased loader, told which indexes to write while loading and to build none
     * afterwards. The input stage is taken from Jena's own phased plan: its type is not public.
     */
    private static final LoaderPlan QUADS_ONLY = new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
        new String[] {}, new String[] {PRIMARY}, new String[][] {}, new String[][] {});
    private static final LoaderPlan CONCLUSIONS = new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
        DEFAULT_GRAPH_INDEXES.toArray(String[]::new), new String[] {PRIMARY}, new String[][] {}, new String[][] {});

    private final SourceTree tree;
    private final Path location;
    private final PrintStream out;
    private final Map<String, Long> sizes = new TreeMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private DatasetGraph tdb;
    private long lapStart = System.currentTimeMillis();

    private DatabaseBuild(SourceTree tree, Path location, PrintStream out) {
        this.tree = tree;
        this.location = location;
        this.out = out;
        this.tdb = DatabaseMgr.connectDatasetGraph(location.toString());
    }

    /** Builds {@code tree} into a new generation of {@code target}, printing progress to {@code out}. */
    public static Result run(SourceTree tree, DatabaseDirectory target, PrintStream out) {
        target.removeLeftovers();
        Path previous = target.hasDatabase() ? target.database() : null;
        Path generation = target.newGeneration();
        DatabaseBuild build = new DatabaseBuild(tree, generation, out);
        Result result = null;
        try {
            result = build.build();
            if (result.ok()) {
                SearchIndex.write(build.tdb, generation.resolve(SearchIndex.DIRECTORY));
                if (previous != null) {
                    TdbStore.carryContributions(previous, build.tdb);
                }
                build.lap("store");
            }
        } finally {
            TDBInternal.expel(build.tdb);
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
        Set<Node> namedCitations = load();
        pack(DEFAULT_GRAPH_INDEXES, "index");
        AssertedView asserted = new AssertedView(tdb.getDefaultGraph(), namedCitations);
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
        pack(QUAD_INDEXES, "quad index");
        Txn.executeRead(tdb, () -> {
            problems.addAll(IntegrityChecks.from(tree).run(tdb, index));
            problems.addAll(DuplicateCandidates.find(tdb, index));
            problems.addAll(CitationCoverage.find(tdb, index));
        });
        lap("checks");
        return new Result(Problem.once(problems), sizes, millis);
    }

    /**
     * One bulk load of every named graph and its citation graph, one graph in memory at a time;
     * returns the citations that are not blank nodes (see {@link AssertedView}).
     */
    private Set<Node> load() {
        Progress progress = new Progress(out, "load", "quads");
        Set<Node> namedCitations = new HashSet<>();
        bulkLoad(QUADS_ONLY, stream -> {
            for (DatasetLoader.GraphFiles files : DatasetLoader.graphs(tree)) {
                Graph graph = DatasetLoader.parse(tree, files);
                Graph citations = StatementCitations.hasCitations(files.name()) ? StatementCitations.separate(graph) : null;
                write(stream, files.name(), graph, progress);
                if (citations != null) {
                    write(stream, files.name() + StatementCitations.SUFFIX, citations, progress);
                    namedCitations.addAll(AssertedView.namedCitations(citations));
                }
            }
        });
        progress.print(" (parsed and bulk loaded)");
        lap("load");
        return namedCitations;
    }

    private void write(StreamRDF stream, String name, Graph graph, Progress progress) {
        Node g = PM.graph(name);
        graph.find().forEachRemaining(t -> stream.quad(Quad.create(g, t)));
        sizes.put(name, (long) graph.size());
        progress.add(graph.size());
    }

    /** The rules' conclusions, as graph {@code inferred} and in the default graph. */
    private void writeInferred(Graph inferred) {
        Node g = PM.graph(PM.INFERRED);
        Progress progress = new Progress(out, "inferred", "triples");
        bulkLoad(CONCLUSIONS, stream -> inferred.find().forEachRemaining(t -> {
            stream.quad(Quad.create(g, t));
            stream.triple(t);
            progress.add(1);
        }));
        progress.print("");
        sizes.put(PM.INFERRED, (long) inferred.size());
        lap("inferred");
    }

    private void bulkLoad(LoaderPlan plan, Consumer<StreamRDF> writer) {
        DataLoader loader = new LoaderMain(plan, tdb, (fmt, args) -> { });
        loader.startBulk();
        try {
            writer.accept(loader.stream());
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /** Makes {@code indexes} from the primary quad index, then reopens the database to see them. */
    private void pack(List<String> indexes, String stage) {
        out.println(stage + ": sorting " + PRIMARY + " into " + String.join(", ", indexes) + " ...");
        IndexPacker.pack(tdb, PRIMARY, indexes, (name, entries) -> {
            synchronized (out) {
                out.printf("%s: %s, %,d entries%n", stage, name, entries);
            }
        });
        TDBInternal.expel(tdb);
        tdb = DatabaseMgr.connectDatasetGraph(location.toString());
        lap(stage);
    }

    private void lap(String stage) {
        long now = System.currentTimeMillis();
        millis.put(stage, now - lapStart);
        out.printf("%s: done in %,d ms%n", stage, now - lapStart);
        out.flush();
        lapStart = now;
    }
}
