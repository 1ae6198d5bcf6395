package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.pakmig.contrib.Contributions;
import org.w3id.pakmig.load.DatasetLoader;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.publish.DatasetDescription;
import org.w3id.pakmig.publish.Dumps;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.serve.Limits;
import org.w3id.pakmig.serve.ServerSettings;
import org.w3id.pakmig.serve.SparqlServer;
import org.w3id.pakmig.store.ServedDatabase;
import org.w3id.pakmig.store.TdbStore;

/** {@code serve}: build the graph in memory (or open a TDB2 database) and serve it. */
final class ServeCommand implements Command {
    private static final Logger CONTRIBUTION_LOG = LoggerFactory.getLogger("org.w3id.pakmig.contrib");

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the graph at http://localhost:3030/pakmig/sparql";
    }

    @Override
    public String help() {
        return "Usage: java -jar pakmig.jar serve [--port N] [--db DIR] [--source DIR]\n"
             + "                                  [--timeout SECONDS] [--localhost] [--allow-service]\n"
             + "                                  [--service-allow HOST ...] [--max-request-bytes N]\n"
             + "                                  [--max-rows N] [--max-concurrent N] [--idle-timeout SECONDS]\n"
             + "                                  [--base-url URL] [--auth FILE]\n\n"
             + "Builds the graph in memory from the shipped files (or serves a database made by\n"
             + "`build`) and starts a read-only SPARQL endpoint:\n"
             + "  /pakmig/sparql  SPARQL 1.1 query (GET and POST)\n"
             + "  /pakmig/get     Graph Store Protocol, read (?default or ?graph=IRI)\n"
             + "  /id/...         the graph's IRIs, as pages or RDF by content negotiation\n"
             + "  /               query workbench with the named queries; /search, /pictures\n"
             + "  /api/queries    the named queries as JSON; /api/queries/NAME?param=value runs one\n"
             + "  /ontology       the ontology (documentation page or RDF); /graph/NAME, /dataset and\n"
             + "                  /.well-known/void describe the graphs and the dataset (VoID/DCAT)\n"
             + "  /dumps/...      gzipped dumps with SHA256SUMS; /context.jsonld the JSON-LD context\n"
             + "Prints one line with the URL when ready. Stop with Ctrl-C.\n\n"
             + "  --port N          HTTP port (default " + ServerSettings.DEFAULT_PORT + "; 0 picks a free port)\n"
             + "  --db DIR          serve the TDB2 database at DIR instead of building in memory\n"
             + Sources.HELP
             + "  --timeout SECONDS stop queries after this long, answering 503 (default "
             + ServerSettings.DEFAULT_TIMEOUT.toSeconds() + ")\n"
             + "  --localhost       accept connections from this machine only\n"
             + "  --allow-service   let queries call other endpoints with SERVICE (off by default);\n"
             + "                    needs --service-allow\n"
             + "  --service-allow HOST  a host SERVICE may call (repeat for several); loopback and\n"
             + "                    private addresses are always refused\n"
             + "  --auth FILE       accept contributions from the users in FILE (a Jetty realm file with\n"
             + "                    hashed passwords) at /pakmig/contrib; needs --db (see docs/contributions.md)\n"
             + "  --base-url URL    the public address the server is reached at (behind w3id or a\n"
             + "                    proxy), used in the dataset description (default: the local address)\n\n"
             + "Limits (see docs/usage.md):\n"
             + "  --max-request-bytes N  largest query or request body (default "
             + Limits.DEFAULT_MAX_REQUEST_BYTES + "); larger: 413\n"
             + "  --max-rows N      most rows (or triples) in one answer (default " + Limits.DEFAULT_MAX_RESULT_ROWS
             + ");\n"
             + "                    longer answers are cut, with the header Pakmig-Truncated\n"
             + "  --max-concurrent N  queries running at once (default " + Limits.DEFAULT_MAX_CONCURRENT
             + "); up to 4x as many wait\n"
             + "                    (at most the timeout), more answer 503 with Retry-After\n"
             + "  --idle-timeout SECONDS  close connections idle this long (default "
             + Limits.DEFAULT_IDLE_TIMEOUT.toSeconds() + ")\n";
    }

    private static String baseUrl(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
                throw new UsageException("--base-url must be an http or https URL without query or fragment: " + text);
            }
        } catch (URISyntaxException e) {
            throw new UsageException("--base-url is not a URL: " + e.getMessage());
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("port", "db", "source", "timeout", "auth", "base-url", "service-allow",
                                                     "max-request-bytes", "max-rows", "max-concurrent", "idle-timeout"),
                                        Set.of("localhost", "allow-service"));
        if (options.flag("allow-service") != options.has("service-allow")) {
            throw new UsageException("--allow-service and --service-allow HOST go together: name the hosts SERVICE may call");
        }
        Limits limits = new Limits(
            options.integer("max-request-bytes", Limits.DEFAULT_MAX_REQUEST_BYTES, 1024, 64 * 1024 * 1024),
            options.integer("max-rows", Limits.DEFAULT_MAX_RESULT_ROWS, 1, Integer.MAX_VALUE - 1),
            options.integer("max-concurrent", Limits.DEFAULT_MAX_CONCURRENT, 1, 1000),
            Duration.ofSeconds(options.integer("idle-timeout", (int) Limits.DEFAULT_IDLE_TIMEOUT.toSeconds(), 1, 3600)));
        ServerSettings settings = new ServerSettings(
            options.integer("port", ServerSettings.DEFAULT_PORT, 0, 65535),
            Duration.ofSeconds(options.integer("timeout", (int) ServerSettings.DEFAULT_TIMEOUT.toSeconds(), 1, 86400)),
            options.flag("allow-service"),
            options.flag("localhost"),
            Set.copyOf(options.all("service-allow")),
            limits,
            baseUrl(options.get("base-url", null)));

        // Before building anything: a busy port, a locked database or a bad password file is one
        // line, not a stack trace.
        Preflight.portFree(settings.port(), settings.localhostOnly());
        Contributions contributions = null;
        if (options.has("auth")) {
            if (!options.has("db")) {
                throw new UsageException("--auth needs --db DIR: contributions are stored in the database");
            }
            SourceTree tree = SourceTree.packaged();
            contributions = new Contributions(options.path("auth"),
                DatasetLoader.parseFile(tree, tree.resolve(DatasetLoader.SHAPES_FILE)), CONTRIBUTION_LOG::info);
        }
        DatasetGraph dataset;
        SourceTree sources = Sources.from(options);
        // The named queries are parsed while the graph is built: neither needs the other. Jena
        // initialises itself on first use, and two threads doing that at once deadlock in
        // class initialisation: it is done here, before the second thread starts.
        JenaSystem.init();
        CompletableFuture<QueryCatalogue> catalogue = CompletableFuture.supplyAsync(() -> QueryCatalogue.from(sources));
        ServedDatabase database = null;
        Path db = options.path("db");
        if (db != null) {
            if (options.has("source")) {
                throw new UsageException("--db serves a built database; use `build --db DIR --source DIR` to rebuild it");
            }
            database = TdbStore.open(db);
            dataset = database.dataset();
        } else {
            GraphBuild.Result result = GraphBuild.run(sources);
            if (!result.ok()) {
                BuildReport.printProblems(result, err);
                return Main.PROBLEMS;
            }
            dataset = result.dataset();
        }
        Publication publication = Publication.of(dataset, settings.baseUrl(), Dumps.pending(dataset));
        Contributions accepting = contributions;
        FusekiServer server = startOrExplain(dataset, settings, GraphBuild.await(catalogue), publication, builder -> {
            if (accepting != null) {
                accepting.addTo(builder, SparqlServer.DATASET, dataset);
            }
        });
        String base = settings.baseUrl() != null ? settings.baseUrl() : "http://localhost:" + server.getPort();
        // Queries are answered from here on. The dumps, and the description that gives their
        // sizes and checksums, are made now rather than before the start: /dumps/ waits for
        // them, and the ready line below means everything is published.
        publication.dumps().make();
        DatasetDescription.publish(dataset, DatasetDescription.describe(dataset, base, publication.dumps()));
        // Counted now, so the description's own triples are in it, as they are in COUNT(*).
        long triples = Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().size());
        out.println("pakmig ready: " + SparqlServer.queryUrl(server) + " (" + triples + " triples)");
        if (contributions != null) {
            out.println("contributions: " + SparqlServer.queryUrl(server).replace("/sparql", "/" + Contributions.ENDPOINT)
                + "?graph=" + Contributions.GRAPHS + "{user}/NAME for " + String.join(", ", contributions.users()));
        }
        out.flush();
        server.join();
        if (database != null) {
            database.close();
        }
        return Main.OK;
    }

    /** The port can still be taken between the check and the start: say so in one line. */
    private static FusekiServer startOrExplain(DatasetGraph dataset, ServerSettings settings, QueryCatalogue catalogue,
                                               Publication publication, Consumer<FusekiServer.Builder> extensions) {
        try {
            return SparqlServer.start(dataset, settings, catalogue, publication, extensions);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    throw new IllegalStateException("port " + settings.port() + " is already in use ("
                        + cause.getMessage() + "); choose another with --port");
                }
            }
            throw e;
        }
    }
}
