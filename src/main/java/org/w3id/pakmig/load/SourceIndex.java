package org.w3id.pakmig.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;

/**
 * Where each statement and term was written, so a problem found later (by SHACL or a check
 * query) is reported as {@code file:line term}. The index is filled on the first question, by
 * one more parse of the source files (see {@link DatasetLoader#index}): a build without
 * problems never holds a line per statement, and a build with problems pays one extra parse,
 * after which finding a place is a hash lookup however many problems there are.
 */
public final class SourceIndex {
    private record SourceFile(String name, PrefixMapping prefixes) {}

    /** A file (index into {@link #files}) and a line, packed in one long to keep the maps small. */
    private static long place(int file, long line) {
        return ((long) file << 32) | (line & 0xffffffffL);
    }

    private final List<SourceFile> files = new ArrayList<>();
    private final Map<Triple, Long> statements = new HashMap<>();
    private final Map<Node, Long> firstAsSubject = new HashMap<>();
    private final Map<Node, Long> firstUse = new HashMap<>();
    /** Fills the index on the first question; null once filled (or for an empty index). */
    private Consumer<SourceIndex> filler;

    /** An index of no file: every term is located at "" (for checks run on graphs made in tests). */
    public SourceIndex() {
        this(null);
    }

    /** An index that {@code filler} fills, by parsing the files, the first time it is asked. */
    SourceIndex(Consumer<SourceIndex> filler) {
        this.filler = filler;
    }

    private void fill() {
        if (filler != null) {
            Consumer<SourceIndex> f = filler;
            filler = null;
            f.accept(this);
        }
    }

    /** Starts a file; its statements are then added with {@link #addStatement}. */
    int addFile(String file, PrefixMapping prefixes) {
        files.add(new SourceFile(file, prefixes));
        return files.size() - 1;
    }

    /** Records the first line {@code triple} (and each of its terms) is written on. */
    void addStatement(int file, Triple triple, long line) {
        long at = place(file, Math.max(line, 0));
        statements.putIfAbsent(triple, at);
        firstAsSubject.putIfAbsent(triple.getSubject(), at);
        firstUse.putIfAbsent(triple.getSubject(), at);
        firstUse.putIfAbsent(triple.getPredicate(), at);
        firstUse.putIfAbsent(triple.getObject(), at);
    }

    /**
     * {@code file:line} where {@code term} is first described (as a subject), else first used
     * in any position (an undeclared property, a dangling IRI), or "" if no file has it.
     */
    public String locate(Node term) {
        fill();
        Long at = firstAsSubject.get(term);
        return format(at != null ? at : firstUse.get(term));
    }

    /** {@code file:line} of the statement itself, else of its subject. */
    public String locate(Triple statement) {
        fill();
        Long at = statements.get(statement);
        return at != null ? format(at) : locate(statement.getSubject());
    }

    private String format(Long at) {
        if (at == null) {
            return "";
        }
        String file = files.get((int) (at >>> 32)).name();
        long line = at & 0xffffffffL;
        return line > 0 ? file + ":" + line : file;
    }

    /** The prefixed name of {@code term} as the file that first uses it writes it, else the full IRI. */
    public String shortName(Node term) {
        if (!term.isURI()) {
            return term.toString();
        }
        fill();
        Long at = firstAsSubject.getOrDefault(term, firstUse.get(term));
        PrefixMapping prefixes = at == null ? null : files.get((int) (at >>> 32)).prefixes();
        String qname = prefixes == null ? null : prefixes.qnameFor(term.getURI());
        return qname != null ? qname : "<" + term.getURI() + ">";
    }
}
