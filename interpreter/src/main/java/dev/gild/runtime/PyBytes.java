package dev.gild.runtime;

/** Python's bytes: an immutable byte array. */
public final class PyBytes extends PyObject {
    public static final PyBytes EMPTY = new PyBytes(new byte[0]);

    public final byte[] bytes;

    /** Wraps the array without copying: the caller gives up ownership. */
    public PyBytes(byte[] bytes) { this.bytes = bytes; }

    public int size() { return bytes.length; }

    @Override public PyType getType() { return PyTypes.BYTES; }
}
