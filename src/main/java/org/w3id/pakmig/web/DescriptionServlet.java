package org.w3id.pakmig.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * The dataset IRI ({@code /dataset}, also at {@code /.well-known/void}) and the graph IRIs
 * ({@code /graph/doc-002}): their VoID/DCAT description from graph {@code meta}, as RDF by
 * content negotiation or as a page with sizes, sources, licence and download links.
 */
public final class DescriptionServlet extends HttpServlet {
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String SPDX = "http://spdx.org/rdf/terms#";

    private final transient DatasetGraph dataset;
    private final transient Publication publication;
    private final transient Templates templates;

    public DescriptionServlet(DatasetGraph dataset, Publication publication, Templates templates) {
        this.dataset = dataset;
        this.publication = publication;
        this.templates = templates;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        boolean wholeDataset = path.equals("/dataset") || path.equals("/.well-known/void");
        Node subject = NodeFactory.createURI(wholeDataset ? PM.DATASET : PM.BASE + path.substring(1));
        Publication.commonHeaders(response, path);
        Graph description = Txn.calculateRead(dataset, () -> {
            Graph meta = dataset.getGraph(PM.graph(PM.META));
            return wholeDataset ? copy(meta) : closure(meta, subject);
        });
        if (description.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Nothing is known about " + subject.getURI());
            return;
        }
        ContentNegotiation.Choice choice = ContentNegotiation.choose(request.getHeader("Accept"), request.getParameter("format"));
        if (path.equals("/.well-known/void") && choice == ContentNegotiation.Choice.HTML && request.getParameter("format") == null
            && !accepts(request, "text/html")) {
            choice = ContentNegotiation.Choice.TURTLE; // the well-known address is for machines unless a browser asks
        }
        if (choice.isRdf()) {
            publication.writeRdf(request, response, description, choice);
        } else {
            templates.render(response, "description", model(description, subject));
        }
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createGraphMem();
        g.find().forEach(out::add);
        return out;
    }

    /** The subject's statements, with those of its distributions and blank nodes (checksums). */
    private static Graph closure(Graph meta, Node subject) {
        Graph out = GraphFactory.createGraphMem();
        Deque<Node> todo = new ArrayDeque<>(List.of(subject));
        Set<Node> seen = new HashSet<>();
        Node distribution = NodeFactory.createURI(DCAT + "distribution");
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            meta.find(n, Node.ANY, Node.ANY).forEach(t -> {
                out.add(t);
                if (t.getObject().isBlank() || t.getPredicate().equals(distribution)) {
                    todo.push(t.getObject());
                }
            });
        }
        // Say what it is part of, with the labels of what it links to.
        meta.find(Node.ANY, NodeFactory.createURI(VOID + "subset"), subject).forEach(out::add);
        List<Node> objects = out.find().mapWith(Triple::getObject).filterKeep(Node::isURI).toList();
        objects.forEach(o -> meta.find(o, RDFS.label.asNode(), Node.ANY).forEach(out::add));
        return out;
    }

    /** A row of the page: a name and its values (links when {@code href} is set). */
    record Value(String text, String href) {}

    record Row(String name, List<Value> values) {}

    record Download(String title, String href, String size, String triples, String sha256) {}

    private Map<String, Object> model(Graph d, Node subject) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("iri", subject.getURI());
        model.put("title", first(d, subject, DCT + "title").map(Value::text).orElse(subject.getURI()));
        model.put("description", first(d, subject, DCT + "description").map(Value::text).orElse(null));
        List<Row> rows = new ArrayList<>();
        row(rows, d, subject, "Triples", VOID + "triples");
        row(rows, d, subject, "Entities", VOID + "entities");
        row(rows, d, subject, "Source document", DCT + "source");
        row(rows, d, subject, "Part of", DCT + "isPartOf");
        row(rows, d, subject, "Licence", DCT + "license");
        row(rows, d, subject, "Creator", DCT + "creator");
        row(rows, d, subject, "Publisher", DCT + "publisher");
        row(rows, d, subject, "Version", DCAT + "version");
        row(rows, d, subject, "Modified", DCT + "modified");
        row(rows, d, subject, "SPARQL endpoint", VOID + "sparqlEndpoint");
        row(rows, d, subject, "Vocabularies", VOID + "vocabulary");
        row(rows, d, subject, "Example resources", VOID + "exampleResource");
        row(rows, d, subject, "Graphs", VOID + "subset");
        model.put("rows", rows);
        List<Download> downloads = new ArrayList<>();
        d.find(subject, NodeFactory.createURI(DCAT + "distribution"), Node.ANY).mapWith(Triple::getObject).forEach(dist -> {
            String sha = d.find(dist, NodeFactory.createURI(SPDX + "checksum"), Node.ANY).mapWith(Triple::getObject).toList().stream()
                .flatMap(c -> d.find(c, NodeFactory.createURI(SPDX + "checksumValue"), Node.ANY).toList().stream())
                .map(t -> t.getObject().getLiteralLexicalForm()).findFirst().orElse("");
            downloads.add(new Download(first(d, dist, DCT + "title").map(Value::text).orElse(dist.getURI()), dist.getURI(),
                first(d, dist, DCAT + "byteSize").map(Value::text).orElse(""),
                first(d, dist, VOID + "triples").map(Value::text).orElse(""), sha));
        });
        downloads.sort(Comparator.comparing(Download::href));
        model.put("downloads", downloads);
        return model;
    }

    private static void row(List<Row> rows, Graph d, Node subject, String name, String predicate) {
        List<Value> values = d.find(subject, NodeFactory.createURI(predicate), Node.ANY).mapWith(Triple::getObject)
            .mapWith(o -> value(d, o)).toList();
        if (!values.isEmpty()) {
            rows.add(new Row(name, values.stream().sorted(Comparator.comparing(Value::text)).toList()));
        }
    }

    private static Optional<Value> first(Graph d, Node subject, String predicate) {
        return d.find(subject, NodeFactory.createURI(predicate), Node.ANY).mapWith(Triple::getObject)
                .mapWith(o -> value(d, o)).nextOptional();
    }

    private static Value value(Graph d, Node o) {
        if (o.isLiteral()) {
            return new Value(o.getLiteralLexicalForm(), null);
        }
        if (!o.isURI()) {
            return new Value("(anonymous)", null);
        }
        String iri = o.getURI();
        String label = d.find(o, RDFS.label.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm())
                        .nextOptional().orElse(iri);
        String href = iri.startsWith(PM.BASE) ? iri.substring(PM.BASE.length() - 1) : iri;
        return new Value(label, href);
    }
}
