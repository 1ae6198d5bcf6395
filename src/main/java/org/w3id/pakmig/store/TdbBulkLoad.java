package org.w3id.pakmig.store;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * Fills an empty TDB2 database through TDB2's phased bulk loader (the loader
 * {@code tdb2.tdbloader --loader=phased} uses): it builds the primary indexes first and the
 * others from them, instead of updating every index for every quad in one transaction. The
 * phased loader uses a few threads, fewer than the parallel one, which suits a small machine.
 */
public final class TdbBulkLoad {
    private TdbBulkLoad() {}

    /** Streams every quad of {@code source} into {@code tdb}; returns the number of quads loaded. */
    public static long load(DatasetGraph source, DatasetGraph tdb) {
        DataLoader loader = LoaderFactory.phasedLoader(tdb, (fmt, args) -> { });
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            source.find().forEachRemaining(stream::quad);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        return loader.countQuads() + loader.countTriples();
    }
}
