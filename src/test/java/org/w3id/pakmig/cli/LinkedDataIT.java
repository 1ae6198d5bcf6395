package org.w3id.pakmig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's linked-data side as a user runs it: {@code serve} describes itself at the
 * address it runs on (or the one given with {@code --base-url}), and {@code export --hxl}
 * writes the HXL tables.
 */
class LinkedDataIT {
    private static final Path JAR = Path.of(System.getProperty("pakmig.jar", "target/pakmig.jar")).toAbsolutePath();
    private static final Pattern READY = Pattern.compile("pakmig ready: http://localhost:(\\d+)/pakmig/sparql");

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    private static void serveAndCheck(Path dir, String baseUrl) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--localhost"));
        if (baseUrl != null) {
            args.addAll(List.of("--base-url", baseUrl));
        }
        Process p = new ProcessBuilder(java(args.toArray(String[]::new))).directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String port = null;
            String line;
            while (port == null && (line = out.readLine()) != null) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    port = m.group(1);
                }
            }
            assertTrue(port != null, "serve exited without its ready line");
            String local = "http://localhost:" + port;
            String expected = baseUrl == null ? local : baseUrl;
            for (String path : List.of("/.well-known/void", "/dataset")) {
                String turtle = get(local + path);
                assertTrue(turtle.contains("<" + expected + "/pakmig/sparql>"), path + ":\n" + turtle);
                assertTrue(turtle.contains("<" + expected + "/dumps/pakmig.nq.gz>"), path);
            }
            assertTrue(get(local + "/pakmig/sparql").contains("sparql-service-description"));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveDescribesItselfAtTheLocalAddressOrTheGivenOne(@TempDir Path dir) throws Exception {
        serveAndCheck(dir, null);
        serveAndCheck(dir, "https://pakmig.example.org");
    }

    @Test
    void exportWritesHxlTables(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(java("export", "--hxl", "routes")).directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String csv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("Route IRI,Route,Leg"), lines[0]);
        assertTrue(lines[1].startsWith("#meta+id,#activity+name"), lines[1]);
        assertTrue(csv.contains("Dunki land route"));

        Process bad = new ProcessBuilder(java("export", "--hxl", "nothing")).directory(dir.toFile())
            .redirectErrorStream(true).start();
        String message = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Main.USAGE, bad.exitValue());
        assertTrue(message.contains("unknown HXL table 'nothing'"), message);
    }
}
