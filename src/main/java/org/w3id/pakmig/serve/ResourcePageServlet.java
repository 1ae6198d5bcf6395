package org.w3id.pakmig.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.pakmig.vocab.PM;
import org.w3id.pakmig.web.EntityPage;

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
    private final transient EntityPage page;

    public ResourcePageServlet(DatasetGraph dataset) {
        this.dataset = dataset;
        this.page = new EntityPage(dataset);
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
            page.write(resource, request.getRequestURI(), response.getWriter());
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
            String type = range.split(";")[0].strip();
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
}
