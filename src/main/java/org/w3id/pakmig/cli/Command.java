package org.w3id.pakmig.cli;

import java.io.PrintStream;

/** One sub-command of {@code java -jar pakmig.jar}. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /** Runs the command; returns the process exit code. */
    int run(String[] args, PrintStream out, PrintStream err);
}
