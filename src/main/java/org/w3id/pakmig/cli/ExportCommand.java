package org.w3id.pakmig.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.pakmig.publish.HxlExport;
import org.w3id.pakmig.vocab.PM;

/** {@code export}: write the built dataset, inferred triples included, to stdout. */
final class ExportCommand implements Command {
    private static final Map<String, RDFFormat> FORMATS = Map.of(
        "nq", RDFFormat.NQUADS, "trig", RDFFormat.TRIG_BLOCKS, "ttl", RDFFormat.TURTLE_BLOCKS);

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write the full dataset (with inferred triples) to stdout";
    }

    @Override
    public String help() {
        return "Usage: java -jar pakmig.jar export [--format nq|trig|ttl] [--graph NAME] [--source DIR]\n"
             + "       java -jar pakmig.jar export --hxl figures|flows|routes|places [--source DIR]\n\n"
             + "Builds the graph and writes it to standard output.\n"
             + "  --format F     nq (default) or trig: every named graph; ttl: the union of all graphs\n"
             + "  --graph NAME   only this named graph (ontology, sources, doc-000 ... doc-003, alignments, inferred)\n"
             + "  --hxl TABLE    a CSV table for humanitarian tools, HXL hashtags in its second row\n"
             + Sources.HELP;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("format", "graph", "source", "hxl"), Set.of());
        String hxl = options.get("hxl", null);
        if (hxl != null && !HxlExport.names().contains(hxl)) {
            throw new UsageException("unknown HXL table '" + hxl + "' (valid: " + String.join(", ", HxlExport.names()) + ")");
        }
        String formatName = options.get("format", "nq");
        RDFFormat format = FORMATS.get(formatName);
        if (format == null) {
            throw new UsageException("unknown format '" + formatName + "' (valid: nq, trig, ttl)");
        }
        GraphBuild.Result result = GraphBuild.run(Sources.from(options));
        if (!result.ok()) {
            BuildReport.printProblems(result, err);
            return Main.PROBLEMS;
        }
        DatasetGraph dataset = result.dataset();
        if (hxl != null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                HxlExport.write(hxl, dataset, writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Main.OK;
        }
        String graphName = options.get("graph", null);
        if (graphName != null) {
            Node graph = PM.graph(graphName);
            if (!dataset.containsGraph(graph)) {
                throw new UsageException("no graph named '" + graphName + "' (valid: "
                                         + String.join(", ", result.triplesPerGraph().keySet()) + ")");
            }
            if (format.getLang().equals(Lang.TURTLE)) {
                RDFDataMgr.write(out, dataset.getGraph(graph), format);
            } else {
                DatasetGraph one = DatasetGraphFactory.createGeneral();
                one.addGraph(graph, dataset.getGraph(graph));
                RDFDataMgr.write(out, one, format);
            }
        } else if (format.getLang().equals(Lang.TURTLE)) {
            RDFDataMgr.write(out, dataset.getDefaultGraph(), format);
        } else {
            RDFDataMgr.write(out, namedGraphsOnly(dataset), format);
        }
        out.flush();
        return Main.OK;
    }

    /** The default graph is the union of the named graphs; writing it too would repeat every triple. */
    private static DatasetGraph namedGraphsOnly(DatasetGraph dataset) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        List<Node> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graphs::add);
        graphs.forEach(g -> copy.addGraph(g, dataset.getGraph(g)));
        return copy;
    }
}
