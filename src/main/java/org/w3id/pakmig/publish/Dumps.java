package org.w3id.pakmig.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.vocab.PM;

/**
 * Compressed dumps of the served dataset, made once per server: every named graph as gzipped
 * N-Quads ({@code pakmig.nq.gz}) and each graph as gzipped Turtle ({@code NAME.ttl.gz}), with
 * their SHA-256 checksums. The {@code meta} graph is left out: it describes the dumps,
 * checksums included, so it cannot be inside them. {@code serve} makes them just after it
 * starts answering queries (see {@link #pending}); whoever asks for a dump before then waits
 * for it rather than getting an error or a partial file.
 */
public final class Dumps {
    public static final String ALL = "pakmig.nq.gz";

    /** One dump file: its bytes, checksum, what it holds ({@code graph} is null for the whole dataset). */
    public record Dump(String fileName, String mediaType, String graph, long triples, byte[] bytes, String sha256) {}

    private final DatasetGraph dataset;
    private final CompletableFuture<Map<String, Dump>> made = new CompletableFuture<>();

    private Dumps(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The dumps of {@code dataset}, made now. */
    public static Dumps of(DatasetGraph dataset) {
        Dumps dumps = pending(dataset);
        dumps.make();
        return dumps;
    }

    /**
     * The dumps of {@code dataset}, not made yet: every method waits until {@link #make} has
     * run on another thread. A server can answer queries first and write dumps after.
     */
    public static Dumps pending(DatasetGraph dataset) {
        return new Dumps(dataset);
    }

    /** Makes the dumps, once; those waiting for them get them (or the error that stopped them). */
    public void make() {
        if (made.isDone()) {
            return;
        }
        try {
            made.complete(Collections.unmodifiableMap(files(dataset)));
        } catch (RuntimeException | Error e) {
            made.completeExceptionally(e);
            throw e;
        }
    }

    private static Map<String, Dump> files(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            List<Node> graphs = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(g -> {
                if (!g.equals(PM.graph(PM.META))) {
                    graphs.add(g);
                }
            });
            graphs.sort((a, b) -> a.getURI().compareTo(b.getURI()));
            Map<String, Dump> dumps = new LinkedHashMap<>();
            DatasetGraph all = DatasetGraphFactory.createGeneral();
            long total = 0;
            for (Node g : graphs) {
                all.addGraph(g, dataset.getGraph(g));
                total += dataset.getGraph(g).size();
            }
            dumps.put(ALL, dump(ALL, "application/n-quads", null, total,
                                out -> RDFDataMgr.write(out, all, RDFFormat.NQUADS)));
            for (Node g : graphs) {
                String name = PM.graphName(g);
                String file = name + ".ttl.gz";
                dumps.put(file, dump(file, "text/turtle", name, dataset.getGraph(g).size(),
                                     out -> RDFDataMgr.write(out, dataset.getGraph(g), RDFFormat.TURTLE_BLOCKS)));
            }
            return dumps;
        });
    }

    private interface Writer {
        void write(OutputStream out);
    }

    private static Dump dump(String file, String mediaType, String graph, long triples, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writer.write(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] data = bytes.toByteArray();
        return new Dump(file, mediaType, graph, triples, data, sha256(data));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Dump> byFileName() {
        return made.join();
    }

    public Dump get(String fileName) {
        return byFileName().get(fileName);
    }

    public List<Dump> all() {
        return List.copyOf(byFileName().values());
    }

    /** The checksums in the format {@code sha256sum -c} reads. */
    public String checksumFile() {
        StringBuilder text = new StringBuilder();
        byFileName().values().forEach(d -> text.append(d.sha256()).append("  ").append(d.fileName()).append('\n'));
        return text.toString();
    }
}
