package org.w3id.pakmig.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.pakmig.publish.Publication;

/** {@code /context.jsonld}: the JSON-LD context the JSON-LD responses refer to. */
public final class ContextServlet extends HttpServlet {
    private final transient Publication publication;

    public ContextServlet(Publication publication) {
        this.publication = publication;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentType("application/ld+json;charset=utf-8");
        response.getOutputStream().write(publication.context().document().getBytes(StandardCharsets.UTF_8));
    }
}
