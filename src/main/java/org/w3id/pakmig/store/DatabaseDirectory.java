package org.w3id.pakmig.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory given as {@code --db}, held by one pakmig process at a time.
 *
 * <p>Layout: each build writes a complete TDB2 database into a new generation directory
 * {@code gen-NNNN}, and a one-line file {@code current} names the generation in use. A build
 * switches by renaming a new pointer file over {@code current}, one atomic step, so at every
 * moment {@code current} names a complete database: a build killed at any point leaves the
 * old one in use, and its half-written generation is removed by the next build. A plain TDB2
 * database made by an older pakmig (a {@code Data-NNNN} directory and no {@code current}) is
 * still served, and replaced by the next build.
 *
 * <p>The whole time a build or a server uses the directory it holds an exclusive lock on the
 * file {@code lock} (an operating-system lock, released when the process ends, even by
 * kill -9), so a build refuses to start while a server is serving the database.
 */
public final class DatabaseDirectory implements AutoCloseable {
    static final String CURRENT = "current";
    private static final String LOCK = "lock";
    private static final String GENERATION = "gen-";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} for a build, creating it if needed; refuses a directory that is not a database. */
    public static DatabaseDirectory forBuild(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalStateException(target + " is a file, not a database directory; choose another --db");
        }
        if (Files.isDirectory(target) && !holdsOnlyDatabaseFiles(target)) {
            throw new IllegalStateException(target + " holds files that are not a pakmig database;"
                + " choose a new or empty directory for --db");
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the database directory " + target + " (" + e + ")");
        }
        if (!Files.isWritable(target)) {
            throw new IllegalStateException("cannot write to the database directory " + target + "; check its permissions");
        }
        return lock(target, "build");
    }

    /** Locks {@code dir} for serving; refuses a directory that holds no database. */
    public static DatabaseDirectory forServing(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target) || (!Files.exists(target.resolve(CURRENT)) && !isPlainTdb(target))) {
            throw new IllegalStateException("no TDB2 database at " + target + " (create one with `build --db " + dir + "`)");
        }
        return lock(target, "serve");
    }

    private static DatabaseDirectory lock(Path dir, String purpose) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the database " + dir + " is in use by another pakmig process"
                    + " (a running `serve --db` or a build); stop it first, then run " + purpose + " again");
            }
            return new DatabaseDirectory(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock the database " + dir + " (" + e + "); check its permissions");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same JVM
        }
    }

    public Path path() {
        return dir;
    }

    /** Whether a complete database is in use here (an empty directory a first build is filling has none). */
    public boolean hasDatabase() {
        return Files.exists(dir.resolve(CURRENT)) || isPlainTdb(dir);
    }

    /** The database to open: the generation {@code current} names, or a plain TDB2 database at the top. */
    public Path database() {
        Path pointer = dir.resolve(CURRENT);
        if (Files.exists(pointer)) {
            try {
                Path generation = dir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
                if (!Files.isDirectory(generation)) {
                    throw new IllegalStateException(dir + "/" + CURRENT + " names " + generation.getFileName()
                        + ", which is missing; rebuild with `build --db " + dir + "`");
                }
                return generation;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pointer, e);
            }
        }
        if (isPlainTdb(dir)) {
            return dir;
        }
        throw new IllegalStateException("no TDB2 database at " + dir + " (create one with `build --db " + dir + "`)");
    }

    /**
     * Removes what killed builds and replaced databases left behind: generations not in use,
     * an unfinished pointer file, a plain TDB2 database already replaced by a generation, and
     * the {@code DIR.building-*} directories of earlier pakmig versions.
     */
    public void removeLeftovers() {
        Path pointer = dir.resolve(CURRENT);
        Path inUse = Files.exists(pointer) ? database() : null;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                boolean oldGeneration = name.startsWith(GENERATION) && !p.equals(inUse);
                boolean replacedPlainTdb = inUse != null && (name.startsWith("Data-") || name.equals("tdb.lock"));
                if (oldGeneration || replacedPlainTdb || name.equals(CURRENT + ".tmp")) {
                    deleteTree(p);
                }
            }
            try (Stream<Path> siblings = Files.list(dir.getParent())) {
                for (Path p : siblings.toList()) {
                    if (p.getFileName().toString().startsWith(dir.getFileName() + ".building-")) {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir, e);
        }
    }

    /** A new, empty generation directory (normal permissions) for a build to fill. */
    public Path newGeneration() {
        int next = 1;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.matches(GENERATION + "\\d+")) {
                    next = Math.max(next, Integer.parseInt(name.substring(GENERATION.length())) + 1);
                }
            }
            return Files.createDirectory(dir.resolve(String.format("%s%04d", GENERATION, next)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a new database generation in " + dir, e);
        }
    }

    /** Makes {@code generation} the database in use, in one atomic rename, then removes the previous one. */
    public void switchTo(Path generation) {
        Path pointer = dir.resolve(CURRENT);
        Path next = dir.resolve(CURRENT + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(StandardCharsets.UTF_8.encode(generation.getFileName() + "\n"));
                out.force(true);
            }
            Files.move(next, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + dir + " to " + generation.getFileName(), e);
        }
        removeLeftovers();
    }

    /** Makes the rename durable: without it a power cut could bring back the old pointer. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
        closeQuietly(channel);
    }

    private static boolean isPlainTdb(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("Data-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Only what this class or TDB2 puts there, so a mistyped --db never deletes someone's files. */
    private static boolean holdsOnlyDatabaseFiles(Path dir) {
        Set<String> ours = Set.of(CURRENT, CURRENT + ".tmp", LOCK, "tdb.lock");
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.stream().allMatch(n -> ours.contains(n) || n.startsWith(GENERATION) || n.startsWith("Data-"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the database directory " + dir + " (" + e + ")");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
