package org.w3id.pakmig.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --db directory: generations switched atomically, leftovers removed, one process at a time. */
class DatabaseDirectoryTest {

    private static DatasetGraph oneQuad(String label) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> dsg.add(Quad.create(NodeFactory.createURI("https://w3id.org/pakmig/graph/test"),
            NodeFactory.createURI("https://w3id.org/pakmig/id/test/a"),
            NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
            NodeFactory.createLiteralString(label))));
        return dsg;
    }

    private static void build(Path db, String label) {
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(db)) {
            DatasetWriter.write(oneQuad(label), target);
        }
    }

    private static String served(Path db) {
        try (ServedDatabase database = TdbStore.open(db)) {
            DatasetGraph dsg = database.dataset();
            return Txn.calculateRead(dsg, () -> dsg.find().next().getObject().getLiteralLexicalForm());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachBuildSwitchesToANewGenerationAndRemovesTheOld(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("db");
        build(db, "first");
        assertEquals("first", served(db));
        build(db, "second");
        assertEquals("second", served(db));
        assertEquals(List.of("current", "gen-0002", "lock"), names(db));
        assertEquals("gen-0002", Files.readString(db.resolve("current")).strip());
    }

    @Test
    void directoriesGetTheUsualPermissionsNotPrivateOnes(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("db");
        build(db, "first");
        Path usual = Files.createDirectory(dir.resolve("usual"));
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(db));
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(db.resolve("gen-0001")));
    }

    @Test
    void whatAKilledBuildLeftIsRemovedAndTheOldDatabaseStaysInUse(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("db");
        build(db, "first");
        // A build killed while writing: a half-made generation and pointer, and an old-style staging dir.
        Files.createDirectories(db.resolve("gen-0007/Data-0001"));
        Files.writeString(db.resolve("current.tmp"), "gen-0007\n");
        Files.createDirectories(dir.resolve("db.building-123"));
        assertEquals("first", served(db), "the complete database is still the one in use");

        build(db, "second");
        assertEquals("second", served(db));
        assertEquals(List.of("current", "gen-0002", "lock"), names(db), "leftovers go before the next generation is made");
        assertFalse(Files.exists(dir.resolve("db.building-123")));
    }

    @Test
    void aBuildIsRefusedWhileTheDatabaseIsServed(@TempDir Path dir) {
        Path db = dir.resolve("db");
        build(db, "first");
        try (ServedDatabase serving = TdbStore.open(db)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseDirectory.forBuild(db));
            assertTrue(e.getMessage().contains("is in use by another pakmig process"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> TdbStore.open(db), "a second server is refused too");
        }
        build(db, "second");
        assertEquals("second", served(db));
    }

    @Test
    void aPlainTdbDatabaseIsServedThenReplaced(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("db");
        DatasetGraph plain = DatabaseMgr.connectDatasetGraph(db.toString());
        DatasetGraph content = oneQuad("plain");
        Txn.executeWrite(plain, () -> content.find().forEachRemaining(plain::add));
        TDBInternal.expel(plain);
        assertEquals("plain", served(db));

        build(db, "generation");
        assertEquals("generation", served(db));
        assertTrue(names(db).stream().noneMatch(n -> n.startsWith("Data-")), names(db).toString());
    }

    @Test
    void aDirectoryThatIsNotADatabaseIsLeftAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "someone's file");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseDirectory.forBuild(dir));
        assertTrue(e.getMessage().contains("not a pakmig database"), e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> TdbStore.open(dir.resolve("missing")));
        assertTrue(none.getMessage().startsWith("no TDB2 database at "), none.getMessage());
        assertTrue(Files.exists(dir.resolve("notes.txt")));
    }
}
