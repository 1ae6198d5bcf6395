package org.w3id.pakmig.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.pakmig.load.SourceIndex;
import org.w3id.pakmig.load.SourceTree;

/**
 * Runs the integrity queries in {@code queries/checks/}: each selects the resources that break
 * one rule, so a healthy graph gives no rows (the ROBOT {@code verify} habit). Each row
 * becomes a problem; the first variable names the resource at fault, a {@code ?message}
 * variable, if present, says what is wrong; {@code ?property} and {@code ?value}, if present,
 * name the statement at fault, so the report points at its line.
 */
public final class IntegrityChecks {
    private final List<Check> checks;

    public record Check(String name, Query query) {}

    private IntegrityChecks(List<Check> checks) {
        this.checks = checks;
    }

    public static IntegrityChecks from(SourceTree tree) {
        List<Check> checks = new ArrayList<>();
        for (Path file : tree.files("queries/checks", ".rq")) {
            String name = tree.relativeName(file);
            try {
                checks.add(new Check(name, QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(name + ": not a valid SPARQL query: " + e.getMessage(), e);
            }
        }
        return new IntegrityChecks(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    /** Runs every check on the dataset (its default graph must be the union of all graphs). */
    public List<Problem> run(DatasetGraph dataset, SourceIndex index) {
        List<Problem> problems = new ArrayList<>();
        for (Check check : checks) {
            try (QueryExec exec = QueryExec.dataset(dataset).query(check.query()).build()) {
                RowSet rows = exec.select();
                List<Var> vars = rows.getResultVars();
                rows.forEachRemaining(row -> {
                    Node term = row.get(vars.get(0));
                    Node message = row.get(Var.alloc("message"));
                    Triple statement = statement(term, row);
                    String location = term == null ? "" : statement != null ? index.locate(statement) : index.locate(term);
                    problems.add(new Problem(check.name(), location,
                                             term == null ? "" : index.shortName(term),
                                             message != null ? lexical(message) : describe(row, vars),
                                             statement));
                });
            }
        }
        return problems;
    }

    /** A check that also returns {@code ?property} and {@code ?value} names one statement. */
    private static Triple statement(Node term, Binding row) {
        Node property = row.get(Var.alloc("property"));
        Node value = row.get(Var.alloc("value"));
        return term != null && property != null && value != null ? Triple.create(term, property, value) : null;
    }

    private static String lexical(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static String describe(Binding row, List<Var> vars) {
        StringBuilder text = new StringBuilder();
        for (Var var : vars.subList(1, vars.size())) {
            Node value = row.get(var);
            if (value != null) {
                text.append(text.isEmpty() ? "" : ", ").append(var.getVarName()).append('=')
                    .append(lexical(value));
            }
        }
        return text.isEmpty() ? "breaks this check" : text.toString();
    }
}
