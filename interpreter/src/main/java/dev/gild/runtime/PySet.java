package dev.gild.runtime;

/**
 * Python's set and frozenset: an open-addressing hash table laid out exactly as CPython 3.11's
 * setobject.c, so that iteration (and therefore printing) follows CPython's order. The table
 * starts with 8 slots; a probe inspects the home slot and up to {@value #LINEAR_PROBES} following
 * slots before jumping by perturbation; it is resized when 3/5 full (counting deleted slots) to
 * four times the number of live keys (twice past 50000). Deleted keys leave a {@link #DUMMY};
 * an insertion reuses the last dummy on its probe path.
 *
 * <p>Keys compare with an identity check, then hash equality, then {@link Ops#eq}. A lookup is
 * restarted when a key's {@code __eq__} mutates the set under it, as CPython does.
 */
public class PySet extends PyObject {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    /** The key of a slot whose key was removed. */
    private static final Object DUMMY = new Object();

    private final PyType type;
    private PyDict dict;
    public final boolean frozen;

    /** Slot keys: null for never used, {@link #DUMMY} for removed. */
    private Object[] keys;
    private long[] hashes;
    private int mask;
    /** Live plus dummy slots. */
    private int fill;
    /** Live keys. */
    private int used;
    /** Where pop() resumes its search. */
    private int finger;
    /** The frozenset hash once computed; -1 when not yet. */
    private long cachedHash = -1;

    public PySet(PyType type) {
        this(type, false);
    }

    private PySet(PyType type, boolean frozen) {
        this.type = type;
        this.frozen = frozen;
        keys = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        mask = MIN_SIZE - 1;
    }

    public PySet() { this(PyTypes.SET); }

    public static PySet newFrozen(PyType type) { return new PySet(type, true); }

    public static PySet frozen() { return new PySet(PyTypes.FROZENSET, true); }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != PyTypes.SET && type != PyTypes.FROZENSET && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    public int size() { return used; }

    // ------------------------------------------------------------------ public API

