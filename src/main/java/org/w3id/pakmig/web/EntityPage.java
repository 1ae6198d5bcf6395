package org.w3id.pakmig.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.pakmig.vocab.PM;

/**
 * The page a browser gets for a resource IRI: label, most specific types, description and other
 * names; statements grouped by property in a meaningful order (legs by their order, events by
 * date); links from elsewhere worded from this side; asserted and inferred statements told apart;
 * figures with unit, period, reporting body and source; citations by document and section.
 * Everything shown comes from the queries in {@code queries/entity-*.rq}.
 */
public final class EntityPage {
    /** Properties shown first, in this order; the rest follow by label. */
    private static final List<String> FIRST = List.of(
        "hasLeg", "order", "fromPlace", "toPlace", "via", "crossesBorderAt", "mode", "origin", "destination",
        "passesThrough", "crossesCountry", "migrationType", "locatedIn", "year", "date", "endYear", "drivenBy",
        "drives", "actsIn", "affects", "hasRisk", "enforces", "enforcedBy", "jurisdiction");

    private final Templates templates;
    private final PageQueries queries;
    private final Documents documents;
    private final Pictures pictures;
    private final Properties inversePhrases = new Properties();

    public EntityPage(DatasetGraph dataset) {
        this.templates = new Templates();
        this.queries = new PageQueries(dataset);
        this.documents = new Documents(queries);
        this.pictures = new Pictures(queries);
        try (InputStream in = EntityPage.class.getResourceAsStream("inverse-phrases.properties")) {
            inversePhrases.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the page for {@code entity}, requested at {@code requestUri}. */
    public void write(Node entity, String requestUri, Writer out) {
        String root = Links.root(requestUri);
        Map<String, String> param = Map.of("entity", PageQueries.iri(entity));
        Map<String, Object> page = new HashMap<>();
        page.put("root", root);
        page.put("query", "");
        page.put("iri", entity.getURI());

        Binding header = queries.select("entity-header", param).get(0);
        String label = text(header, "label");
        page.put("label", label.isEmpty() ? Links.localName(entity.getURI()) : label);
        page.put("altLabels", lines(text(header, "altLabels")));
        page.put("localNames", lines(text(header, "localNames")));
        page.put("description", text(header, "description"));
        page.put("definition", text(header, "definition"));
        page.put("anchor", text(header, "anchor"));
        page.put("types", types(param, root));
        page.put("statements", statements(param, root));
        page.put("references", references(param, root));
        page.put("figures", figures(param, root));
        page.put("citations", citations(param, root));
        page.put("picture", pictures.inlineFor(entity, root));
        page.put("pictureLinks", pictures.linksFor(entity, root));
        templates.render("entity", page, out);
    }

    private List<Link> types(Map<String, String> param, String root) {
        List<Binding> rows = queries.select("entity-types", param);
        boolean anyAsserted = rows.stream().anyMatch(r -> bool(r, "asserted"));
        List<Link> types = new ArrayList<>();
        for (Binding r : rows) {
            if (bool(r, "asserted") || !anyAsserted) {
                types.add(link(r.get(Var.alloc("type")), text(r, "typeLabel"), root));
            }
        }
        return types;
    }

    private List<StatementGroup> statements(Map<String, String> param, String root) {
        Map<Node, List<Binding>> byProperty = new LinkedHashMap<>();
        for (Binding r : queries.select("entity-statements", param)) {
            byProperty.computeIfAbsent(r.get(Var.alloc("property")), k -> new ArrayList<>()).add(r);
        }
        List<StatementGroup> groups = new ArrayList<>();
        for (Map.Entry<Node, List<Binding>> e : byProperty.entrySet()) {
            String propertyLabel = orElse(text(e.getValue().get(0), "propertyLabel"), Links.localName(e.getKey().getURI()));
            List<Value> values = new ArrayList<>();
            for (Binding r : e.getValue()) {
                Node v = r.get(Var.alloc("value"));
                values.add(new Value(v.isLiteral() ? new Link(v.getLiteralLexicalForm(), null, null)
                                                   : link(v, text(r, "valueLabel"), root),
                                     !bool(r, "asserted"), sortKey(r, v.isLiteral() ? v.getLiteralLexicalForm() : text(r, "valueLabel"))));
            }
            values.sort(Comparator.comparing(Value::sortKey));
            groups.add(StatementGroup.of(capitalise(propertyLabel), link(e.getKey(), propertyLabel, root), values));
        }
        groups.sort(Comparator.comparing((StatementGroup g) -> rank(g.property().iri())).thenComparing(StatementGroup::heading));
        return groups;
    }

    private List<StatementGroup> references(Map<String, String> param, String root) {
        Map<String, List<Value>> byHeading = new LinkedHashMap<>();
        Map<String, Link> properties = new HashMap<>();
        for (Binding r : queries.select("entity-references", param)) {
            Node property = r.get(Var.alloc("property"));
            String heading = capitalise(phrase(property, text(r, "inverseLabel"), text(r, "propertyLabel")));
            properties.putIfAbsent(heading, link(property, orElse(text(r, "propertyLabel"), Links.localName(property.getURI())), root));
            Node subject = r.get(Var.alloc("subject"));
            byHeading.computeIfAbsent(heading, k -> new ArrayList<>())
                     .add(new Value(link(subject, text(r, "subjectLabel"), root), !bool(r, "asserted"), sortKey(r, text(r, "subjectLabel"))));
        }
        List<StatementGroup> groups = new ArrayList<>();
        byHeading.forEach((heading, values) -> {
            values.sort(Comparator.comparing(Value::sortKey));
            groups.add(StatementGroup.of(heading, properties.get(heading), values));
        });
        groups.sort(Comparator.comparing(StatementGroup::heading));
        return groups;
    }

    private List<Figure> figures(Map<String, String> param, String root) {
        List<Figure> figures = new ArrayList<>();
        for (Binding r : queries.select("entity-figures", param)) {
            String value = text(r, "value");
            if (value.isEmpty()) {
                String min = text(r, "minValue");
                String max = text(r, "maxValue");
                value = min.isEmpty() ? (max.isEmpty() ? "" : "at most " + max) : (max.isEmpty() ? "at least " + min : min + " to " + max);
            }
            List<Link> conflicts = new ArrayList<>();
            for (String other : text(r, "conflicts").split(" ")) {
                if (!other.isEmpty()) {
                    Node node = NodeFactory.createURI(other);
                    conflicts.add(new Link(Links.localName(other), root + Links.page(node), other));
                }
            }
            Node claim = r.get(Var.alloc("claim"));
            String doc = text(r, "document");
            figures.add(new Figure(link(claim, Links.localName(claim.getURI()), root), text(r, "measure"), value,
                text(r, "unit"), text(r, "period"), text(r, "area"), text(r, "reportedBy"),
                doc.isEmpty() ? null : documents.link(doc, root), text(r, "section"), text(r, "anchor"), conflicts));
        }
        return figures;
    }

    private List<Citation> citations(Map<String, String> param, String root) {
        List<Citation> citations = new ArrayList<>();
        for (Binding r : queries.select("entity-citations", param)) {
            String number = text(r, "number");
            String title = text(r, "title");
            String parent = text(r, "parent");
            String section = !number.isEmpty() ? "§" + number + " " + title
                           : parent.isEmpty() ? title : parent + " > " + title;
            citations.add(new Citation(documents.link(text(r, "document"), root),
                                       link(r.get(Var.alloc("section")), section, root)));
        }
        return citations;
    }

    /** How a link pointing here reads from this side. */
    private String phrase(Node property, String inverseLabel, String propertyLabel) {
        if (!inverseLabel.isEmpty()) {
            return inverseLabel;
        }
        String known = inversePhrases.getProperty(property.getURI());
        if (known != null) {
            return known;
        }
        return "is " + orElse(propertyLabel, Links.localName(property.getURI())) + " of";
    }

    private static int rank(String propertyIri) {
        if (propertyIri == null || !propertyIri.startsWith(PM.NS)) {
            return FIRST.size() + 1;
        }
        int i = FIRST.indexOf(propertyIri.substring(PM.NS.length()));
        return i < 0 ? FIRST.size() : i;
    }

    /** Legs sort by their order, events by their date or year, everything else by label. */
    private static String sortKey(Binding r, String label) {
        String order = text(r, "order");
        String date = text(r, "date");
        return (order.isEmpty() ? "~" : String.format("%08d", Long.parseLong(order))) + "|" + (date.isEmpty() ? "~" : date) + "|" + label.toLowerCase();
    }

    private static Link link(Node node, String label, String root) {
        if (node.isBlank()) {
            return new Link(orElse(label, "(unnamed)"), null, null);
        }
        String name = orElse(label, Links.localName(node.getURI()));
        String href = Links.local(node) ? root + Links.page(node) : node.getURI();
        return new Link(name, href, node.getURI());
    }

    private static String text(Binding row, String column) {
        Node value = row.get(Var.alloc(column));
        if (value == null) {
            return "";
        }
        return value.isLiteral() ? value.getLiteralLexicalForm() : value.getURI();
    }

    private static boolean bool(Binding row, String column) {
        return "true".equals(text(row, column));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).sorted().toList();
    }

    private static String orElse(String text, String fallback) {
        return text.isEmpty() ? fallback : text;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
