package dev.gild.runtime;

/** repr of a tuple, shared by tuple.__repr__ users inside the kernel. */
final class TupleRepr {
    private TupleRepr() {}

    static String repr(PyTuple t) {
        Object[] items = t.items;
        if (items.length == 0) return "()";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Ops.repr(items[i]));
        }
        if (items.length == 1) sb.append(',');
        return sb.append(')').toString();
    }
}
