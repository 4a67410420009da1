package dev.gild.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * id(): a number per live object, unique among live objects and stable for the object's life,
 * as CPython's addresses are. An object's id is the pseudo address its default repr shows
 * ({@link Py#addressOf}) unless another live object already holds that number (identity hash
 * codes can collide), in which case it gets a fresh one. Entries are weak, so id() keeps nothing
 * alive, and are dropped once their object is collected.
 */
final class ObjectIds {
    private ObjectIds() {}

    /** Past every address-derived id: 0x7f0000000000 + (2^31 << 4) is below it. */
    private static long nextFreshId = 0x7f1000000000L;

    /** Weakly held key compared by identity. */
    private static final class IdentityKey extends WeakReference<Object> {
        final int hash;
        final long id;

        IdentityKey(Object o, long id, ReferenceQueue<Object> queue) {
            super(o, queue);
            this.hash = System.identityHashCode(o);
            this.id = id;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object other) {
            if (this == other) return true;
            if (!(other instanceof IdentityKey k)) return false;
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }

    /** A lookup key that holds its object strongly, for probing the map. */
    private static final class Probe {
        final Object o;

        Probe(Object o) { this.o = o; }

        @Override public int hashCode() { return System.identityHashCode(o); }

        @Override public boolean equals(Object other) {
            return other instanceof IdentityKey k && k.get() == o;
        }
    }

    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Map<Object, IdentityKey> IDS = new HashMap<>();
    private static final Set<Long> TAKEN = new HashSet<>();

    static synchronized long id(Object o) {
        expunge();
        IdentityKey existing = findKey(o);
        if (existing != null) return existing.id;
        long id = 0x7f0000000000L + ((long) System.identityHashCode(o) << 4);
        if (TAKEN.contains(id)) id = nextFreshId += 16;
        IdentityKey key = new IdentityKey(o, id, QUEUE);
        IDS.put(key, key);
        TAKEN.add(id);
        return id;
    }

    private static IdentityKey findKey(Object o) {
        // HashMap.get calls probe.equals(storedKey), so a Probe finds the IdentityKey of the same object.
        @SuppressWarnings("unlikely-arg-type")
        IdentityKey k = IDS.get(new Probe(o));
        return k;
    }

    private static void expunge() {
        for (Object ref = QUEUE.poll(); ref != null; ref = QUEUE.poll()) {
            IdentityKey k = (IdentityKey) ref;
            IDS.remove(k);
            TAKEN.remove(k.id);
        }
    }
}
