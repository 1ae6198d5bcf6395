package org.w3id.pakmig.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.pakmig.vocab.PM;

/**
 * What the ontology documentation page shows, in the manner of pyLODE: the ontology's
 * metadata, then every class, property and individual the ontology file declares, each at an
 * anchor of its own ({@code #Route}, {@code #crossesCountry}, {@code #unit-percent}) with its
 * label, definition, super- and subterms, domain and range, how often the data uses it and an
 * example from the data.
 */
final class OntologyDocumentation {
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** A link to a term: within the page when the page documents it, otherwise to its IRI or page. */
    record TermLink(String href, String label, String iri) {}

    /** One documented term. */
    record Term(String anchor, String iri, String label, List<String> definitions, List<String> comments,
                List<TermLink> types, List<TermLink> superTerms, List<TermLink> subTerms,
                List<TermLink> domains, List<TermLink> ranges, List<TermLink> inverses, List<TermLink> matches,
                long usage, String usageText, List<TermLink> example) {}

    /** A group of terms of one kind. */
    record Section(String id, String title, List<Term> terms) {}

    private final Graph ontology;
    private final Graph all;
    private final Set<String> documented = new TreeSet<>();

    private OntologyDocumentation(Graph ontology, Graph all) {
        this.ontology = ontology;
        this.all = all;
    }

    /** The page's model; call inside a read transaction on {@code dataset}. */
    static Map<String, Object> model(DatasetGraph dataset) {
        OntologyDocumentation doc = new OntologyDocumentation(dataset.getGraph(PM.graph(PM.ONTOLOGY)), dataset.getDefaultGraph());
        return doc.build();
    }

    private Map<String, Object> build() {
        List<Node> classes = declared(OWL.Class.asNode(), true);
        List<Node> objectProperties = declared(OWL.ObjectProperty.asNode(), true);
        List<Node> datatypeProperties = declared(OWL.DatatypeProperty.asNode(), true);
        List<Node> annotationProperties = declared(OWL.AnnotationProperty.asNode(), true);
        List<Node> individuals = declared(OWL.NamedIndividual.asNode(), false);
        for (List<Node> kind : List.of(classes, objectProperties, datatypeProperties, annotationProperties, individuals)) {
            kind.forEach(n -> documented.add(n.getURI()));
        }
        List<Section> sections = List.of(
            new Section("classes", "Classes", classes.stream().map(n -> term(n, Kind.CLASS)).toList()),
            new Section("object-properties", "Object properties", objectProperties.stream().map(n -> term(n, Kind.PROPERTY)).toList()),
            new Section("datatype-properties", "Datatype properties", datatypeProperties.stream().map(n -> term(n, Kind.PROPERTY)).toList()),
            new Section("annotation-properties", "Annotation properties", annotationProperties.stream().map(n -> term(n, Kind.PROPERTY)).toList()),
            new Section("individuals", "Named individuals", individuals.stream().map(n -> term(n, Kind.INDIVIDUAL)).toList()));
        Node o = NodeFactory.createURI(PM.ONTOLOGY_IRI);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("iri", PM.ONTOLOGY_IRI);
        model.put("title", literal(o, DCT + "title").orElse("pakmig ontology"));
        model.put("description", literal(o, DCT + "description").orElse(""));
        model.put("versionIri", object(o, OWL.versionIRI.asNode()).map(Node::getURI).orElse(null));
        model.put("versionInfo", literal(o, OWL.versionInfo.getURI()).orElse(null));
        model.put("created", literal(o, DCT + "created").orElse(null));
        model.put("modified", literal(o, DCT + "modified").orElse(null));
        model.put("creators", agents(o, "creator"));
        model.put("publishers", agents(o, "publisher"));
        model.put("licence", object(o, NodeFactory.createURI(DCT + "license")).map(Node::getURI).orElse(null));
        model.put("namespace", PM.NS);
        model.put("prefix", "pm");
        model.put("sections", sections);
        return model;
    }

    /** Creators or publishers: IRIs (Dublin Core terms) or names (Dublin Core elements, as annotations). */
    private List<TermLink> agents(Node o, String property) {
        List<TermLink> agents = new ArrayList<>(links(o, DCT + property));
        literals(o, DC + property).forEach(name -> agents.add(new TermLink(null, name, null)));
        return agents;
    }

    private enum Kind { CLASS, PROPERTY, INDIVIDUAL }

