package org.w3id.pakmig.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Writes a built dataset to a TDB2 database, and opens one for serving. */
public final class TdbStore {
    private TdbStore() {}

    /**
     * Builds the database in a fresh sibling directory and renames it into place only once it
     * is complete, so a failed or interrupted build never leaves {@code dir} half-written.
     * An existing database at {@code dir} is replaced.
     */
    public static void write(DatasetGraph source, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, target.getFileName() + ".building-");
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(staging.toString());
            try {
                TdbBulkLoad.load(source, tdb);
            } finally {
                TDBInternal.expel(tdb);
            }
            if (Files.exists(target)) {
                Path old = parent.resolve(target.getFileName() + ".old-" + System.currentTimeMillis());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the database at " + target, e);
        }
    }

    /** Opens an existing database; refuses a directory that does not hold one. */
    public static DatasetGraph open(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target) || !hasDataDir(target)) {
            throw new IllegalArgumentException("No TDB2 database at " + target + " (create one with `build --db " + dir + "`)");
        }
        return DatabaseMgr.connectDatasetGraph(target.toString());
    }

    private static boolean hasDataDir(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("Data-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
