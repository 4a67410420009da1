package dev.gild.stdlib.thread;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/**
 * {@code _thread._local} (threading.local): an object whose attribute namespace is per thread.
 * The namespace is the object's __dict__ as generic attribute access sees it, held in a JVM
 * ThreadLocal (dropped with the thread). A subclass's __init__ runs again, with the constructor's
 * arguments, the first time each other thread touches the object.
 */
public final class LocalObject extends PyObject {
    public static final PyType TYPE = PyTypes.newBuiltin("_local", null, true, null);

    private final PyType type;
    private final ThreadLocal<PyDict> dicts = new ThreadLocal<>();
    /** The constructor's arguments, replayed to __init__ in each new thread. */
    private final Object[] initArgs;
    private final String[] initKwnames;

    private LocalObject(PyType type, Object[] initArgs, String[] initKwnames) {
        this.type = type;
        this.initArgs = initArgs;
        this.initKwnames = initKwnames;
        dicts.set(new PyDict());
    }

    static {
        TYPE.namespace().put("__module__", "_thread");
        TYPE.defineStatic("__new__", (args, kw) -> {
            PyType cls = (PyType) args[0];
            Object[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (rest.length > 0 && cls.lookup("__init__") == PyTypes.OBJECT.lookup("__init__")) {
                throw Py.typeError("Initialization arguments are not supported");
            }
            return new LocalObject(cls, rest, kw);
        });
    }

    @Override
    public PyType getType() { return type; }

    @Override
    public PyDict getDict() {
        PyDict d = dicts.get();
        if (d == null) {
            d = new PyDict();
            dicts.set(d);
            Object init = type.lookup("__init__");
            if (init != PyTypes.OBJECT.lookup("__init__")) Ops.call(Ops.getattr(this, "__init__"), initArgs, initKwnames);
        }
        return d;
    }
}
