package dev.gild.stdlib.binary;

import dev.gild.runtime.Ops;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;
import java.util.Arrays;

/** Bytes-like arguments of the binary modules. */
final class Buffers {
    private Buffers() {}

    /** Work on at least this many bytes runs without the interpreter lock, as CPython's C code does. */
    static final int RELEASE_LOCK_THRESHOLD = 2048;

    /**
     * The bytes of a bytes-like object (a private copy for bytearray, so the caller may use it
     * with the interpreter lock released), or null when o is not bytes-like.
     */
    static byte[] bytesOrNull(Object o) {
        Object raw = Ops.unbox(o);
        if (raw instanceof PyBytes b) return b.bytes;
        if (raw instanceof PyByteArray ba) return Arrays.copyOf(ba.bytes, ba.size);
        return null;
    }

    /** The bytes of a bytes-like object, or TypeError "a bytes-like object is required, not 'T'". */
    static byte[] bytes(Object o) {
        byte[] b = bytesOrNull(o);
        if (b == null) throw dev.gild.runtime.Py.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
        return b;
    }
}
