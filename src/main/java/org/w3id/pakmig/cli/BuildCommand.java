package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.w3id.pakmig.store.TdbStore;

/** {@code build --db DIR}: build the graph and write it to a TDB2 database, atomically. */
final class BuildCommand implements Command {
    @Override
    public String name() {
        return "build";
    }

    @Override
    public String summary() {
        return "build the graph into a persistent TDB2 database";
    }

    @Override
    public String help() {
        return "Usage: java -jar pakmig.jar build --db DIR [--source DIR]\n\n"
             + "Builds and validates the graph, then writes it to a TDB2 database at DIR. The\n"
             + "database is written to a new directory beside DIR and renamed into place only\n"
             + "when complete; if the build has problems, DIR is left as it was.\n\n"
             + "  --db DIR       where the database goes (replaced if it exists)\n"
             + Sources.HELP;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("db", "source"), Set.of());
        Path db = options.path("db");
        if (db == null) {
            throw new UsageException("--db DIR is required");
        }
        GraphBuild.Result result = GraphBuild.runForStore(Sources.from(options));
        BuildReport.printSummary(result, out);
        if (!result.ok()) {
            BuildReport.printProblems(result, err);
            return Main.PROBLEMS;
        }
        TdbStore.write(result.dataset(), db);
        out.println("Database written to " + db.toAbsolutePath().normalize());
        return Main.OK;
    }
}
