package org.w3id.pakmig.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.pakmig.vocab.PM;

/**
 * Makes the graph's IRIs resolve: {@code /id/place/quetta} answers for
 * {@code https://w3id.org/pakmig/id/place/quetta} (and {@code /ontology} for the ontology
 * IRI), so a w3id redirect to this server is all an institution needs to dereference them.
 * Content negotiation: Turtle, N-Triples, JSON-LD or RDF/XML for machines, a readable page
 * for browsers. The description holds the resource's own statements, asserted and inferred,
 * the statements that point to it, and the labels of everything it links to.
 */
public final class ResourcePageServlet extends HttpServlet {
    private static final List<RDFFormat> FORMATS = List.of(
        RDFFormat.TURTLE, RDFFormat.NTRIPLES, RDFFormat.JSONLD, RDFFormat.RDFXML);

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("pm", PM.NS)
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .setNsPrefix("org", "http://www.w3.org/ns/org#")
        .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
        .lock();

    private final transient DatasetGraph dataset;

    public ResourcePageServlet(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Node resource = NodeFactory.createURI(PM.BASE + request.getRequestURI().substring(1));
        Graph description = Txn.calculateRead(dataset, () -> describe(resource));
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Vary", "Accept");
        if (description.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing is known about " + resource.getURI());
            return;
        }
        RDFFormat format = negotiate(request.getHeader("Accept"));
        if (format == null) {
            response.setContentType("text/html;charset=utf-8");
            writePage(resource, description, response.getWriter());
        } else {
            response.setContentType(format.getLang().getContentType().getContentTypeStr() + ";charset=utf-8");
            description.getPrefixMapping().setNsPrefixes(PREFIXES);
            RDFDataMgr.write(response.getOutputStream(), description, format);
        }
    }

    /** The RDF format the client asks for, or null for a web page. */
    static RDFFormat negotiate(String accept) {
        if (accept == null) {
            return null;
        }
        for (String range : accept.split(",")) {
            int parameters = range.indexOf(';');
            String type = (parameters < 0 ? range : range.substring(0, parameters)).strip();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                return null;
            }
            for (RDFFormat f : FORMATS) {
                Lang lang = f.getLang();
                if (lang.getContentType().getContentTypeStr().equals(type) || lang.getAltContentTypes().contains(type)) {
                    return f;
                }
            }
        }
        return null;
    }

    private Graph describe(Node resource) {
        Graph all = dataset.getDefaultGraph();
        Graph description = GraphFactory.createGraphMem();
        all.find(resource, Node.ANY, Node.ANY).forEach(description::add);
        all.find(Node.ANY, Node.ANY, resource).forEach(description::add);
        if (description.isEmpty()) {
            return description;
        }
        List<Node> linked = new ArrayList<>();
        description.find().forEach(t -> {
            linked.add(t.getSubject());
            linked.add(t.getPredicate());
            linked.add(t.getObject());
        });
        for (Node n : linked) {
            if (n.isURI() && !n.equals(resource)) {
                all.find(n, RDFS.label.asNode(), Node.ANY).forEach(description::add);
            }
        }
        return description;
    }

    private void writePage(Node resource, Graph description, PrintWriter out) {
        String title = label(description, resource);
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<title>" + escape(title) + " - pakmig</title>");
        out.println("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
                    + "table{border-collapse:collapse}td{border-top:1px solid #ddd;padding:.3em .6em;vertical-align:top}"
                    + "code{color:#555}</style></head><body>");
        out.println("<p><a href=\"/\">pakmig</a>: Pakistan migration knowledge graph</p>");
        out.println("<h1>" + escape(title) + "</h1>");
        out.println("<p><code>" + escape(resource.getURI()) + "</code></p>");
        out.println("<p>Machine-readable as Turtle, N-Triples, JSON-LD or RDF/XML: ask with an Accept header.</p>");
        writeTable(out, "Statements", description.find(resource, Node.ANY, Node.ANY).toList(), description, false);
        writeTable(out, "Referenced by", description.find(Node.ANY, Node.ANY, resource).toList(), description, true);
        out.println("</body></html>");
    }

    private void writeTable(PrintWriter out, String heading, List<Triple> triples, Graph description, boolean incoming) {
        if (triples.isEmpty()) {
            return;
        }
        List<Triple> sorted = new ArrayList<>(triples);
        sorted.sort(Comparator.comparing((Triple t) -> label(description, t.getPredicate()))
                              .thenComparing(t -> label(description, incoming ? t.getSubject() : t.getObject())));
        out.println("<h2>" + heading + "</h2><table>");
        for (Triple t : sorted) {
            Node other = incoming ? t.getSubject() : t.getObject();
            out.println("<tr><td>" + link(t.getPredicate(), description) + "</td><td>" + link(other, description) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static String link(Node node, Graph description) {
        if (node.isLiteral()) {
            return escape(node.getLiteralLexicalForm());
        }
        if (!node.isURI()) {
            return escape(node.toString());
        }
        String iri = node.getURI();
        String href = iri.startsWith(PM.ID) || iri.startsWith(PM.NS) ? iri.substring(PM.BASE.length() - 1) : iri;
        return "<a href=\"" + escape(href) + "\">" + escape(label(description, node)) + "</a>";
    }

    private static String label(Graph description, Node node) {
        if (!node.isURI()) {
            return node.toString();
        }
        return description.find(node, RDFS.label.asNode(), Node.ANY)
                          .mapWith(t -> t.getObject().getLiteralLexicalForm())
                          .nextOptional()
                          .orElseGet(() -> {
                              String iri = node.getURI();
                              int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
                              return iri.substring(cut + 1);
                          });
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
