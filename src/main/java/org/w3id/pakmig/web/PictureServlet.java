package org.w3id.pakmig.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.pakmig.vocab.PM;

/**
 * {@code /pictures}: every picture on one page; {@code /pictures/NAME.svg} or {@code .png} for
 * reports, NAME being {@code flows}, {@code factors}, {@code timeline} or {@code route/SLUG}.
 */
final class PictureServlet extends HttpServlet {
    private final transient Templates templates;
    private final transient Pictures pictures;

    PictureServlet(Templates templates, Pictures pictures) {
        this.templates = templates;
        this.pictures = pictures;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            index(request, response);
            return;
        }
        int dot = path.lastIndexOf('.');
        String format = dot < 0 ? "" : path.substring(dot + 1);
        String name = dot < 0 ? path.substring(1) : path.substring(1, dot);
        Drawing drawing = switch (name) {
            case "flows" -> pictures.flows();
            case "factors" -> pictures.factors();
            case "timeline" -> pictures.timeline();
            default -> name.startsWith("route/") && name.substring(6).matches("[a-z0-9-]+")
                ? pictures.route(NodeFactory.createURI(PM.ID + name))
                : null;
        };
        if (drawing == null || !(format.equals("svg") || format.equals("png"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND,
                "No such picture; try flows, factors, timeline or route/SLUG, with .svg or .png");
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (format.equals("svg")) {
            response.setContentType("image/svg+xml;charset=utf-8");
            response.getOutputStream().write(drawing.svgDocument().getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("image/png");
            response.getOutputStream().write(drawing.png());
        }
    }

    private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = Links.root(request.getRequestURI());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Map.Entry<Node, String> route : pictures.routes().entrySet()) {
            String slug = Links.localName(route.getKey().getURI());
            figures.add(figure("Route: " + route.getValue(), pictures.route(route.getKey()), root + "pictures/route/" + slug,
                               root + Links.page(route.getKey())));
        }
        figures.add(figure("Flows from origin to destination", pictures.flows(), root + "pictures/flows", null));
        figures.add(figure("Push and pull factors by category", pictures.factors(), root + "pictures/factors", null));
        figures.add(figure("Timeline of events, laws and programmes", pictures.timeline(), root + "pictures/timeline", null));
        Map<String, Object> page = new HashMap<>();
        page.put("root", root);
        page.put("query", "");
        page.put("figures", figures);
        response.setContentType("text/html;charset=utf-8");
        templates.render("pictures", page, response.getWriter());
    }

    private static Map<String, Object> figure(String caption, Drawing drawing, String base, String page) {
        Map<String, Object> figure = new HashMap<>();
        figure.put("caption", caption);
        figure.put("svg", drawing.svg());
        figure.put("svgHref", base + ".svg");
        figure.put("pngHref", base + ".png");
        figure.put("page", page);
        return figure;
    }
}
