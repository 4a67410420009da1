package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
public final class TupleMethods {
    private TupleMethods() {}

    static void install() {
    }

    /** Python's hash of a tuple. */
    public static long hash(PyTuple t) {
        long h = 0x345678L;
        for (Object o : t.items) h = h * 1000003L ^ Ops.hash(o);
        return h;
    }

}
