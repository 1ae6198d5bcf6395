package org.w3id.pakmig.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.w3id.pakmig.load.SourceTree;

/** The analyst queries in {@code queries/*.rq} (the integrity checks in {@code queries/checks/} are not among them). */
public final class QueryCatalogue {
    private final List<NamedQuery> queries;

    private QueryCatalogue(List<NamedQuery> queries) {
        this.queries = queries;
    }

    public static QueryCatalogue from(SourceTree tree) {
        List<NamedQuery> queries = new ArrayList<>();
        for (Path file : tree.files("queries", ".rq")) {
            if (!file.getParent().equals(tree.resolve("queries"))) {
                continue;
            }
            String fileName = file.getFileName().toString();
            try {
                queries.add(NamedQuery.parse(fileName.substring(0, fileName.length() - 3),
                                             Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new QueryCatalogue(List.copyOf(queries));
    }

    public List<NamedQuery> all() {
        return queries;
    }

    /** The query called {@code name}; an unknown name is refused with the list of valid ones. */
    public NamedQuery get(String name) {
        String wanted = name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name;
        return queries.stream().filter(q -> q.name().equals(wanted)).findFirst().orElseThrow(() ->
            new IllegalArgumentException("no query named '" + name + "'. Valid names:\n  "
                + String.join("\n  ", queries.stream().map(NamedQuery::name).toList())));
    }
}
