package org.w3id.pakmig.store;

import java.nio.file.Path;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.pakmig.search.SearchIndex;

/**
 * Writes a dataset already in memory as a new database generation, as {@code build --db}
 * writes a built one (phased bulk load, contributions carried over, search index, atomic
 * switch): for tests that need a database of the real graph or of a few quads without
 * building it from source files.
 */
public final class DatasetWriter {
    private DatasetWriter() {}

    public static void write(DatasetGraph source, DatabaseDirectory target) {
        target.removeLeftovers();
        Path previous = target.hasDatabase() ? target.database() : null;
        Path generation = target.newGeneration();
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(generation.toString());
        try {
            DataLoader loader = LoaderFactory.phasedLoader(tdb, (fmt, args) -> { });
            loader.startBulk();
            StreamRDF stream = loader.stream();
            source.find().forEachRemaining(stream::quad);
            loader.finishBulk();
            if (previous != null) {
                TdbStore.carryContributions(previous, tdb);
            }
        } finally {
            TDBInternal.expel(tdb);
        }
        SearchIndex.write(source, generation.resolve(SearchIndex.DIRECTORY));
        target.switchTo(generation);
    }
}
