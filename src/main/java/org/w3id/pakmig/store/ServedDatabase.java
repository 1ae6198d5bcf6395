package org.w3id.pakmig.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;

/** An open database and the lock on its directory, both held while it is served. */
public record ServedDatabase(DatasetGraph dataset, DatabaseDirectory directory) implements AutoCloseable {
    @Override
    public void close() {
        TDBInternal.expel(dataset);
        directory.close();
    }
}
