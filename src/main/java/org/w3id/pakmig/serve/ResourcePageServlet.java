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
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.pakmig.publish.ContentNegotiation;
import org.w3id.pakmig.publish.Publication;
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
    private static final String VOID_IN_DATASET = "http://rdfs.org/ns/void#inDataset";
    private static final String FOAF_PRIMARY_TOPIC = "http://xmlns.com/foaf/0.1/primaryTopic";
    private static final String DCTERMS_LICENSE = "http://purl.org/dc/terms/license";

    private final transient DatasetGraph dataset;
    private final transient EntityPage page;
    private final transient Publication publication;

    public ResourcePageServlet(DatasetGraph dataset, Publication publication) {
        this.dataset = dataset;
        this.page = new EntityPage(dataset);
        this.publication = publication;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Node resource = NodeFactory.createURI(PM.BASE + path.substring(1));
        Graph description = Txn.calculateRead(dataset, () -> describe(resource));
        Publication.commonHeaders(response, path);
        if (description.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing is known about " + resource.getURI());
            return;
        }
        ContentNegotiation.Choice choice = ContentNegotiation.choose(request.getHeader("Accept"), request.getParameter("format"));
        if (choice.isRdf()) {
            // Where the statements come from and under what licence, in every RDF answer.
            Node document = NodeFactory.createURI(publication.baseUrl(request) + path);
            description.add(resource, Publication.iri(VOID_IN_DATASET), Publication.iri(PM.DATASET));
            description.add(document, Publication.iri(FOAF_PRIMARY_TOPIC), resource);
            description.add(document, Publication.iri(DCTERMS_LICENSE), Publication.iri(PM.LICENCE));
            description.add(document, Publication.iri(VOID_IN_DATASET), Publication.iri(PM.DATASET));
            publication.writeRdf(request, response, description, choice);
        } else {
            response.setContentType("text/html;charset=utf-8");
            page.write(resource, request.getRequestURI(), response.getWriter());
        }
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
