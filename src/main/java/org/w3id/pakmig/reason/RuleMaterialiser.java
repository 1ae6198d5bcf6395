package org.w3id.pakmig.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Applies the Jena rules of {@code ontology/pakmig.rules} once, forward, and returns only
 * what they add. The build stores that in the {@code inferred} graph, so queries never pay
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

    /** The triples the rules derive from {@code asserted} that it does not already hold. */
    public Graph materialise(Graph asserted) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfModel inf = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        Graph inferred = GraphFactory.createGraphMem();
        inf.getDeductionsModel().getGraph().find().forEach(t -> {
            if (!asserted.contains(t)) {
                inferred.add(t);
            }
        });
        return inferred;
    }
}
