package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.serve.Limits;
import org.w3id.pakmig.serve.ServerSettings;
import org.w3id.pakmig.serve.SparqlServer;
import org.w3id.pakmig.store.TdbStore;

/** {@code serve}: build the graph in memory (or open a TDB2 database) and serve it. */
final class ServeCommand implements Command {
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
             + "                                  [--max-rows N] [--max-concurrent N] [--idle-timeout SECONDS]\n\n"
             + "Builds the graph in memory from the shipped files (or serves a database made by\n"
             + "`build`) and starts a read-only SPARQL endpoint:\n"
             + "  /pakmig/sparql  SPARQL 1.1 query (GET and POST)\n"
             + "  /pakmig/get     Graph Store Protocol, read (?default or ?graph=IRI)\n"
             + "  /id/...         the graph's IRIs, as pages or RDF by content negotiation\n"
             + "  /               a landing page with a query form\n"
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
             + "                    private addresses are always refused\n\n"
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

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("port", "db", "source", "timeout", "service-allow",
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
            limits);

        DatasetGraph dataset;
        Path db = options.path("db");
        if (db != null) {
            if (options.has("source")) {
                throw new UsageException("--db serves a built database; use `build --db DIR --source DIR` to rebuild it");
            }
            dataset = TdbStore.open(db);
        } else {
            GraphBuild.Result result = GraphBuild.run(Sources.from(options));
            if (!result.ok()) {
                BuildReport.printProblems(result, err);
                return Main.PROBLEMS;
            }
            dataset = result.dataset();
        }
        long triples = Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().size());
        FusekiServer server = SparqlServer.start(dataset, settings);
        out.println("pakmig ready: " + SparqlServer.queryUrl(server) + " (" + triples + " triples)");
        out.flush();
        server.join();
        return Main.OK;
    }
}
