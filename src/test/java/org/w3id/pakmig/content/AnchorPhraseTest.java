package org.w3id.pakmig.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.pakmig.RealGraph;

/**
 * Every anchor phrase really is a quotation: it occurs in the source document its claim's
 * graph comes from. The documents are inputs kept outside the repository, in
 * {@code ../shared/seeds/NNN_*.txt}; without them the test is skipped.
 */
class AnchorPhraseTest {
    private static final Path SEEDS = Path.of("..", "shared", "seeds");

    /** Ignores the documents' markdown escapes and emphasis, case and line breaks. */
    static String normalise(String text) {
        return text.replaceAll("[*_`#>\\[\\]\\\\]", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).strip();
    }

    @ParameterizedTest(name = "doc-{0}")
    @ValueSource(strings = {"000", "001", "002", "003"})
    void anchorPhrasesQuoteTheirDocument(String number) throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "source documents not found at " + SEEDS.toAbsolutePath());
        Path seed;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith(number + "_")).findFirst().orElseThrow();
        }
        String document = normalise(Files.readString(seed, StandardCharsets.UTF_8));

        List<Binding> anchors = RealGraph.select("""
            PREFIX pm: <https://w3id.org/pakmig/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?claim ?anchor WHERE {
              { GRAPH <https://w3id.org/pakmig/graph/doc-%1$s> { ?claim pm:anchorPhrase ?anchor } }
              UNION  # anchor phrases of statement citations (docs/modelling.md)
              { GRAPH <https://w3id.org/pakmig/graph/doc-%1$s-citations> { ?c pm:anchorPhrase ?anchor ; rdf:subject ?claim } }
            }""".formatted(number));
        List<String> notFound = new ArrayList<>();
        for (Binding row : anchors) {
            Node anchor = row.get(Var.alloc("anchor"));
            if (!document.contains(normalise(anchor.getLiteralLexicalForm()))) {
                notFound.add(row.get(Var.alloc("claim")).getURI() + ": " + anchor.getLiteralLexicalForm());
            }
        }
        assertTrue(!anchors.isEmpty(), "doc-" + number + " has anchor phrases");
        assertEquals(List.of(), notFound, "anchor phrases not found in " + seed.getFileName());
    }
}
