package org.w3id.pakmig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Rows a query must return, read from a TSV file: a header of variable names, then one line
 * per required row. Values are literal lexical forms or full IRIs; an empty cell is not checked.
 */
public final class ExpectedRows {
    private final List<String> variables;
    private final List<List<String>> rows;

    private ExpectedRows(List<String> variables, List<List<String>> rows) {
        this.variables = variables;
        this.rows = rows;
    }

    public static ExpectedRows read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).strip().split("\t"));
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)));
            while (cells.size() < header.size()) {
                cells.add("");
            }
            rows.add(cells.stream().map(String::strip).toList());
        }
        return new ExpectedRows(header.stream().map(v -> v.replaceFirst("^\\?", "")).toList(), rows);
    }

    public int size() {
        return rows.size();
    }

    /** The expected rows not found among {@code results}, described for an assertion message. */
    public List<String> missingFrom(List<Binding> results) {
        List<String> missing = new ArrayList<>();
        for (List<String> row : rows) {
            if (results.stream().noneMatch(r -> matches(row, r))) {
                missing.add(describe(row));
            }
        }
        return missing;
    }

    private boolean matches(List<String> expected, Binding actual) {
        for (int i = 0; i < variables.size(); i++) {
            String want = expected.get(i);
            if (want.isEmpty()) {
                continue;
            }
            Node value = actual.get(Var.alloc(variables.get(i)));
            if (value == null || !want.equals(lexical(value))) {
                return false;
            }
        }
        return true;
    }

    public static String lexical(Node node) {
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm();
        }
        return node.isURI() ? node.getURI() : node.toString();
    }

    private String describe(List<String> row) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            if (!row.get(i).isEmpty()) {
                cells.put(variables.get(i), row.get(i));
            }
        }
        return cells.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
