package dev.gild.stdlib.binary;

import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/** Exception classes that Java modules define, made as a class statement would make them. */
public final class ErrorClasses {
    private ErrorClasses() {}

    public static PyType define(String module, String name, PyType base) {
        PyDict namespace = new PyDict();
        namespace.put("__module__", module);
        namespace.put("__qualname__", name);
        return new PyType(PyTypes.TYPE, name, new PyType[] {base}, namespace);
    }
}
