package org.w3id.pakmig.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A server process, ready once it has answered a query; stopped on close. */
final class Server implements AutoCloseable {
    /** The query that tells a server is ready. */
    static final String PROBE = "ASK {}";

    final String url;
    final long readyMillis;
    private final Process process;

    /** Starts {@code command} (which listens on {@code url}) and waits until it answers. */
    Server(List<String> command, String url, Path log, SparqlClient client) throws IOException, InterruptedException {
        this.url = url;
        long start = System.nanoTime();
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(300);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited (see " + log + "): " + String.join(" ", command));
            }
            try {
                client.ask(url, PROBE);
                break;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    close();
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
        this.readyMillis = (System.nanoTime() - start) / 1_000_000;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
