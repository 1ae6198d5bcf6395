package org.w3id.pakmig.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.store.DatabaseDirectory;
import org.w3id.pakmig.store.ServedDatabase;
import org.w3id.pakmig.store.DatasetWriter;
import org.w3id.pakmig.store.TdbStore;

/** The search index written beside a TDB2 database by {@code build --db} and opened by {@code serve --db}. */
class SearchIndexTest {
    private static final String ROUTE = "https://w3id.org/pakmig/id/route/dunki-land-route";

    private static List<String> search(DatasetGraph dataset, String words) {
        String sparql = "PREFIX text: <http://jena.apache.org/text#>\n"
            + "SELECT ?s ?score WHERE { (?s ?score) text:query \"" + words + "\" } ORDER BY DESC(?score)";
        return Txn.calculateRead(dataset, () -> {
            List<String> found = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(sparql).build()) {
                exec.select().forEachRemaining(b -> found.add(b.get(Var.alloc("s")).getURI()));
            }
            return found;
        });
    }

    @Test
    void databaseCarriesItsIndexOnDiskAndSearchesSpellingVariants(@TempDir Path dir) {
        Path db = dir.resolve("db");
        try (DatabaseDirectory building = DatabaseDirectory.forBuild(db)) {
            DatasetWriter.write(RealGraph.dataset(), building);
            assertTrue(Files.isDirectory(building.database().resolve(SearchIndex.DIRECTORY)),
                       "index written inside the database directory");
        }
        try (ServedDatabase served = TdbStore.open(db)) {
            DatasetGraph opened = served.dataset();
            List<String> dunky = search(opened, "dunky");
            assertEquals(ROUTE, dunky.get(0), "the route ranks first: " + dunky);
            assertEquals(search(opened, "dunki"), dunky);
            assertTrue(search(opened, "Gujarat").contains("https://w3id.org/pakmig/id/place/gujrat-district"));
        }
    }

    @Test
    void inMemoryIndexMatchesTheBuiltGraph() {
        List<String> found = search(RealGraph.dataset(), "Baluchistan");
        assertTrue(found.contains("https://w3id.org/pakmig/id/place/balochistan"), found.toString());
    }
}
