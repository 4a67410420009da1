package dev.gild.runtime;

import java.util.Arrays;

/**
 * Python's dict: an insertion-ordered hash table with Python's key semantics.
 *
 * <p>Layout as CPython's compact dict: entries (hash, key, value) are appended to parallel arrays
 * in insertion order, and a separate open-addressing index maps hash slots to entry numbers.
 * Deleting leaves a hole (key null) in the entries and a tombstone in the index; both are
 * squeezed out when the table is rebuilt. Iteration walks the entries, so it follows insertion
 * order and sees a stable view as long as {@link #version} is unchanged.
 *
 * <p>Keys compare with {@link Ops#eq} after an identity and hash check, and hash with
 * {@link Ops#hash}, so {@code 1}, {@code 1.0} and {@code True} are the same key, and a user class's
 * {@code __eq__}/{@code __hash__} are honoured. String keys take a fast path.
 */
public class PyDict extends PyObject {
    private static final int EMPTY = -1;
    private static final int DELETED = -2;
    private static final int MIN_INDEX = 8;

    private PyType type;
    private PyDict dict;

    private int[] index;
    private int[] hashes;
    private Object[] keys;
    private Object[] values;
    /** Entries used, including holes left by deletion. */
    private int used;
    /** Live entries. */
    private int size;
    /** Bumped on every insertion or deletion of a key, so iterators can detect a change of size. */
    public int version;

    public PyDict() { this(PyTypes.DICT); }

    public PyDict(PyType type) {
        this.type = type;
        allocate(MIN_INDEX);
    }

    public PyDict(int expected) {
        this.type = PyTypes.DICT;
        int n = MIN_INDEX;
        while (n * 2 < expected * 3) n <<= 1;
        allocate(n);
    }

    private void allocate(int indexSize) {
        index = new int[indexSize];
        Arrays.fill(index, EMPTY);
        int capacity = indexSize * 2 / 3;
        hashes = new int[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        used = 0;
        size = 0;
    }

    @Override public PyType getType() { return type == null ? PyTypes.DICT : type; }

    @Override
    public PyDict getDict() {
        if (dict == null && type != null && type != PyTypes.DICT && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    public int size() { return size; }

    // ------------------------------------------------------------------ hashing

    static int hashOf(Object key) {
        if (key instanceof String s) return s.hashCode();
        long h = Ops.hash(key);
        return (int) (h ^ (h >>> 32));
    }

    private static boolean keyEquals(Object stored, Object key) {
        if (stored == key) return true;
        if (stored instanceof String s) return key instanceof String && s.equals(key) || !(key instanceof String) && Ops.eq(key, stored);
        return Ops.eq(stored, key);
    }

    /** Entry number of key, or -1. */
    private int find(Object key, int hash) {
        int mask = index.length - 1;
        int slot = hash & mask;
        int perturb = hash;
        while (true) {
            int entry = index[slot];
            if (entry == EMPTY) return -1;
            if (entry >= 0 && hashes[entry] == hash) {
                Object stored = keys[entry];
                if (stored == key || keyEquals(stored, key)) return entry;
            }
            perturb >>>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
    }

    private int findString(String key, int hash) {
        int mask = index.length - 1;
        int slot = hash & mask;
        int perturb = hash;
        while (true) {
            int entry = index[slot];
            if (entry == EMPTY) return -1;
            if (entry >= 0 && hashes[entry] == hash) {
                Object stored = keys[entry];
                if (stored == key || (stored instanceof String s ? s.equals(key) : Ops.eq(stored, key))) return entry;
            }
            perturb >>>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
    }

    private void insertIndex(int hash, int entry) {
        int mask = index.length - 1;
        int slot = hash & mask;
        int perturb = hash;
        while (index[slot] >= 0) {
            perturb >>>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
        index[slot] = entry;
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int oldUsed = used;
        int n = MIN_INDEX;
        while (n * 2 < (size + 1) * 3 * 2) n <<= 1;
        allocate(n);
        for (int i = 0; i < oldUsed; i++) {
            if (oldKeys[i] != null) {
                hashes[used] = oldHashes[i];
                keys[used] = oldKeys[i];
                values[used] = oldValues[i];
                insertIndex(oldHashes[i], used);
                used++;
                size++;
            }
        }
    }

    // ------------------------------------------------------------------ access

    // In free-threaded mode each public operation holds this dict's monitor (see FreeThreading);
    // the hash is computed before, so a key's __hash__ never runs under the lock.

    /** The value for key, or null when absent. Raises TypeError for an unhashable key. */
    public Object get(Object key) {
        int h = hashOf(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                return lookup(key, h);
            }
        }
        return lookup(key, h);
    }

    private Object lookup(Object key, int h) {
        int e = key instanceof String s ? findString(s, h) : find(key, h);
        return e < 0 ? null : values[e];
    }

    /** The value for a str key, or null when absent. */
    public Object getStr(String key) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return lookup(key, key.hashCode());
            }
        }
        return lookup(key, key.hashCode());
    }

    public boolean containsKey(Object key) {
        int h = hashOf(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                return find(key, h) >= 0;
            }
        }
        return find(key, h) >= 0;
    }

    public void put(Object key, Object value) {
        int h = hashOf(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                store(key, h, value);
            }
        } else {
            store(key, h, value);
        }
    }

