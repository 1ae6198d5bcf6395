package org.w3id.pakmig.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        SourceIndex index = new SourceIndex();
        Graph union = GraphFactory.createGraphMem();
        Map<String, Graph> graphs = new LinkedHashMap<>();
        for (Path file : tree.files("ontology", ".ttl")) {
            String name = tree.relativeName(file);
            if (!name.equals(SHAPES_FILE)) {
                parseInto(graphs.computeIfAbsent(PM.ONTOLOGY, k -> GraphFactory.createGraphMem()), union, tree, file, index);
            }
        }
        if (!graphs.containsKey(PM.ONTOLOGY)) {
            throw new LoadException("ontology/pakmig.ttl", -1, -1, "the ontology file is missing");
        }
        for (Path file : tree.files("data", ".ttl")) {
            String graphName = graphNameFor(tree.relativeName(file));
            parseInto(graphs.computeIfAbsent(graphName, k -> GraphFactory.createGraphMem()), union, tree, file, index);
        }
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        graphs.forEach((name, graph) -> dsg.addGraph(PM.graph(name), graph));
        return new Loaded(dsg, union, index);
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
        parseInto(graph, null, tree, file, new SourceIndex());
        return graph;
    }

    /**
     * One parse of one file, each triple going straight into its graph and, when given, the
     * union of all graphs: no graph per file and no second pass to build the union.
     */
    private static void parseInto(Graph target, Graph union, SourceTree tree, Path file, SourceIndex index) {
        String name = tree.relativeName(file);
        String text = SourceText.read(file, name);
        ErrorHandler errors = new FailFast(name);
        PrefixMapping prefixes = new PrefixMappingImpl();
        int fileId = index.addFile(name, prefixes);
        // LangTurtle is built by hand, not through RDFParser, to hand it a profile that records
        // each triple's line in the index as it is parsed.
        ParserProfile profile = new LineRecorder(RiotLib.profile(Lang.TURTLE, PM.ID, errors), index, fileId);
        Tokenizer tokens = TokenizerText.create().fromString(text).errorHandler(errors).build();
        new LangTurtle(tokens, profile, new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                target.add(t);
                if (union != null) {
                    union.add(t);
                }
            }

            @Override
            public void prefix(String prefix, String iri) {
                prefixes.setNsPrefix(prefix, iri);
            }
        }).parse();
        target.getPrefixMapping().setNsPrefixes(prefixes);
    }

    /**
     * The parsed dataset (named graphs only), the union of its graphs (filled by the same
     * parse), and the index used to report problems by file.
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
