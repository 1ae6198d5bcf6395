package org.w3id.pakmig.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.vocab.PM;

class SyntheticDataTest {
    private static final Path CHECKOUT = Path.of("").toAbsolutePath();

    @Test
    void theSameSeedAndSizeWriteTheSameFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticData.write(20_000, 42, CHECKOUT, a);
        SyntheticData.write(20_000, 42, CHECKOUT, b);
        List<Path> files = dataFiles(a);
        assertEquals(files, dataFiles(b));
        assertTrue(files.size() >= 3, "common vocabulary, a document's sources and its data");
        for (Path f : files) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f.toString());
        }
    }

    @Test
    void passesOurShapesAndChecksAndHasConflictingFigures(@TempDir Path dir) {
        SyntheticData.write(2_000, 1, CHECKOUT, dir);
        GraphBuild.Result result = GraphBuild.runInTurn(SourceTree.directory(dir));
        assertEquals(List.of(), result.problems());
        assertTrue(result.dataset().getGraph(PM.graph(PM.INFERRED))
                         .find(null, NodeFactory.createURI(PM.NS + "conflictsWith"), null).hasNext());
    }

    private static List<Path> dataFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("data"))) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
