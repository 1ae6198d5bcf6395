package org.w3id.pakmig.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Fills empty TDB2 indexes from a filled one the way {@code tdb2.xloader} builds its indexes
 * ({@code ProcBuildIndexX}): the entries are put in the target's order by sorting, and the
 * B+tree is written bottom-up by {@link BPlusTreeRewriter}, instead of being inserted one by one
 * as the phased loader's index phase does (at 10M quads that was most of the load's time).
 *
 * <p>The source index is read once into memory (8 bytes per slot: 365 MB for 11.4M quads), then
 * each target is sorted (8 more bytes per entry) and written on its own thread, two at a time.
 * A target shorter than the source is its projection, duplicates dropped: the default graph's
 * triple indexes are the distinct triples of all the quads.
 *
 * <p>Call it with no transaction open on the database, on indexes nothing has written to, and
 * reconnect the database afterwards: each index is written in its own transaction, outside the
 * dataset's, so the dataset's objects still hold the empty trees.
 */
public final class IndexPacker {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private IndexPacker() {}

    /**
     * Fills each of {@code targets} (index names such as {@code POS} or {@code GPOS}) from
     * {@code source} (such as {@code GSPO}); {@code written} hears each target's name and number
     * of entries as soon as it is written.
     */
    public static void pack(DatasetGraph dsg, String source, List<String> targets, BiConsumer<String, Long> written) {
        for (String target : targets) {
            if (target.length() > source.length() || !target.chars().allMatch(slot -> source.indexOf(slot) >= 0)) {
                throw new IllegalArgumentException("index " + target + " cannot be made from " + source);
            }
        }
        long[] entries = Txn.calculateRead(dsg, () -> read(index(dsg, source)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (String target : targets) {
                tasks.add(pool.submit(() -> written.accept(target, write(index(dsg, target), new Columns(source, target, entries)))));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the indexes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TupleIndexRecord index(DatasetGraph dsg, String name) {
        if (!(TDBInternal.findIndex(dsg, name) instanceof TupleIndexRecord index)) {
            throw new IllegalArgumentException("no B+tree index " + name + " in this database");
        }
        return index;
    }

    /** Every entry of {@code index}, each slot (a node id) as one long, in the index's order. */
    private static long[] read(TupleIndexRecord index) {
        int slots = index.getTupleLength();
        LongList values = new LongList();
        Iterator<Record> records = index.getRangeIndex().iterator();
        while (records.hasNext()) {
            byte[] key = records.next().getKey();
            for (int i = 0; i < slots; i++) {
                values.add(Bytes.getLong(key, i * Long.BYTES));
            }
        }
        return values.toArray();
    }

    /** Sorts the entries in the target's order and writes them, once each, as a new B+tree. */
    private static long write(TupleIndexRecord target, Columns columns) {
        if (columns.size() == 0) {
            return 0; // as tdb2.xloader does: an empty index is left as it was created
        }
        BPlusTree tree = (BPlusTree) target.getRangeIndex();
        DistinctRecords records = new DistinctRecords(columns, tree.getRecordFactory());
        CoLib.executeWrite(target, () -> BPlusTreeRewriter.packIntoBPlusTree(records, tree.getParams(), tree.getRecordFactory(),
            tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr()));
        return records.written;
    }

    /** The entries as the target's records, in its order, each once. */
    private static final class DistinctRecords implements Iterator<Record> {
        private final Columns columns;
        private final RecordFactory factory;
        private final int[] order;
        private int next = 0;
        long written = 0;

        DistinctRecords(Columns columns, RecordFactory factory) {
            this.columns = columns;
            this.factory = factory;
            this.order = columns.sorted();
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public Record next() {
            int entry = order[next++];
            while (next < order.length && columns.compare(entry, order[next]) == 0) {
                next++;
            }
            byte[] key = new byte[columns.width() * Long.BYTES];
            for (int i = 0; i < columns.width(); i++) {
                Bytes.setLong(columns.value(entry, i), key, i * Long.BYTES);
            }
            written++;
            return factory.create(key);
        }
    }

    /** The source's entries seen in a target's column order. */
    private static final class Columns {
        private final long[] entries;
        private final int sourceWidth;
        /** For each column of the target, the source column it is. */
        private final int[] from;

        Columns(String source, String target, long[] entries) {
            this.entries = entries;
            this.sourceWidth = source.length();
            this.from = target.chars().map(source::indexOf).toArray();
        }

        int width() {
            return from.length;
        }

        int size() {
            return entries.length / sourceWidth;
        }

        long value(int entry, int column) {
            return entries[entry * sourceWidth + from[column]];
        }

        /** Node ids compare as TDB2 compares keys: unsigned, byte by byte from the first. */
        int compare(int a, int b) {
            for (int column = 0; column < from.length; column++) {
                int c = Long.compareUnsigned(value(a, column), value(b, column));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        /** The entries' positions in the target's order: a bottom-up merge sort of positions. */
        int[] sorted() {
            int n = size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int[] merged = new int[n];
            for (int width = 1; width < n; width *= 2) {
                for (int low = 0; low < n; low += 2 * width) {
                    int middle = Math.min(low + width, n);
                    int high = Math.min(low + 2 * width, n);
                    int i = low;
                    int j = middle;
                    int k = low;
                    while (i < middle && j < high) {
                        merged[k++] = compare(order[i], order[j]) <= 0 ? order[i++] : order[j++];
                    }
                    System.arraycopy(order, i, merged, k, middle - i);
                    System.arraycopy(order, j, merged, k + middle - i, high - j);
                }
                int[] swap = order;
                order = merged;
                merged = swap;
            }
            return order;
        }
    }

    /** A growable array of longs, without boxing. */
    private static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                if (values.length > Integer.MAX_VALUE / 2) {
                    throw new IllegalStateException("too many index entries to sort in one array: " + size);
                }
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
