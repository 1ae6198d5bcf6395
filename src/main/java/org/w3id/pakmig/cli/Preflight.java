package org.w3id.pakmig.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks made before a long build starts, so that what would fail at its end (a port another
 * program holds) fails at once with one line instead of a stack trace after the build.
 */
final class Preflight {
    private Preflight() {}

    /** Refuses a port that something already listens on (port 0 always finds a free one). */
    static void portFree(int port, boolean localhost) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(localhost ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                                  : new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is already in use (" + e.getMessage()
                + "); stop the program using it or choose another with --port");
        }
    }
}
