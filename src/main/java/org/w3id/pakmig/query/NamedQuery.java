package org.w3id.pakmig.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * One analyst query from {@code queries/NAME.rq}, with the header that documents it:
 * <pre>
 * # title: ...
 * # question: ...
 * # columns: a, b, c
 * # param: NAME TYPE = DEFAULT  (description)
 * # sources: doc-001, doc-002
 * </pre>
 */
public record NamedQuery(String name, String title, String question, List<String> columns,
                         List<QueryParameter> parameters, String sources, Query query) {

    private static final Pattern HEADER = Pattern.compile("^#\\s*(title|question|columns|param|sources):\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile(
        "^(\\w+)\\s+(\\w+)\\s*=\\s*(<[^>]*>|\\S+)\\s*(?:\\((.*)\\))?\\s*$");

    /** Parses a query file; a malformed header or query names the file and the reason. */
    public static NamedQuery parse(String name, String text) {
        Map<String, String> fields = new HashMap<>();
        List<QueryParameter> parameters = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                break;  // the header is the leading comment block; later comments are not fields
            }
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).equals("param")) {
                Matcher p = PARAM.matcher(m.group(2).strip());
                if (!p.matches()) {
                    throw new IllegalArgumentException(name + ": malformed '# param:' line (want NAME TYPE = DEFAULT (description)): " + line);
                }
                parameters.add(new QueryParameter(p.group(1), QueryParameter.parseType(p.group(2)), p.group(3),
                                                  p.group(4) == null ? "" : p.group(4).strip()));
            } else {
                fields.put(m.group(1), m.group(2).strip());
            }
        }
        for (String required : List.of("title", "question", "columns")) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException(name + ": the header has no '# " + required + ":' line");
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a valid SPARQL query: " + e.getMessage(), e);
        }
        List<String> columns = List.of(fields.get("columns").split("\\s*,\\s*"));
        return new NamedQuery(name, fields.get("title"), fields.get("question"), columns, List.copyOf(parameters),
                              fields.getOrDefault("sources", ""), query);
    }

    /**
     * The query with every parameter bound: to the value given, or else to its default.
     * Unknown parameter names are refused with the list of valid ones.
     */
    public Query bind(Map<String, String> values) {
        for (String given : values.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(given))) {
                throw new IllegalArgumentException("query '" + name + "' has no parameter '" + given + "' ("
                    + (parameters.isEmpty() ? "it takes none" : "valid: " + parameterNames()) + ")");
            }
        }
        Map<Var, Node> substitution = new HashMap<>();
        for (QueryParameter p : parameters) {
            String value = values.getOrDefault(p.name(), p.defaultValue());
            substitution.put(Var.alloc(p.name()), p.toNode(value, query.getPrefixMapping()));
        }
        return substitution.isEmpty() ? query : QueryTransformOps.transform(query, substitution);
    }

    public String parameterNames() {
        return String.join(", ", parameters.stream().map(QueryParameter::name).toList());
    }
}
