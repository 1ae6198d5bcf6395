package org.w3id.pakmig.contrib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.fuseki.servlets.ActionREST;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.web.HttpSC;

/**
 * Graph Store Protocol writes for contributors: {@code PUT}, {@code POST} and {@code DELETE}
 * on {@code ?graph=IRI}, where IRI lies under {@code graph/contrib/{user}/} of the user Jetty
 * authenticated. Every other graph (documents, ontology, inferred) is read-only to everyone.
 * An upload is SHACL-validated before it is committed: a failing one answers 422 with the
 * report and changes nothing. Each accepted change is logged with user and time.
 */
final class ContributionService extends ActionREST {
    private final DatasetGraph store;
    private final ContributionValidator validator;
    private final Consumer<String> log;

    ContributionService(DatasetGraph store, ContributionValidator validator, Consumer<String> log) {
        this.store = store;
        this.validator = validator;
        this.log = log;
    }

    @Override
    public void validate(HttpAction action) {
        // Checked per method: the graph, the user and the body.
    }

    /** The graph the request writes to, after checking the user may write it. */
    private static Node writableGraph(HttpAction action) {
        String user = action.getUser();
        if (user == null) {
            ServletOps.error(HttpSC.UNAUTHORIZED_401, "log in to contribute");
        }
        String graph = action.getRequestParameter("graph");
        if (graph == null || graph.isBlank()) {
            drain(action);
            ServletOps.errorForbidden("name a graph with ?graph=" + Contributions.graphPrefix(user)
                + "NAME; the default graph is read-only");
        }
        String own = Contributions.graphPrefix(user);
        if (graph.startsWith(own) && graph.length() > own.length()) {
            return NodeFactory.createURI(graph);
        }
        drain(action);
        if (graph.startsWith(Contributions.GRAPHS)) {
            ServletOps.errorForbidden(graph + " belongs to another contributor; yours go under " + own);
        }
        ServletOps.errorForbidden(graph + " is read-only; contributions go under " + own);
        return null; // not reached: errorForbidden throws
    }

    /** Reads a refused request's body, so the client's connection stays usable for its next request. */
    private static void drain(HttpAction action) {
        try (InputStream body = action.getRequestInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the connection is gone anyway
        }
    }

    private static Graph parseBody(HttpAction action) {
        String contentType = action.getRequestContentType();
        Lang lang = contentType == null ? null : RDFLanguages.contentTypeToLang(contentType);
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415,
                "send RDF triples: Content-Type text/turtle, application/n-triples, application/rdf+xml or application/ld+json");
        }
        Graph graph = GraphFactory.createGraphMem();
        try (InputStream body = action.getRequestInputStream()) {
            RDFParser.source(body).lang(lang).base(Contributions.GRAPHS).parse(graph);
        } catch (RiotException e) {
            ServletOps.errorBadRequest("not valid " + lang.getName() + ": " + e.getMessage());
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the request body: " + e.getMessage());
        }
        if (graph.isEmpty()) {
            ServletOps.errorBadRequest("the body holds no triples; to remove a graph, use DELETE");
        }
        return graph;
    }

    @Override
    protected void doPut(HttpAction action) {
        write(action, true);
    }

    @Override
    protected void doPost(HttpAction action) {
        write(action, false);
    }

    private void write(HttpAction action, boolean replace) {
        Node graph = writableGraph(action);
        Graph upload = parseBody(action);
        store.begin(TxnType.WRITE);
        try {
            boolean existed = store.containsGraph(graph) && !store.getGraph(graph).isEmpty();
            Graph candidate = GraphFactory.createGraphMem();
            if (!replace && existed) {
                store.getGraph(graph).find().forEach(candidate::add);
            }
            upload.find().forEach(candidate::add);
            ValidationReport report = validator.validate(candidate, store.getDefaultGraph());
            if (!report.conforms()) {
                store.abort();
                action.setResponseStatus(422);
                action.setResponseContentType(Lang.TURTLE.getHeaderString());
                RDFDataMgr.write(action.getResponseOutputStream(), report.getModel(), Lang.TURTLE);
                return;
            }
            if (replace) {
                store.removeGraph(graph);
            }
            Graph target = store.getGraph(graph);
            upload.find().forEach(target::add);
            store.commit();
            log.accept(String.format("contribution accepted: user=%s %s <%s> %d triples at %s",
                action.getUser(), replace ? "PUT" : "POST", graph.getURI(), upload.size(), Instant.now()));
            if (existed) {
                ServletOps.successNoContent(action);
            } else {
                ServletOps.successCreated(action);
            }
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        } finally {
            store.end();
        }
    }

    @Override
    protected void doDelete(HttpAction action) {
        Node graph = writableGraph(action);
        store.begin(TxnType.WRITE);
        try {
            if (!store.containsGraph(graph) || store.getGraph(graph).isEmpty()) {
                store.abort();
                ServletOps.errorNotFound("no graph " + graph.getURI());
            }
            store.removeGraph(graph);
            store.commit();
            log.accept(String.format("contribution accepted: user=%s DELETE <%s> at %s",
                action.getUser(), graph.getURI(), Instant.now()));
            ServletOps.successNoContent(action);
        } finally {
            store.end();
        }
    }

    @Override
    protected void doGet(HttpAction action) {
        ServletOps.errorMethodNotAllowed("GET", "read contributed graphs from /pakmig/get?graph=IRI or /pakmig/sparql");
    }

    @Override
    protected void doHead(HttpAction action) {
        ServletOps.errorMethodNotAllowed("HEAD");
    }

    @Override
    protected void doPatch(HttpAction action) {
        ServletOps.errorMethodNotAllowed("PATCH");
    }

    @Override
    protected void doOptions(HttpAction action) {
        action.setResponseHeader("Allow", "PUT, POST, DELETE");
        ServletOps.success(action);
    }
}
