package dev.gild.lock.stats;

import java.util.Arrays;

/**
 * One thread's trace events, appended by that thread alone (so without any synchronisation) and
 * read once the program has ended. An event is a kind, a start and an end time (the same for an
 * instant) and a label; past {@link #MAX_EVENTS} events are counted, not kept.
 */
final class TraceBuffer {
    /** About 40 MB of events per thread at most. */
    static final int MAX_EVENTS = 1 << 20;

    static final byte RUNNING = 1;
    static final byte WAITING = 2;
    static final byte BLOCKED = 3;
    /** An instant: the lock changed hands; the label is the reason. */
    static final byte SWITCH = 4;

    private byte[] kinds = new byte[256];
    private long[] starts = new long[256];
    private long[] ends = new long[256];
    private String[] labels = new String[256];
    private int size;
    private long dropped;

    void add(byte kind, long start, long end, String label) {
        if (size == kinds.length) {
            if (size == MAX_EVENTS) {
                dropped++;
                return;
            }
            int grown = Math.min(MAX_EVENTS, size * 2);
            kinds = Arrays.copyOf(kinds, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            labels = Arrays.copyOf(labels, grown);
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        labels[size] = label;
        size++;
    }

    int size() { return size; }
    byte kind(int i) { return kinds[i]; }
    long start(int i) { return starts[i]; }
    long end(int i) { return ends[i]; }
    String label(int i) { return labels[i]; }
    long dropped() { return dropped; }
}