    /** The terms declared with {@code type} in the ontology: pm terms, or (for individuals) /id/ ones. */
    private List<Node> declared(Node type, boolean pmTerms) {
        String ns = pmTerms ? PM.NS : PM.ID;
        return ontology.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject)
                       .filterKeep(n -> n.isURI() && n.getURI().startsWith(ns))
                       .toList().stream().distinct()
                       .sorted(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER))
                       .toList();
    }

    /** The anchor of a documented term: the local name, or for an individual its path under /id/. */
    static String anchor(String iri) {
        if (iri.startsWith(PM.NS)) {
            return iri.substring(PM.NS.length());
        }
        return iri.substring(PM.ID.length()).replace('/', '-');
    }

    private Term term(Node n, Kind kind) {
        List<TermLink> superTerms = new ArrayList<>();
        List<TermLink> subTerms = new ArrayList<>();
        List<TermLink> types = new ArrayList<>();
        long usage;
        String usageText;
        List<TermLink> example = new ArrayList<>();
        switch (kind) {
            case CLASS -> {
                superTerms.addAll(links(n, RDFS.subClassOf.getURI()));
                superTerms.addAll(links(n, OWL.equivalentClass.getURI()));
                subTerms.addAll(subjects(RDFS.subClassOf.asNode(), n));
                usage = all.find(Node.ANY, RDF.type.asNode(), n).toList().size();
                usageText = usage + " instance" + (usage == 1 ? "" : "s") + " in the data (rules' conclusions included)";
                firstByIri(all.find(Node.ANY, RDF.type.asNode(), n).mapWith(Triple::getSubject).toList())
                    .ifPresent(x -> example.add(link(x)));
            }
            case PROPERTY -> {
                superTerms.addAll(links(n, RDFS.subPropertyOf.getURI()));
                subTerms.addAll(subjects(RDFS.subPropertyOf.asNode(), n));
                usage = all.find(Node.ANY, n, Node.ANY).toList().size();
                usageText = usage + " statement" + (usage == 1 ? "" : "s") + " in the data";
                firstByIri(all.find(Node.ANY, n, Node.ANY).mapWith(Triple::getSubject).toList()).ifPresent(s -> {
                    example.add(link(s));
                    example.add(link(n));
                    all.find(s, n, Node.ANY).nextOptional().ifPresent(t -> example.add(link(t.getObject())));
                });
            }
            default -> {
                ontology.find(n, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject)
                        .filterDrop(OWL.NamedIndividual.asNode()::equals)
                        .forEach(t -> types.add(link(t)));
                superTerms.addAll(links(n, SKOS + "broader"));
                superTerms.addAll(links(n, SKOS + "inScheme"));
                subTerms.addAll(subjects(NodeFactory.createURI(SKOS + "broader"), n));
                usage = all.find(Node.ANY, Node.ANY, n).toList().size();
                usageText = usage + " statement" + (usage == 1 ? "" : "s") + " in the data point to it";
                firstByIri(all.find(Node.ANY, Node.ANY, n).mapWith(Triple::getSubject).toList())
                    .ifPresent(x -> example.add(link(x)));
            }
        }
        List<TermLink> matches = new ArrayList<>();
        for (String p : List.of(SKOS + "exactMatch", SKOS + "closeMatch", SKOS + "broadMatch", OWL.sameAs.getURI())) {
            matches.addAll(links(n, p));
        }
        return new Term(anchor(n.getURI()), n.getURI(), label(n),
            literals(n, SKOS + "definition"), literals(n, RDFS.comment.getURI()),
            types, superTerms, subTerms, links(n, RDFS.domain.getURI()), links(n, RDFS.range.getURI()),
            links(n, OWL.inverseOf.getURI()), matches, usage, usageText, example);
    }

    private static Optional<Node> firstByIri(List<Node> nodes) {
        return nodes.stream().filter(Node::isURI).min(Comparator.comparing(Node::getURI));
    }

    private List<TermLink> subjects(Node predicate, Node object) {
        return ontology.find(Node.ANY, predicate, object).mapWith(Triple::getSubject)
                       .filterKeep(Node::isURI).toList().stream().distinct()
                       .map(this::link).sorted(Comparator.comparing(TermLink::label)).toList();
    }

    private List<TermLink> links(Node subject, String predicate) {
        return ontology.find(subject, NodeFactory.createURI(predicate), Node.ANY).mapWith(Triple::getObject)
                       .filterKeep(Node::isURI).toList().stream().distinct()
                       .map(this::link).sorted(Comparator.comparing(TermLink::label)).toList();
    }

    private TermLink link(Node node) {
        if (node.isLiteral()) {
            return new TermLink(null, node.getLiteralLexicalForm(), null);
        }
        if (!node.isURI()) {
            return new TermLink(null, "(anonymous)", null);
        }
        String iri = node.getURI();
        String href;
        if (documented.contains(iri)) {
            href = "#" + anchor(iri);
        } else if (iri.startsWith(PM.BASE)) {
            href = iri.substring(PM.BASE.length() - 1);
        } else {
            href = iri;
        }
        return new TermLink(href, label(node), iri);
    }

    private String label(Node node) {
        Optional<String> own = literal(node, RDFS.label.getURI());
        if (own.isEmpty()) {
            own = all.find(node, RDFS.label.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).nextOptional();
        }
        return own.orElseGet(() -> {
            String iri = node.getURI();
            return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        });
    }

    private List<String> literals(Node subject, String predicate) {
        return ontology.find(subject, NodeFactory.createURI(predicate), Node.ANY).mapWith(Triple::getObject)
                       .filterKeep(Node::isLiteral).mapWith(Node::getLiteralLexicalForm).toList();
    }

    private Optional<String> literal(Node subject, String predicate) {
        return literals(subject, predicate).stream().findFirst();
    }

    private Optional<Node> object(Node subject, Node predicate) {
        return ontology.find(subject, predicate, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }
}
