package org.w3id.pakmig.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.pakmig.search.SearchIndex;
import org.w3id.pakmig.vocab.PM;

/** Opens a built TDB2 database for serving, and carries contributions from one generation to the next. */
public final class TdbStore {
    private TdbStore() {}

    /**
     * Contributed graphs live in the database, not in the source files: a rebuild copies them
     * from the database in use into the new one, so rebuilding never loses them.
     */
    public static void carryContributions(Path previous, DatasetGraph into) {
        DatasetGraph old = DatabaseMgr.connectDatasetGraph(previous.toString());
        try {
            Txn.executeRead(old, () -> Txn.executeWrite(into, () -> {
                List<Node> graphs = Iter.toList(old.listGraphNodes());
                for (Node g : graphs) {
                    if (g.isURI() && g.getURI().startsWith(PM.CONTRIBUTIONS)) {
                        old.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(into::add);
                    }
                }
            }));
        } finally {
            TDBInternal.expel(old);
        }
    }

    /** Locks {@code dir} and opens the database in use there; one clear error if either fails. */
    public static ServedDatabase open(Path dir) {
        DatabaseDirectory directory = DatabaseDirectory.forServing(dir);
        try {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(directory.database().toString());
            return new ServedDatabase(SearchIndex.openBeside(tdb, directory.database()), tdb, directory);
        } catch (TDBException e) {
            directory.close();
            throw new IllegalStateException("cannot open the database at " + directory.path() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }
}
