package dev.gild.runtime;

/** super(): attribute lookup that skips the MRO up to and including a given class. */
final class SuperMethods {
    private SuperMethods() {}

    static void install() {
        PyType t = PyTypes.SUPER;
        t.define("__init__", (args, kw) -> {
            PySuper s = (PySuper) args[0];
            int npos = Args.positional(args, kw) - 1;
            PyType thisType;
            Object obj;
            if (npos == 0) {
                Object[] implicit = Eval.implicitSuperArgs(ThreadState.current());
                thisType = (PyType) implicit[0];
                obj = implicit[1];
            } else {
                if (!(args[1] instanceof PyType tt)) {
                    throw Py.typeError("super() argument 1 must be a type, not " + Ops.typeName(args[1]));
                }
                thisType = tt;
                obj = npos > 1 ? args[2] : null;
            }
            s.thisType = thisType;
            s.obj = obj;
            if (obj != null) {
                if (obj instanceof PyType ot && ot.isSubtypeOf(thisType)) {
                    s.objType = ot;
                } else if (Ops.typeOf(obj).isSubtypeOf(thisType)) {
                    s.objType = Ops.typeOf(obj);
                } else {
                    throw Py.typeError("super(type, obj): obj must be an instance or subtype of type");
                }
            }
            return Py.None;
        });
        t.define("__getattribute__", (args, kw) -> {
            PySuper s = (PySuper) args[0];
            String name = Args.str("__getattribute__", 1, args[1]);
            if (!"__class__".equals(name)) {
                Object v = lookup(s, name);
                if (v != null) return v;
            }
            Object v = Ops.genericGetattr(s, PyTypes.SUPER, name);
            if (v == null) throw Py.attributeError("'super' object has no attribute '" + name + "'");
            return v;
        });
        t.define("__repr__", (args, kw) -> {
            PySuper s = (PySuper) args[0];
            return "<super: <class '" + s.thisType.getName() + "'>, " + (s.obj == null ? "NULL" : "<" + s.objType.getName() + " object>") + ">";
        });
    }

    /** The attribute name found after thisType in obj's MRO, bound to obj; null when absent. */
    static Object lookup(PySuper s, String name) {
        if (s.objType == null) return null;
        PyType[] mro = s.objType.getMro();
        int i = 0;
        while (i < mro.length && mro[i] != s.thisType) i++;
        for (i++; i < mro.length; i++) {
            Object v = mro[i].namespace().getStr(name);
            if (v != null) {
                Object inst = s.obj == s.objType ? null : s.obj;
                return Ops.bind(v, inst, s.objType);
            }
        }
        return null;
    }
}
