package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.w3id.pakmig.store.DatabaseDirectory;

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
             + "Builds the graph into a TDB2 database at DIR, one document at a time, and\n"
             + "validates, reasons and checks it there. Each build writes a new generation inside\n"
             + "DIR and switches to it in one atomic step when complete; a build with problems,\n"
             + "or one that is killed, leaves the previous database in use. Refuses to start\n"
             + "while a server (serve --db DIR) holds DIR. For large data give the JVM its heap\n"
             + "(java -Xmx8g -jar pakmig.jar build ...).\n\n"
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
        // Locked before the build, so a running server or a second build is refused at once.
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(db)) {
            out.println("Building the database in " + target.path() + " ...");
            DatabaseBuild.Result result = DatabaseBuild.run(Sources.from(options), target, out);
            BuildReport.printSummary(result.triplesPerGraph(), result.millisPerStage(), out);
            if (!result.ok()) {
                BuildReport.printProblems(result.problems(), err);
                BuildReport.printPeakHeap(out);
                return Main.PROBLEMS;
            }
            out.println("Database written to " + target.path());
            BuildReport.printPeakHeap(out);
            return Main.OK;
        }
    }
}
