package dev.gild.runtime;

/** Python's bytearray: a mutable, growable byte array. */
public final class PyByteArray extends PyObject {
    private final PyType type;
    private PyDict dict;
    public byte[] bytes;
    public int size;

    public PyByteArray(PyType type) {
        this.type = type;
        this.bytes = new byte[0];
    }

    public PyByteArray(byte[] bytes) {
        this.type = PyTypes.BYTEARRAY;
        this.bytes = bytes;
        this.size = bytes.length;
    }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != PyTypes.BYTEARRAY && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    @Override public int hashCode() {
        throw Py.typeError("unhashable type: 'bytearray'");
    }
}
