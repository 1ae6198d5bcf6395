package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.util.Set;

/** {@code validate}: build everything, report problems, exit 1 if there are any. */
final class ValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "load, SHACL-validate, reason and run the integrity checks; report problems";
    }

    @Override
    public String help() {
        return "Usage: java -jar pakmig.jar validate [--source DIR]\n\n"
             + "Loads the ontology and data, validates them against ontology/shapes.ttl, applies\n"
             + "ontology/pakmig.rules and runs the checks in queries/checks/. Prints triples per\n"
             + "graph and every problem with file, line and term. Exit code 1 if any problem.\n\n"
             + Sources.HELP;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("source"), Set.of());
        GraphBuild.Result result = GraphBuild.runInTurn(Sources.from(options));
        BuildReport.printSummary(result, out);
        if (!result.ok()) {
            BuildReport.printProblems(result, err);
            return Main.PROBLEMS;
        }
        out.println("No problems.");
        return Main.OK;
    }
}
