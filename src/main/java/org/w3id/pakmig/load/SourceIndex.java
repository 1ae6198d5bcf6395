package org.w3id.pakmig.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;

/**
 * Remembers which file describes which subject, so a problem found later (by SHACL or a
 * check query) can be reported as {@code file:line term} instead of a bare IRI.
 */
public final class SourceIndex {
    private record SourceText(String[] lines, PrefixMapping prefixes) {}

    private final Map<String, SourceText> texts = new LinkedHashMap<>();
    private final Map<Node, List<String>> filesBySubject = new HashMap<>();

    void addFile(String file, String text, PrefixMapping prefixes) {
        texts.put(file, new SourceText(text.split("\n", -1), prefixes));
    }

    void addSubject(Node subject, String file) {
        List<String> files = filesBySubject.computeIfAbsent(subject, k -> new ArrayList<>(1));
        if (!files.contains(file)) {
            files.add(file);
        }
    }

    /** The files that describe {@code term} as a subject, in load order. */
    private List<String> filesDescribing(Node term) {
        return filesBySubject.getOrDefault(term, List.of());
    }

    /** {@code file:line} of the first place {@code term} is written as a subject, or "" if unknown. */
    public String locate(Node term) {
        List<String> files = filesDescribing(term);
        if (files.isEmpty() || !term.isURI()) {
            return files.isEmpty() ? "" : files.get(0);
        }
        String file = files.get(0);
        SourceText text = texts.get(file);
        List<String> spellings = spellings(term.getURI(), text.prefixes());
        for (int i = 0; i < text.lines().length; i++) {
            for (String spelling : spellings) {
                if (containsToken(text.lines()[i], spelling)) {
                    return file + ":" + (i + 1);
                }
            }
        }
        return file;
    }

    /** The prefixed name of {@code term} as the describing file writes it, else the full IRI. */
    public String shortName(Node term) {
        if (!term.isURI()) {
            return term.toString();
        }
        List<String> files = filesDescribing(term);
        PrefixMapping prefixes = files.isEmpty() ? null : texts.get(files.get(0)).prefixes();
        String qname = prefixes == null ? null : prefixes.qnameFor(term.getURI());
        return qname != null ? qname : "<" + term.getURI() + ">";
    }

    private static List<String> spellings(String iri, PrefixMapping prefixes) {
        List<String> result = new ArrayList<>();
        result.add("<" + iri + ">");
        prefixes.getNsPrefixMap().forEach((prefix, ns) -> {
            if (iri.startsWith(ns) && iri.length() > ns.length()) {
                result.add(prefix + ":" + iri.substring(ns.length()));
            }
        });
        return result;
    }

    private static boolean containsToken(String line, String token) {
        int from = 0;
        while (true) {
            int at = line.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            boolean startOk = at == 0 || !isNameChar(line.charAt(at - 1));
            boolean endOk = end >= line.length() || !isNameChar(line.charAt(end)) || line.charAt(end) == '.';
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '%' || c == '.';
    }
}
