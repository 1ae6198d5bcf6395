package org.w3id.pakmig.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.pakmig.vocab.PM;

/**
 * The full-text index of the graph (jena-text, Lucene): labels, alternative and local names,
 * descriptions, definitions and anchor phrases, plus each resource's IRI slug read as words.
 * Built from the finished dataset, so it always matches what is served; in memory for an
 * in-memory build, on disk inside the TDB2 database directory for {@code build --db}.
 * Queries use the standard jena-text form {@code ?s text:query "dunky"}, with
 * {@code (?s ?score ?literal)} for the ranking and the matched text.
 */
public final class SearchIndex {
    /** Where the index lives inside a TDB2 database directory. */
    public static final String DIRECTORY = "text-index";
    /** The one Lucene field every indexed text goes into; {@code text:query} searches it. */
    public static final String FIELD = "text";

    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final List<Node> INDEXED = List.of(
        RDFS.label.asNode(), uri(SKOS + "altLabel"), uri(SKOS + "prefLabel"), uri(SKOS + "hiddenLabel"),
        uri(PM.NS + "localName"), uri(DCTERMS + "title"), uri(DCTERMS + "description"),
        uri(SKOS + "definition"), RDFS.comment.asNode(), uri(PM.NS + "anchorPhrase"));
    /** Stands for the words of an IRI's last segment ("dunki-land-route"). */
    private static final Node LOCAL_NAME = uri(PM.BASE + "search#slug");

    private SearchIndex() {}

    /** The dataset with a new in-memory index over it. */
    public static DatasetGraph inMemory(DatasetGraph dataset) {
        TextIndex index = create(new ByteBuffersDirectory());
        fill(index, dataset);
        return attach(dataset, index);
    }

    /** Writes the index of {@code dataset} to {@code dir} (a new directory). */
    public static void write(DatasetGraph dataset, Path dir) {
        TextIndex index = create(open(dir));
        try {
            fill(index, dataset);
        } finally {
            index.close();
        }
    }

    /**
     * The database at {@code databaseDir} with the index written beside its data; a database
     * built before the index existed gets one in memory.
     */
    public static DatasetGraph openBeside(DatasetGraph database, Path databaseDir) {
        Path dir = databaseDir.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return inMemory(database);
        }
        return attach(database, create(open(dir)));
    }

    /** Closes the index attached to {@code searchable} (releasing its lock on disk), if it has one. */
    public static void close(DatasetGraph searchable) {
        if (searchable.getContext().get(TextQuery.textIndex) instanceof TextIndex index) {
            index.close();
        }
    }

    private static Directory open(Path dir) {
        try {
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + dir, e);
        }
    }

    private static TextIndex create(Directory directory) {
        EntityDefinition fields = new EntityDefinition("uri", FIELD, RDFS.label.asNode());
        for (Node p : INDEXED) {
            fields.set(FIELD, p);
        }
        fields.set(FIELD, LOCAL_NAME);
        fields.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(fields);
        config.setAnalyzer(new SpellingAnalyzer());
        config.setQueryAnalyzer(new SpellingAnalyzer());
        config.setValueStored(true);  // for the matched text and snippets in search results
        return new TextIndexLucene(directory, config);
    }

    private static void fill(TextIndex index, DatasetGraph dataset) {
        Txn.executeRead(dataset, () -> {
            for (Node p : INDEXED) {
                dataset.getDefaultGraph().find(Node.ANY, p, Node.ANY).forEach(t -> {
                    if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                        add(index, t.getSubject(), t.getObject().getLiteralLexicalForm(), t.getObject().getLiteralLanguage());
                    }
                });
            }
            dataset.getDefaultGraph().find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEach(t -> {
                if (t.getSubject().isURI()) {
                    String iri = t.getSubject().getURI();
                    String slug = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
                    add(index, t.getSubject(), slug.replace('-', ' '), "");
                }
            });
        });
        index.prepareCommit();
        index.commit();
    }

    private static void add(TextIndex index, Node subject, String text, String language) {
        Entity entity = new Entity(subject.getURI(), null, language.isEmpty() ? null : language, null);
        entity.put(FIELD, text);
        index.addEntity(entity);
    }

    /**
     * A view of the dataset whose context (only its own, not the dataset's) names the index,
     * which is where {@code text:query} looks for it.
     */
    private static DatasetGraph attach(DatasetGraph dataset, TextIndex index) {
        Context context = dataset.getContext().copy();
        context.set(TextQuery.textIndex, index);
        return new DatasetGraphWrapper(dataset, context);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
