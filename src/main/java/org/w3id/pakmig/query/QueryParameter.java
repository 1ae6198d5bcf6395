package org.w3id.pakmig.query;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * A parameter of a named query, declared in its header as
 * {@code # param: NAME TYPE = DEFAULT  (description)}. Values are turned into RDF terms of the
 * declared type and substituted for the variable {@code ?NAME}; they never become query text.
 */
public record QueryParameter(String name, Type type, String defaultValue, String description) {

    public enum Type { IRI, STRING, INTEGER, DECIMAL }

    /** Converts a value given on the command line (or the default) into an RDF term. */
    public Node toNode(String value, PrefixMapping prefixes) {
        String v = value.strip();
        switch (type) {
            case IRI -> {
                String iri;
                String expanded = prefixes.expandPrefix(v);
                if (v.startsWith("<") && v.endsWith(">")) {
                    iri = v.substring(1, v.length() - 1);
                } else if (!expanded.equals(v)) {
                    iri = expanded;
                } else if (v.startsWith("http://") || v.startsWith("https://")) {
                    iri = v;
                } else {
                    throw new IllegalArgumentException("parameter " + name + " needs an IRI (<https://...> or a prefixed name such as place:quetta), not '" + value + "'");
                }
                if (iri.chars().anyMatch(c -> c <= ' ' || "<>\"{}|^`\\".indexOf(c) >= 0)) {
                    throw new IllegalArgumentException("parameter " + name + ": not a valid IRI: " + iri);
                }
                return NodeFactory.createURI(iri);
            }
            case INTEGER -> {
                try {
                    return NodeFactory.createLiteralDT(Long.toString(Long.parseLong(v)), XSDDatatype.XSDinteger);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter " + name + " needs a whole number, not '" + value + "'");
                }
            }
            case DECIMAL -> {
                try {
                    return NodeFactory.createLiteralDT(new BigDecimal(v).toPlainString(), XSDDatatype.XSDdecimal);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter " + name + " needs a number, not '" + value + "'");
                }
            }
            default -> {
                return NodeFactory.createLiteralString(value);
            }
        }
    }

    static Type parseType(String text) {
        try {
            return Type.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown parameter type '" + text + "' (valid: IRI, string, integer, decimal)");
        }
    }
}
