package org.w3id.pakmig.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.pakmig.RealGraph;

/**
 * Completeness: every row of {@code data/inventory/NNN.tsv} (label, class, section), written
 * from a full reading of document NNN, exists in graph doc-NNN with that English label, that
 * class (or a subclass) and a citation of that section.
 */
class InventoryTest {
    private static final String ROW_QUERY = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        ASK {
          GRAPH ?docGraph { ?thing rdfs:label ?label ; prov:wasDerivedFrom ?section }
          ?thing a ?class .
        }""";

    static Stream<Path> inventories() throws IOException {
        return Files.list(Path.of("data/inventory")).filter(p -> p.toString().endsWith(".tsv")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void everyInventoriedThingIsInTheGraph(Path inventory) throws IOException {
        String doc = "doc-" + inventory.getFileName().toString().replace(".tsv", "");
        Node graph = NodeFactory.createURI("https://w3id.org/pakmig/graph/" + doc);
        List<String> lines = Files.readAllLines(inventory, StandardCharsets.UTF_8);
        assertEquals(List.of("label", "class", "section"), List.of(lines.get(0).strip().split("\t")), "header");
        List<String> missing = new ArrayList<>();
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            rows++;
            String[] cells = line.split("\t");
            if (cells.length != 3) {
                missing.add("malformed row: " + line);
                continue;
            }
            if (!present(graph, cells[0].strip(), cells[1].strip(), cells[2].strip())) {
                missing.add(line);
            }
        }
        assertTrue(rows > 0, inventory + " is empty");
        assertEquals(List.of(), missing, "inventory rows (label, class, section) not found in " + doc);
    }

    private static boolean present(Node graph, String label, String className, String section) {
        try (QueryExec exec = QueryExec.dataset(RealGraph.dataset()).query(ROW_QUERY)
                .substitution(Var.alloc("docGraph"), graph)
                .substitution(Var.alloc("label"), NodeFactory.createLiteralLang(label, "en"))
                .substitution(Var.alloc("class"), NodeFactory.createURI("https://w3id.org/pakmig/ontology#" + className))
                .substitution(Var.alloc("section"), NodeFactory.createURI("https://w3id.org/pakmig/id/section/" + section))
                .build()) {
            return exec.ask();
        }
    }
}
