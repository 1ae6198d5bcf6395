package org.w3id.pakmig.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.lang.LangTurtle;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.pakmig.vocab.PM;

/**
 * Parses the ontology and the data files into one named graph each:
 * {@code ontology/*.ttl} (except the shapes) into {@code graph/ontology};
 * {@code data/NAME.ttl} and {@code data/NAME/*.ttl} into {@code graph/NAME}.
 * The first syntax error (or parser warning, such as a bad IRI) stops the load.
 */
public final class DatasetLoader {
    /** SHACL shapes live beside the ontology but are not part of the served graph. */
    public static final String SHAPES_FILE = "ontology/shapes.ttl";

    private DatasetLoader() {}

    public static Loaded load(SourceTree tree) {
        Graph union = GraphFactory.createGraphMem();
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        for (GraphFiles graph : graphs(tree)) {
            Graph target = GraphFactory.createGraphMem();
            for (Path file : graph.files()) {
                // One parse of each file, each triple going straight into its graph and the union.
                target.getPrefixMapping().setNsPrefixes(parse(tree, file, t -> {
                    target.add(t);
                    union.add(t);
                }, null));
            }
            dsg.addGraph(PM.graph(graph.name()), target);
        }
        return new Loaded(dsg, union, index(tree));
    }

    /** The files of one named graph ({@code name} is its short name, as {@code doc-002}). */
    public record GraphFiles(String name, List<Path> files) {}

    /**
     * The named graphs of {@code tree} and their files, in load order: the ontology first, then
     * each data graph in the order of its first file.
     */
    public static List<GraphFiles> graphs(SourceTree tree) {
        Map<String, List<Path>> graphs = new LinkedHashMap<>();
        for (Path file : tree.files("ontology", ".ttl")) {
            if (!tree.relativeName(file).equals(SHAPES_FILE)) {
                graphs.computeIfAbsent(PM.ONTOLOGY, k -> new ArrayList<>()).add(file);
            }
        }
        if (!graphs.containsKey(PM.ONTOLOGY)) {
            throw new LoadException("ontology/pakmig.ttl", -1, -1, "the ontology file is missing");
        }
        for (Path file : tree.files("data", ".ttl")) {
            graphs.computeIfAbsent(graphNameFor(tree.relativeName(file)), k -> new ArrayList<>()).add(file);
        }
        List<GraphFiles> result = new ArrayList<>();
        graphs.forEach((name, files) -> result.add(new GraphFiles(name, List.copyOf(files))));
        return result;
    }

    /** Parses the files of one named graph into a new graph (with the files' prefixes). */
    public static Graph parse(SourceTree tree, GraphFiles graph) {
        Graph target = GraphFactory.createGraphMem();
        for (Path file : graph.files()) {
            target.getPrefixMapping().setNsPrefixes(parse(tree, file, target::add, null));
        }
        return target;
    }

    /**
     * Where every statement of {@code tree}'s graphs is written: filled by a second parse of
     * the files, in load order, the first time it is asked (only a build with problems asks).
     */
    public static SourceIndex index(SourceTree tree) {
        return new SourceIndex(index -> {
            for (GraphFiles graph : graphs(tree)) {
                for (Path file : graph.files()) {
                    parse(tree, file, t -> { }, index);
                }
            }
        });
    }

    /** {@code data/doc-002.ttl} and {@code data/doc-002/routes.ttl} both belong to graph {@code doc-002}. */
    static String graphNameFor(String relativeName) {
        String inData = relativeName.substring("data/".length());
        int slash = inData.indexOf('/');
        String first = slash < 0 ? inData : inData.substring(0, slash);
        return first.endsWith(".ttl") ? first.substring(0, first.length() - 4) : first;
    }

    /** Parses one Turtle file on its own (used for the shapes and for test fixtures). */
    public static Graph parseFile(SourceTree tree, Path file) {
        Graph graph = GraphFactory.createGraphMem();
        graph.getPrefixMapping().setNsPrefixes(parse(tree, file, graph::add, null));
        return graph;
    }

    /**
     * One parse of one file, each triple going to {@code sink}; returns the file's prefixes.
     * With an {@code index}, the line of each triple is recorded there as it is parsed.
     */
    private static PrefixMapping parse(SourceTree tree, Path file, Consumer<Triple> sink, SourceIndex index) {
        String name = tree.relativeName(file);
        String text = SourceText.read(file, name);
        ErrorHandler errors = new FailFast(name);
        PrefixMapping prefixes = new PrefixMappingImpl();
        ParserProfile profile = RiotLib.profile(Lang.TURTLE, PM.ID, errors);
        if (index != null) {
            // LangTurtle is built by hand, not through RDFParser, to hand it a profile that
            // records each triple's line in the index as it is parsed.
            profile = new LineRecorder(profile, index, index.addFile(name, prefixes));
        }
        Tokenizer tokens = TokenizerText.create().fromString(text).errorHandler(errors).build();
        new LangTurtle(tokens, profile, new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                sink.accept(t);
            }

            @Override
            public void prefix(String prefix, String iri) {
                prefixes.setNsPrefix(prefix, iri);
            }
        }).parse();
        return prefixes;
    }

    /**
     * The parsed dataset (named graphs only), the union of its graphs (filled by the same
     * parse), and the index used to report problems by file (filled when first asked).
     */
    public record Loaded(DatasetGraph dataset, Graph union, SourceIndex index) {}

    /** Turns every parser complaint, warnings included, into a {@link LoadException}. */
    private record FailFast(String file) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            throw new LoadException(file, line, col, message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new LoadException(file, line, col, message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new LoadException(file, line, col, message);
        }
    }
}
