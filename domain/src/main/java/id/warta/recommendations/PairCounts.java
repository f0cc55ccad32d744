package id.warta.recommendations;

import java.util.Arrays;

/**
 * Counts per unordered pair of small article ids, in primitive arrays (open addressing): the
 * co-visitation tables hold millions of pairs, which boxed maps would make several times larger.
 */
final class PairCounts {
    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] counts;
    private int size;

    PairCounts() {
        this(1 << 10);
    }

    private PairCounts(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    void add(long key, int delta) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        counts[slot] += delta;
    }

    int get(long key) {
        int slot = slot(key);
        return keys[slot] == EMPTY ? 0 : counts[slot];
    }

    interface Visitor<E extends Exception> {
        void visit(long key, int count) throws E;
    }

    <E extends Exception> void forEach(Visitor<E> visitor) throws E {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], counts[i]);
            }
        }
    }

    /** Keeps only the {@code limit} largest counts (ties at the threshold broken arbitrarily). */
    void retainLargest(int limit) {
        if (size <= limit) {
            return;
        }
        int[] values = new int[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                values[n++] = counts[i];
            }
        }
        Arrays.sort(values);
        int threshold = values[size - limit];
        int aboveThreshold = 0;
        for (int value : values) {
            if (value > threshold) {
                aboveThreshold++;
            }
        }
        int atThresholdAllowed = limit - aboveThreshold;
        PairCounts kept = new PairCounts(Integer.highestOneBit(Math.max(16, limit * 2)) << 1);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == EMPTY) {
                continue;
            }
            if (counts[i] > threshold || (counts[i] == threshold && atThresholdAllowed-- > 0)) {
                kept.add(keys[i], counts[i]);
            }
        }
        keys = kept.keys;
        counts = kept.counts;
        size = kept.size;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldCounts.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }
}