    private void store(Object key, int h, Object value) {
        int e = key instanceof String s ? findString(s, h) : find(key, h);
        if (e >= 0) {
            values[e] = value;
            return;
        }
        if (used == keys.length) grow();
        hashes[used] = h;
        keys[used] = key;
        values[used] = value;
        insertIndex(h, used);
        used++;
        size++;
        version++;
    }

    /** Removes key and returns its value, or null when absent. */
    public Object remove(Object key) {
        int h = hashOf(key);
        if (FreeThreading.enabled) {
            synchronized (this) {
                return delete(key, h);
            }
        }
        return delete(key, h);
    }

    private Object delete(Object key, int h) {
        int e = find(key, h);
        if (e < 0) return null;
        int mask = index.length - 1;
        int slot = h & mask;
        int perturb = h;
        while (index[slot] != e) {
            perturb >>>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
        index[slot] = DELETED;
        Object old = values[e];
        keys[e] = null;
        values[e] = null;
        size--;
        version++;
        return old;
    }

    public void clear() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                allocate(MIN_INDEX);
                version++;
            }
        } else {
            allocate(MIN_INDEX);
            version++;
        }
    }

    // ------------------------------------------------------------------ iteration

    /** Position-based iteration: the first live entry at or after pos, or -1. */
    public int nextEntry(int pos) {
        while (pos < used) {
            if (keys[pos] != null) return pos;
            pos++;
        }
        return -1;
    }

    /** Reverse iteration: the last live entry at or before pos, or -1. */
    public int prevEntry(int pos) {
        for (pos = Math.min(pos, used - 1); pos >= 0; pos--) {
            if (keys[pos] != null) return pos;
        }
        return -1;
    }

    /** The key of a live entry found by nextEntry/prevEntry (null if the dict shrank meanwhile). */
    public Object keyAt(int entry) {
        Object[] k = keys;
        return entry < k.length ? k[entry] : null;
    }

    /** The value of a live entry found by nextEntry/prevEntry (null if the dict shrank meanwhile). */
    public Object valueAt(int entry) {
        Object[] v = values;
        return entry < v.length ? v[entry] : null;
    }

    /** Removes and returns the last entry as {key, value}, or null when empty. */
    public synchronized Object[] popLast() {
        for (int i = used - 1; i >= 0; i--) {
            if (keys[i] != null) {
                Object k = keys[i];
                Object v = values[i];
                delete(k, hashes[i]);
                return new Object[] {k, v};
            }
        }
        return null;
    }

    public synchronized Object[] keysArray() {
        Object[] out = new Object[size];
        int n = 0;
        for (int i = 0; i < used; i++) if (keys[i] != null) out[n++] = keys[i];
        return out;
    }

    public synchronized Object[] valuesArray() {
        Object[] out = new Object[size];
        int n = 0;
        for (int i = 0; i < used; i++) if (keys[i] != null) out[n++] = values[i];
        return out;
    }

    /** Adds every entry of other, later keys overwriting. */
    public void putAll(PyDict other) {
        if (FreeThreading.enabled && other != this) {
            Object[] entries = other.entriesArray();
            synchronized (this) {
                for (int i = 0; i < entries.length; i += 2) store(entries[i], hashOf(entries[i]), entries[i + 1]);
            }
            return;
        }
        for (int i = other.nextEntry(0); i >= 0; i = other.nextEntry(i + 1)) {
            put(other.keys[i], other.values[i]);
        }
    }

    /** The live entries as key, value, key, value ..., read atomically. */
    public synchronized Object[] entriesArray() {
        Object[] out = new Object[size * 2];
        int n = 0;
        for (int i = 0; i < used; i++) {
            if (keys[i] != null) {
                out[n++] = keys[i];
                out[n++] = values[i];
            }
        }
        return out;
    }

    public PyDict copy() {
        PyDict d = new PyDict(size);
        d.putAll(this);
        return d;
    }

    /** Python's {@code dict.__hash__} is None. */
    @Override
    public int hashCode() {
        throw Py.typeError("unhashable type: '" + getType().getName() + "'");
    }
}
