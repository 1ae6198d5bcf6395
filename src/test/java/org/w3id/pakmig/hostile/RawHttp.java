package org.w3id.pakmig.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, so that a test can send what no HTTP client library would:
 * malformed escapes, raw bytes, odd methods, lying headers. One request per connection.
 */
final class RawHttp {
    /** Status 0: the server closed the connection without an answer; -1: no answer in time. */
    record Reply(int status, String head, String body, long millis) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    static byte[] request(String method, String target, String headers, byte[] body) {
        StringBuilder head = new StringBuilder()
            .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
            .append("Host: localhost\r\nConnection: close\r\n")
            .append(headers);
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + (body == null ? 0 : body.length)];
        System.arraycopy(h, 0, all, 0, h.length);
        if (body != null) {
            System.arraycopy(body, 0, all, h.length, body.length);
        }
        return all;
    }

    Reply send(byte[] request, int readTimeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may refuse (and close) before reading everything: read its answer.
            }
            return read(socket.getInputStream(), start);
        }
    }

    static Reply read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (bytes.size() == 0) {
                return new Reply(-1, "", "", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException e) {
            // connection reset after a complete or partial answer
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            return new Reply(0, "", text, millis);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        return new Reply(status, head, body, millis);
    }
}
