package org.w3id.pakmig.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robot report} (ROBOT 1.9.8, the OBO tool) finds no ERROR in the ontology, as an
 * ontology editor running ROBOT would see. ROBOT brings OWL API 4, so it runs in a JVM of its
 * own with the classpath Maven resolves for {@code tools/robot/pom.xml}; it never shares a
 * classpath with the OWL API 5 of the other tests.
 */
class RobotReportIT {
    private static final Path ROBOT_POM = Path.of("tools/robot/pom.xml").toAbsolutePath();

    private static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + "\n" + out);
        return out;
    }

    @Test
    void robotReportFindsNoErrors(@TempDir Path tmp) throws Exception {
        Path classpath = tmp.resolve("robot.classpath");
        run(tmp, List.of("mvn", "-B", "-q", "-f", ROBOT_POM.toString(), "dependency:build-classpath",
                         "-Dmdep.outputFile=" + classpath));
        Path report = tmp.resolve("report.tsv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = run(tmp, List.of(java, "-cp", Files.readString(classpath).strip(),
            "org.obolibrary.robot.CommandLineInterface", "report",
            "--input", Path.of("ontology/pakmig.ttl").toAbsolutePath().toString(),
            "--output", report.toString(), "--fail-on", "none"));
        List<String> rows = Files.readAllLines(report);
        assertTrue(rows.size() > 1 || out.contains("No violations"), "ROBOT wrote no report: " + out);
        List<String> errors = rows.stream().filter(r -> r.startsWith("ERROR")).toList();
        assertTrue(errors.isEmpty(), "ROBOT report errors:\n" + String.join("\n", errors));
    }
}
