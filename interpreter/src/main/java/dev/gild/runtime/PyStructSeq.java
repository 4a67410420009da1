package dev.gild.runtime;

/**
 * CPython's "struct sequence" types (sys.flags, time.struct_time, os.stat_result): a tuple
 * subclass whose items are also named attributes, with a repr of the form
 * {@code sys.flags(debug=0, ...)}. Instances are {@link PyTuple}s carrying the type.
 */
public final class PyStructSeq {
    private PyStructSeq() {}

    /**
     * A new struct sequence type.
     *
     * @param qualifiedName the name the repr shows ("sys.flags", "time.struct_time")
     * @param module        the type's {@code __module__}
     * @param fields        the attribute names, one per item
     */
    public static PyType newType(String qualifiedName, String module, String... fields) {
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        PyType type = PyTypes.newBuiltin(simple, PyTypes.TUPLE, false, null);
        type.namespace().put("__module__", module);
        type.namespace().put("n_fields", (long) fields.length);
        type.namespace().put("n_sequence_fields", (long) fields.length);
        type.namespace().put("_fields", PyTuple.of((Object[]) fields));
        for (int i = 0; i < fields.length; i++) {
            int index = i;
            type.defineGetter(fields[i], o -> ((PyTuple) o).items[index]);
        }
        type.define("__repr__", (args, kw) -> {
            PyTuple self = (PyTuple) args[0];
            StringBuilder sb = new StringBuilder(qualifiedName).append('(');
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(fields[i]).append('=').append(Ops.repr(self.items[i]));
            }
            return sb.append(')').toString();
        });
        return type;
    }

    /** An instance of a struct sequence type; values are taken in field order. */
    public static PyTuple make(PyType type, Object... values) {
        return new PyTuple(type, values);
    }
}
