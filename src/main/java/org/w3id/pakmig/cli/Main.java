package org.w3id.pakmig.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.w3id.pakmig.load.LoadException;

/** Entry point: {@code java -jar pakmig.jar <command> [options]}. */
public final class Main {
    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    private static final List<Command> COMMANDS = List.of(
        new ServeCommand(), new BuildCommand(), new ValidateCommand(), new ExportCommand(), new QueryCommand());

    private Main() {}

    public static void main(String[] args) {
        // `serve` returns only when the server stops.
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(overview());
            return args.length == 0 ? USAGE : OK;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("pakmig: unknown command '" + args[0] + "'");
            err.print(overview());
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.print(command.help());
            return OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("pakmig " + command.name() + ": " + e.getMessage());
            err.println("Run 'pakmig " + command.name() + " --help' for usage.");
            return USAGE;
        } catch (LoadException e) {
            err.println("pakmig " + command.name() + ": cannot load " + e.getMessage());
            err.println("Nothing was built or changed. Fix the file and run again.");
            return PROBLEMS;
        } catch (IllegalArgumentException | IllegalStateException | org.apache.jena.query.QueryException e) {
            err.println("pakmig " + command.name() + ": " + e.getMessage());
            return PROBLEMS;
        }
    }

    private static String overview() {
        StringBuilder text = new StringBuilder();
        text.append("pakmig: the Pakistan migration knowledge graph\n\n");
        text.append("Usage: java -jar pakmig.jar <command> [options]\n\nCommands:\n");
        for (Command c : COMMANDS) {
            text.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        text.append("\nRun 'java -jar pakmig.jar <command> --help' for a command's options.\n");
        return text.toString();
    }
}
