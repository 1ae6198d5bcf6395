package org.w3id.pakmig.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.reasoner.rulesys.Rule;

/**
 * Applies the Jena rules of {@code ontology/pakmig.rules} forward, to a fixpoint, and returns
 * only what they add (see {@link ForwardChainer} for how they run). The build stores that in the {@code inferred} graph, so queries never pay
 * for reasoning at run time.
 */
public final class RuleMaterialiser {
    private final List<Rule> rules;

    public RuleMaterialiser(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads a rules file; a syntax error names the file and the parser's reason. */
    public static RuleMaterialiser fromFile(Path file, String displayName) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new RuleMaterialiser(Rule.parseRules(Rule.rulesParserFromReader(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + displayName, e);
        } catch (Rule.ParserException e) {
            throw new IllegalStateException(displayName + ": " + e.getMessage(), e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The triples the rules derive from {@code asserted} that it does not already hold.
     * {@code asserted} is only read, by index lookups, so it may be a TDB2 graph: the memory
     * this needs grows with the conclusions, not with the data.
     */
    public Graph materialise(Graph asserted) {
        return new ForwardChainer(rules).run(asserted);
    }
}
