package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.query.NamedQuery;
import org.w3id.pakmig.query.QueryCatalogue;
import org.w3id.pakmig.query.QueryParameter;

/** {@code query NAME}: run one of the analyst queries in queries/ on the graph or an endpoint. */
final class QueryCommand implements Command {
    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "run a named analyst query (query --list shows the catalogue)";
    }

    @Override
    public String help() {
        return "Usage: java -jar pakmig.jar query NAME [--param KEY=VALUE ...] [--format table|csv|json|tsv]\n"
             + "                                 [--endpoint URL | --source DIR]\n"
             + "       java -jar pakmig.jar query --list\n"
             + "       java -jar pakmig.jar query NAME --describe\n\n"
             + "Runs queries/NAME.rq on the graph built in memory, or on a running endpoint.\n"
             + "  --param KEY=VALUE  bind a parameter declared in the query's header (repeatable);\n"
             + "                     IRIs as <https://...> or prefixed names (place:quetta)\n"
             + "  --format F         table (default), csv, json or tsv\n"
             + "  --endpoint URL     query this SPARQL endpoint, e.g. http://localhost:3030/pakmig/sparql\n"
             + "  --list             list the queries with their questions\n"
             + "  --describe         show a query's question, columns and parameters\n"
             + Sources.HELP;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("param", "format", "endpoint", "source"), Set.of("list", "describe"));
        SourceTree tree = Sources.from(options);
        QueryCatalogue catalogue = QueryCatalogue.from(tree);
        if (options.flag("list")) {
            for (NamedQuery q : catalogue.all()) {
                out.printf("%-48s %s%n", q.name(), q.question());
            }
            return Main.OK;
        }
        if (options.positional().size() != 1) {
            throw new UsageException("give one query name (query --list shows them)");
        }
        NamedQuery named = catalogue.get(options.positional().get(0));
        if (options.flag("describe")) {
            describe(named, out);
            return Main.OK;
        }
        String format = options.get("format", "table");
        if (!Set.of("table", "csv", "json", "tsv").contains(format)) {
            throw new UsageException("unknown format '" + format + "' (valid: table, csv, json, tsv)");
        }
        Query query = named.bind(parameters(options));
        String endpoint = options.get("endpoint", null);
        if (endpoint != null && options.has("source")) {
            throw new UsageException("--endpoint queries a running server; --source builds the graph locally: give one");
        }
        if (endpoint != null) {
            try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                print(ResultSet.adapt(exec.select()), query, format, out);
            }
        } else {
            GraphBuild.Result result = GraphBuild.run(tree);
            if (!result.ok()) {
                BuildReport.printProblems(result, err);
                return Main.PROBLEMS;
            }
            try (QueryExec exec = QueryExec.dataset(result.dataset()).query(query).build()) {
                print(ResultSet.adapt(exec.select()), query, format, out);
            }
        }
        return Main.OK;
    }

    private static Map<String, String> parameters(Options options) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : options.all("param")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param wants KEY=VALUE, not '" + pair + "'");
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    private static void print(ResultSet results, Query query, String format, PrintStream out) {
        switch (format) {
            case "csv" -> ResultSetFormatter.outputAsCSV(out, results);
            case "tsv" -> ResultSetFormatter.outputAsTSV(out, results);
            case "json" -> ResultSetFormatter.outputAsJSON(out, results);
            default -> ResultSetFormatter.out(out, results, query.getPrefixMapping());
        }
        out.flush();
    }

    private static void describe(NamedQuery q, PrintStream out) {
        out.println(q.title());
        out.println("  question: " + q.question());
        out.println("  columns:  " + String.join(", ", q.columns()));
        out.println("  sources:  " + q.sources());
        for (QueryParameter p : q.parameters()) {
            out.printf("  --param %s=%s  (%s; %s)%n", p.name(), p.defaultValue(),
                       p.type().name().toLowerCase(java.util.Locale.ROOT), p.description());
        }
    }
}
