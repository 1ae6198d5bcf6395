package org.w3id.pakmig.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.cli.DatabaseBuild;

/**
 * {@code build --db} writes only the primary quad index while loading and makes the other eight
 * with {@link IndexPacker}. On the database built from the real checkout, every index must be a
 * valid B+tree in its own order that holds exactly the primary index's entries (the triple
 * indexes: the distinct triples of all the quads) and finds each of them by its leading slots.
 */
class IndexPackerTest {
    private static final List<String> TRIPLE_INDEXES = List.of("SPO", "POS", "OSP");
    private static final List<String> QUAD_INDEXES = List.of("GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG");

    @TempDir
    static Path dir;
    private static ServedDatabase database;

    @BeforeAll
    static void build() {
        try (DatabaseDirectory target = DatabaseDirectory.forBuild(dir.resolve("db"))) {
            DatabaseBuild.Result result = DatabaseBuild.run(RealGraph.sources(), target, new PrintStream(OutputStream.nullOutputStream()));
            assertTrue(result.ok(), result.problems().toString());
        }
        database = TdbStore.open(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theTripleIndexesHoldTheDistinctTriplesOfAllQuads() {
        DatasetGraph tdb = database.tdb();
        Txn.executeRead(tdb, () -> {
            Set<Tuple<NodeId>> triples = new HashSet<>();
            long quads = 0;
            for (Iterator<Tuple<NodeId>> it = TDBInternal.findIndex(tdb, "GSPO").all(); it.hasNext(); quads++) {
                Tuple<NodeId> q = it.next();
                triples.add(TupleFactory.create3(q.get(1), q.get(2), q.get(3)));
            }
            assertTrue(triples.size() < quads, "some triples are in more than one graph, so the projection has duplicates to drop");
            assertEachHolds(tdb, TRIPLE_INDEXES, triples);
        });
    }

    @Test
    void everyQuadIndexHoldsThePrimaryIndexsEntries() {
        DatasetGraph tdb = database.tdb();
        Txn.executeRead(tdb, () -> {
            Set<Tuple<NodeId>> primary = entries(tdb, "GSPO");
            assertTrue(primary.size() > 50_000, "the real graph's quads: " + primary.size());
            assertEachHolds(tdb, QUAD_INDEXES, primary);
        });
    }

    @Test
    void everyIndexIsAValidTreeInItsOwnOrderAndFindsEachEntryByItsLeadingSlots() {
        DatasetGraph tdb = database.tdb();
        Txn.executeRead(tdb, () -> {
            List<String> all = new ArrayList<>(TRIPLE_INDEXES);
            all.addAll(QUAD_INDEXES);
            for (String name : all) {
                TupleIndexRecord index = (TupleIndexRecord) TDBInternal.findIndex(tdb, name);
                BPlusTree tree = (BPlusTree) index.getRangeIndex();
                tree.check();
                byte[] previous = null;
                for (Iterator<Record> it = tree.iterator(); it.hasNext();) {
                    byte[] key = it.next().getKey();
                    assertTrue(previous == null || Arrays.compareUnsigned(previous, key) < 0, name + ": keys in increasing order");
                    previous = key;
                }
                int n = 0;
                for (Iterator<Tuple<NodeId>> it = index.all(); it.hasNext(); n++) {
                    Tuple<NodeId> entry = it.next();
                    if (n % 97 == 0) {
                        assertTrue(contains(index.find(leadingSlotBound(name, entry)), entry), name + " finds " + entry);
                    }
                }
            }
        });
    }

    @Test
    void anEmptySourceLeavesTheTargetsEmpty(@TempDir Path empty) {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(empty.toString());
        try {
            Set<String> written = ConcurrentHashMap.newKeySet();
            IndexPacker.pack(tdb, "GSPO", List.of("SPO", "GPOS"), (name, entries) -> written.add(name + "=" + entries));
            assertEquals(Set.of("SPO=0", "GPOS=0"), written);
            Txn.executeRead(tdb, () -> assertEquals(0, TDBInternal.findIndex(tdb, "GPOS").size()));
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    /** {@code entry} (in G, S, P, O order) with only the slot that leads {@code index} bound. */
    private static Tuple<NodeId> leadingSlotBound(String index, Tuple<NodeId> entry) {
        String natural = index.length() == 4 ? "GSPO" : "SPO";
        NodeId[] pattern = new NodeId[entry.len()];
        int lead = natural.indexOf(index.charAt(0));
        pattern[lead] = entry.get(lead);
        for (int i = 0; i < pattern.length; i++) {
            if (i != lead) {
                pattern[i] = NodeId.NodeIdAny;
            }
        }
        return TupleFactory.create(pattern);
    }

    private static boolean contains(Iterator<Tuple<NodeId>> found, Tuple<NodeId> entry) {
        while (found.hasNext()) {
            if (found.next().equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static void assertEachHolds(DatasetGraph tdb, List<String> indexes, Set<Tuple<NodeId>> expected) {
        for (String name : indexes) {
            assertEquals(expected, entries(tdb, name), name);
        }
    }

    private static Set<Tuple<NodeId>> entries(DatasetGraph tdb, String name) {
        TupleIndex index = TDBInternal.findIndex(tdb, name);
        Set<Tuple<NodeId>> entries = new HashSet<>();
        index.all().forEachRemaining(entries::add);
        assertEquals(index.size(), entries.size(), name + ": no entry twice");
        return entries;
    }
}
