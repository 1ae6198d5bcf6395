package org.w3id.pakmig.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.pakmig.publish.Dumps;

/**
 * {@code /dumps/NAME}: the gzipped dumps made when the server started, and
 * {@code /dumps/SHA256SUMS} with their checksums ({@code sha256sum -c SHA256SUMS} checks them).
 */
public final class DumpServlet extends HttpServlet {
    private final transient Dumps dumps;

    public DumpServlet(Dumps dumps) {
        this.dumps = dumps;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (name.equals("SHA256SUMS")) {
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(dumps.checksumFile().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Dumps.Dump dump = dumps.get(name);
        if (dump == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No dump named '" + name + "'; see /dumps/SHA256SUMS");
            return;
        }
        // The file is the compressed document itself (not a transfer encoding), as its name says.
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + dump.fileName() + "\"");
        response.setHeader("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(dump.sha256())));
        response.setContentLength(dump.bytes().length);
        response.getOutputStream().write(dump.bytes());
    }
}