    public void add(Object key) {
        long h = Ops.hash(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                addEntry(key, h);
            }
        } else {
            addEntry(key, h);
        }
    }

    /** Whether key is in the set; a set key is looked up as the equal frozenset, as CPython does. */
    public boolean contains(Object key) {
        long h;
        try {
            h = Ops.hash(key);
        } catch (PyException e) {
            if (!(key instanceof PySet s) || !e.matches(PyExc.TypeError)) throw e;
            PySet probe = s.frozenCopy();
            return findSlot(probe, probe.frozenHash()) >= 0;
        }
        if (FreeThreading.enabled) {
            synchronized (this) {
                return findSlot(key, h) >= 0;
            }
        }
        return findSlot(key, h) >= 0;
    }

    /** Removes key if present; true when it was. */
    public boolean discard(Object key) {
        long h = Ops.hash(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                return discardEntry(key, h);
            }
        }
        return discardEntry(key, h);
    }

    /** The keys in table order (CPython's iteration order). */
    public synchronized Object[] toArray() {
        Object[] out = new Object[used];
        int n = 0;
        Object[] table = keys;
        for (Object k : table) {
            if (k != null && k != DUMMY) out[n++] = k;
        }
        return out;
    }

    // ------------------------------------------------------------------ table operations

    /** The slot holding key, or -1. */
    int findSlot(Object key, long hash) {
        restart:
        while (true) {
            Object[] table = keys;
            long[] hs = hashes;
            int m = mask;
            long perturb = hash;
            int i = (int) (hash & m);
            while (true) {
                int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
                int j = i;
                do {
                    Object k = table[j];
                    if (k == null) return -1;
                    if (hs[j] == hash && k != DUMMY) {
                        if (k == key) return j;
                        if (k instanceof String s && key instanceof String) {
                            if (s.equals(key)) return j;
                        } else {
                            boolean equal = Ops.eq(k, key);
                            if (table != keys || table[j] != k) continue restart;
                            if (equal) return j;
                        }
                    }
                    j++;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & m);
            }
        }
    }

    /** set_add_entry: adds key unless an equal key is present; returns whether it was added. */
    boolean addEntry(Object key, long hash) {
        restart:
        while (true) {
            Object[] table = keys;
            long[] hs = hashes;
            int m = mask;
            long perturb = hash;
            int i = (int) (hash & m);
            int freeSlot = -1;
            while (true) {
                int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
                int j = i;
                do {
                    Object k = table[j];
                    if (k == null) {
                        if (freeSlot >= 0) {
                            used++;
                            table[freeSlot] = key;
                            hs[freeSlot] = hash;
                            return true;
                        }
                        fill++;
                        used++;
                        table[j] = key;
                        hs[j] = hash;
                        if ((long) fill * 5 >= (long) m * 3) resize(used > 50000 ? used * 2 : used * 4);
                        return true;
                    }
                    if (k == DUMMY) {
                        // CPython reuses the last dummy seen on the probe path, not the first.
                        freeSlot = j;
                    } else if (hs[j] == hash) {
                        if (k == key) return false;
                        if (k instanceof String s && key instanceof String) {
                            if (s.equals(key)) return false;
                        } else {
                            boolean equal = Ops.eq(k, key);
                            if (equal) return false;
                            if (table != keys || table[j] != k) continue restart;
                        }
                    }
                    j++;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & m);
            }
        }
    }

    boolean discardEntry(Object key, long hash) {
        int slot = findSlot(key, hash);
        if (slot < 0) return false;
        keys[slot] = DUMMY;
        hashes[slot] = -1;
        used--;
        return true;
    }

    /** set_table_resize: a table of the smallest power of two above minUsed, keys reinserted in slot order. */
    void resize(long minUsed) {
        long newSize = MIN_SIZE;
        while (newSize <= minUsed) newSize <<= 1;
        if (newSize > 1 << 30) throw Py.memoryError();
        Object[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new Object[(int) newSize];
        hashes = new long[(int) newSize];
        mask = (int) newSize - 1;
        fill = used;
        for (int i = 0; i < oldKeys.length; i++) {
            Object k = oldKeys[i];
            if (k != null && k != DUMMY) insertClean(keys, hashes, mask, k, oldHashes[i]);
        }
    }

    /** set_insert_clean: places a key known to be absent into a table without dummies. */
    private static void insertClean(Object[] table, long[] hs, int m, Object key, long hash) {
        long perturb = hash;
        int i = (int) (hash & m);
        while (true) {
            if (table[i] == null) {
                table[i] = key;
                hs[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= m) {
                for (int j = i + 1; j <= i + LINEAR_PROBES; j++) {
                    if (table[j] == null) {
                        table[j] = key;
                        hs[j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** set_clear_internal: back to an empty 8-slot table. */
    public void clear() {
        keys = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        mask = MIN_SIZE - 1;
        fill = 0;
        used = 0;
        finger = 0;
    }

    /** set_merge: adds every key of other, copying its table outright when this set is empty and alike. */
    void merge(PySet other) {
        if (other == this || other.used == 0) return;
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) resize((long) (used + other.used) * 2);
        Object[] otherKeys = other.keys;
        long[] otherHashes = other.hashes;
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            for (int i = 0; i < otherKeys.length; i++) {
                if (otherKeys[i] != null) {
                    keys[i] = otherKeys[i];
                    hashes[i] = otherHashes[i];
                }
            }
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int i = 0; i < otherKeys.length; i++) {
                Object k = otherKeys[i];
                if (k != null && k != DUMMY) insertClean(keys, hashes, mask, k, otherHashes[i]);
            }
            return;
        }
        for (int i = 0; i < otherKeys.length; i++) {
            Object k = otherKeys[i];
            if (k != null && k != DUMMY) addEntry(k, otherHashes[i]);
        }
    }

    /** The adds of set_update_internal for a dict: one resize up front, then each key. */
    void mergeDictKeys(PyDict d) {
        int n = d.size();
        if ((long) (fill + n) * 5 >= (long) mask * 3) resize((long) (used + n) * 2);
        for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
            Object k = d.keyAt(i);
            addEntry(k, Ops.hash(k));
        }
    }

    /** set.pop(): removes the first key at or after the finger, or returns null when empty. */
    Object popAny() {
        if (used == 0) return null;
        int m = mask;
        int i = finger & m;
        while (keys[i] == null || keys[i] == DUMMY) {
            i++;
            if (i > m) i = 0;
        }
        Object key = keys[i];
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return key;
    }

    /** Exchanges the tables of two sets (set_swap_bodies), as intersection_update does. */
    void takeTableOf(PySet other) {
        keys = other.keys;
        hashes = other.hashes;
        mask = other.mask;
        fill = other.fill;
        used = other.used;
        finger = other.finger;
        cachedHash = -1;
    }

    // ------------------------------------------------------------------ iteration support

    /** The first live slot at or after pos, or -1. */
    int nextSlot(int pos) {
        Object[] table = keys;
        while (pos < table.length) {
            Object k = table[pos];
            if (k != null && k != DUMMY) return pos;
            pos++;
        }
        return -1;
    }

    Object keyAt(int slot) { return keys[slot]; }

    long hashAt(int slot) { return hashes[slot]; }

    /** Whether the fill count says deleted slots should be squeezed out (set_difference_update's rule). */
    void compactIfSparse() {
        if (fill - used > mask / 4) resize(used > 50000 ? used * 2L : used * 4L);
    }

    // ------------------------------------------------------------------ hashing

    /** A frozenset with the same keys (and table layout). */
    PySet frozenCopy() {
        PySet f = frozen();
        f.merge(this);
        return f;
    }

    /** CPython's frozenset hash: an order-independent mix of the keys' hashes. */
    long frozenHash() {
        if (cachedHash != -1) return cachedHash;
        long h = 0;
        Object[] table = keys;
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null && table[i] != DUMMY) h ^= shuffleBits(hashes[i]);
        }
        h ^= (used + 1L) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        if (h == -1) h = 590923713L;
        if (frozen) cachedHash = h;
        return h;
    }

    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    /** Whether the set's cached hash is known (frozensets whose hash was taken). */
    long knownHash() { return cachedHash; }

    @Override public int hashCode() {
        if (!frozen) throw Py.typeError("unhashable type: '" + type.getName() + "'");
        return super.hashCode();
    }
}
