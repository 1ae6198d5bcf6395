package org.w3id.pakmig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.cli.GraphBuild;
import org.w3id.pakmig.load.SourceTree;
import org.w3id.pakmig.synth.SyntheticData;

/**
 * The benchmark suite reads what the packaged jar's {@code build --db} prints: parsed from a real
 * build of synthetic data, the triple counts are those of the same build run in process, and
 * every stage of the "Built in" line is found.
 */
class BuildOutputIT {
    private static final Path JAR = Path.of(System.getProperty("pakmig.jar", "target/pakmig.jar")).toAbsolutePath();

    @Test
    void readsTheCountsAndStagesOfARealBuild(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        SyntheticData.write(2_000, BuildBench.SEED, Path.of("").toAbsolutePath(), tree);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                                       JAR.toString(), "build", "--db", dir.resolve("db").toString(), "--source", tree.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        BuildOutput parsed = BuildOutput.parse(out).orElseThrow(() -> new AssertionError("no Built line in:\n" + out));
        Map<String, Long> graphs = GraphBuild.runInTurn(SourceTree.directory(tree)).triplesPerGraph();
        long inferred = graphs.get("inferred");
        long asserted = graphs.values().stream().mapToLong(Long::longValue).sum() - inferred;
        assertEquals(asserted, parsed.asserted(), out);
        assertEquals(inferred, parsed.inferred(), out);

        assertTrue(parsed.stageMillis().containsKey("rules"), out);
        String builtLine = out.lines().filter(l -> l.startsWith("Built in")).findFirst().orElseThrow();
        for (String stage : parsed.stageMillis().keySet()) {
            assertTrue(builtLine.contains(stage + " "), stage + " is not a stage of: " + builtLine);
        }
        String stages = builtLine.substring(builtLine.indexOf('(') + 1, builtLine.lastIndexOf(')'));
        assertEquals(stages.split(", ").length, parsed.stageMillis().size(), builtLine);
        assertEquals(out.contains("Peak heap:"), parsed.reportedPeakHeapMb() >= 0, out);
    }
}
