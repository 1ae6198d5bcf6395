package org.w3id.pakmig.cli;

import java.nio.file.Path;

import org.w3id.pakmig.load.SourceTree;

/** The {@code --source DIR} option shared by the commands that build the graph. */
final class Sources {
    static final String HELP =
        "  --source DIR   read ontology/, data/ and queries/ from a checkout instead of the jar\n";

    private Sources() {}

    static SourceTree from(Options options) {
        Path dir = options.path("source");
        return dir == null ? SourceTree.packaged() : SourceTree.directory(dir);
    }
}
