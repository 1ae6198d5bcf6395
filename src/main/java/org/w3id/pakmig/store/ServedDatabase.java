package org.w3id.pakmig.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.pakmig.search.SearchIndex;

/**
 * An open database and the lock on its directory, both held while it is served.
 * {@code dataset} is what is served (the database with its search index), {@code tdb} the
 * database itself.
 */
public record ServedDatabase(DatasetGraph dataset, DatasetGraph tdb, DatabaseDirectory directory) implements AutoCloseable {
    @Override
    public void close() {
        SearchIndex.close(dataset);
        TDBInternal.expel(tdb);
        directory.close();
    }
}
