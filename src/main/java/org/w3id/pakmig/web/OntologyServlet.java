package org.w3id.pakmig.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.w3id.pakmig.publish.ContentNegotiation;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.vocab.PM;

/**
 * {@code /ontology} and its version IRIs ({@code /ontology/0.1.0}): the whole ontology as
 * Turtle, RDF/XML, JSON-LD or N-Triples by content negotiation, or its documentation page for
 * browsers, where every term has its own anchor ({@code /ontology#Route}). A version IRI
 * answers only for the version being served; older versions are not kept.
 */
public final class OntologyServlet extends HttpServlet {
    private final transient DatasetGraph dataset;
    private final transient Publication publication;
    private final transient Templates templates;

    public OntologyServlet(DatasetGraph dataset, Publication publication, Templates templates) {
        this.dataset = dataset;
        this.publication = publication;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Publication.commonHeaders(response, path);
        if (!path.equals("/ontology") && !servesVersion(PM.BASE + path.substring(1))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND,
                "No such version of the ontology is served here: " + PM.BASE + path.substring(1));
            return;
        }
        ContentNegotiation.Choice choice = ContentNegotiation.choose(request.getHeader("Accept"), request.getParameter("format"));
        if (choice.isRdf()) {
            Graph ontology = Txn.calculateRead(dataset, () -> {
                Graph copy = GraphFactory.createGraphMem();
                dataset.getGraph(PM.graph(PM.ONTOLOGY)).find().forEach(copy::add);
                return copy;
            });
            publication.writeRdf(request, response, ontology, choice);
        } else {
            templates.render(response, "ontology", Txn.calculateRead(dataset, () -> OntologyDocumentation.model(dataset)));
        }
    }

    private boolean servesVersion(String versionIri) {
        Node ontology = NodeFactory.createURI(PM.ONTOLOGY_IRI);
        return Txn.calculateRead(dataset, () -> dataset.getGraph(PM.graph(PM.ONTOLOGY))
            .contains(ontology, OWL.versionIRI.asNode(), NodeFactory.createURI(versionIri)));
    }
}
