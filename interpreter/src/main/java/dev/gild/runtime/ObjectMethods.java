package dev.gild.runtime;

/** The methods of {@code object}, the default behaviour of every class. */
final class ObjectMethods {
    static PyBuiltin GETATTRIBUTE;
    static PyBuiltin SETATTR;
    static PyBuiltin DELATTR;
    static PyBuiltin HASH;
    static PyBuiltin INIT;
    static PyBuiltin NEW;

    private ObjectMethods() {}

    static void install() {
        PyType t = PyTypes.OBJECT;
        GETATTRIBUTE = t.define("__getattribute__", (args, kw) -> {
            Args.check("__getattribute__", args, kw, 1, 1, 1);
            String name = Args.str("__getattribute__", 1, args[1]);
            Object v = Ops.genericGetattr(args[0], Ops.typeOf(args[0]), name);
            if (v == null) throw Ops.noAttribute(args[0], name);
            return v;
        });
        SETATTR = t.define("__setattr__", (args, kw) -> {
            Args.check("__setattr__", args, kw, 1, 2, 2);
            Ops.genericSetattr(args[0], Ops.typeOf(args[0]), Args.str("__setattr__", 1, args[1]), args[2]);
            return Py.None;
        });
        DELATTR = t.define("__delattr__", (args, kw) -> {
            Args.check("__delattr__", args, kw, 1, 1, 1);
            Ops.genericDelattr(args[0], Ops.typeOf(args[0]), Args.str("__delattr__", 1, args[1]));
            return Py.None;
        });
        HASH = t.define("__hash__", (args, kw) -> (long) System.identityHashCode(args[0]));
        t.define("__eq__", (args, kw) -> args[0] == args[1] ? Boolean.TRUE : Py.NotImplemented);
        t.define("__ne__", (args, kw) -> {
            Object eq = Ops.callSpecial(args[0], "__eq__", args[1]);
            if (eq == null || eq == Py.NotImplemented) return Py.NotImplemented;
            return Py.bool(!Ops.isTrue(eq));
        });
        for (String cmp : new String[] {"__lt__", "__le__", "__gt__", "__ge__"}) {
            t.define(cmp, (args, kw) -> Py.NotImplemented);
        }
        t.define("__repr__", (args, kw) -> defaultRepr(args[0]));
        t.define("__str__", (args, kw) -> Ops.repr(args[0]));
        t.define("__format__", (args, kw) -> {
            Args.check("__format__", args, kw, 1, 1, 1);
            String spec = Args.str("__format__", 1, args[1]);
            if (!spec.isEmpty()) {
                throw Py.typeError("unsupported format string passed to " + Ops.typeName(args[0]) + ".__format__");
            }
            return Ops.str(args[0]);
        });
        INIT = t.define("__init__", (args, kw) -> {
            PyType type = Ops.typeOf(args[0]);
            if (args.length > 1 && (type.lookup("__init__") != INIT || type.lookup("__new__") == NEW_STATIC)) {
                throw Py.typeError(type.getName() + ".__init__() takes exactly one argument (the instance to initialize)");
            }
            return Py.None;
        });
        NEW = t.defineStatic("__new__", (args, kw) -> {
            if (args.length == 0 || !(args[0] instanceof PyType type)) {
                throw Py.typeError("object.__new__(X): X is not a type object");
            }
            if (args.length > 1 && (type.lookup("__new__") != NEW_STATIC || type.lookup("__init__") == INIT)) {
                throw Py.typeError(type.getName() + "() takes no arguments");
            }
            return type.allocate();
        });
        NEW_STATIC = t.namespace().getStr("__new__");
        t.defineClassMethod("__init_subclass__", (args, kw) -> Py.None);
        t.defineClassMethod("__subclasshook__", (args, kw) -> Py.NotImplemented);
        t.defineGetSet("__class__", Ops::typeOf, (obj, value) -> {
            if (!(value instanceof PyType newType)) {
                throw Py.typeError("__class__ must be set to a class, not '" + Ops.typeName(value) + "' object");
            }
            if (obj instanceof PyInstance i && newType.allocator == Ops.typeOf(obj).allocator) {
                i.setType(newType);
            } else {
                throw Py.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
            }
        });
        t.defineGetSet("__dict__", obj -> {
            PyDict d = obj instanceof PyObject p ? p.getDict() : null;
            if (d == null) throw Ops.noAttribute(obj, "__dict__");
            return d;
        }, (obj, value) -> {
            throw Py.typeError("__dict__ assignment is not supported");
        });
        t.define("__dir__", (args, kw) -> BuiltinDir.dir(args[0]));
        t.define("__reduce_ex__", (args, kw) -> {
            throw Py.typeError("cannot pickle '" + Ops.typeName(args[0]) + "' object");
        });
        t.define("__sizeof__", (args, kw) -> 16L);
        t.namespace().put("__doc__", "The base class of the class hierarchy.");
    }

    /** object.__new__ as stored in the namespace (a staticmethod wrapper). */
    static Object NEW_STATIC;

    static String defaultRepr(Object o) {
        PyType type = Ops.typeOf(o);
        String module = type.getModuleName();
        String name = "builtins".equals(module) ? type.getQualname() : module + "." + type.getQualname();
        return "<" + name + " object at " + Py.addressOf(o) + ">";
    }
}
