package org.w3id.pakmig.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the project's files come from: a checkout ({@code --source DIR}) or the copy packed
 * inside the jar under {@code pakmig/}. Both are read through {@link Path}, so the loaders do
 * not care which.
 */
public final class SourceTree {
    private static final String PACKED_ROOT = "pakmig";

    private final Path root;
    private final String description;

    private SourceTree(Path root, String description) {
        this.root = root;
        this.description = description;
    }

    /** A checkout: a directory holding {@code ontology/}, {@code data/} and {@code queries/}. */
    public static SourceTree directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("ontology")) || !Files.isDirectory(root.resolve("data"))) {
            throw new IllegalArgumentException(
                "Not a pakmig source directory (needs ontology/ and data/): " + root);
        }
        return new SourceTree(root, root.toString());
    }

    /** The files shipped inside the jar (or, when run from classes, on the classpath). */
    public static SourceTree packaged() {
        URL marker = SourceTree.class.getClassLoader().getResource(PACKED_ROOT + "/ontology/pakmig.ttl");
        if (marker == null) {
            throw new IllegalStateException("The ontology is not on the classpath: was the jar built with `mvn package`?");
        }
        try {
            URI uri = marker.toURI();
            Path file;
            if ("jar".equals(uri.getScheme())) {
                file = jarFileSystem(uri).provider().getPath(uri);
            } else {
                file = Path.of(uri);
            }
            return new SourceTree(file.getParent().getParent(), "the packaged files");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            try {
                return FileSystems.newFileSystem(uri, Collections.emptyMap());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The project-relative name of a file in this tree, e.g. {@code data/doc-002/routes.ttl}. */
    public String relativeName(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** All regular files under {@code dir} whose names end with {@code suffix}, sorted by name. */
    public List<Path> files(String dir, String suffix) {
        Path start = root.resolve(dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                       .filter(p -> p.getFileName().toString().endsWith(suffix))
                       .sorted((a, b) -> relativeName(a).compareTo(relativeName(b)))
                       .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new LoadException(dir, -1, -1, "cannot be read (" + e.getMessage() + "); check its permissions");
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Copies the directory {@code from} and everything below it to {@code to}, replacing files
     * already there: how a source tree's {@code ontology/} or {@code queries/} is copied into
     * another tree (synthetic data, test fixtures).
     */
    public static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
