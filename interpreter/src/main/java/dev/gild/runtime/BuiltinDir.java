package dev.gild.runtime;

import java.util.TreeSet;

/** dir(obj): the sorted names reachable from an object, as CPython's default {@code __dir__}. */
final class BuiltinDir {
    private BuiltinDir() {}

    static PyList dir(Object o) {
        TreeSet<String> names = new TreeSet<>();
        if (o instanceof PyModule m) {
            addKeys(names, m.dict);
        } else if (o instanceof PyType t) {
            for (PyType c : t.getMro()) addKeys(names, c.namespace());
        } else {
            if (o instanceof PyObject p && p.getDict() != null) addKeys(names, p.getDict());
            for (PyType c : Ops.typeOf(o).getMro()) addKeys(names, c.namespace());
        }
        PyList out = new PyList();
        for (String n : names) out.append(n);
        return out;
    }

    private static void addKeys(TreeSet<String> names, PyDict d) {
        for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
            if (d.keyAt(i) instanceof String s) names.add(s);
        }
    }
}
