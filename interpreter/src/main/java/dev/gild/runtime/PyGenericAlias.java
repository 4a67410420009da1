package dev.gild.runtime;

/**
 * types.GenericAlias: what {@code list[int]} or {@code dict[str, int]} evaluates to (through the
 * containers' {@code __class_getitem__}), as used in annotations. It prints as written, compares
 * by origin and arguments, and calling it calls the origin.
 */
public final class PyGenericAlias extends PyObject {
    /* Created by install(), run from PyTypes' static initialiser (through the containers' installers). */
    static PyType TYPE;

    public final Object origin;
    public final PyTuple args;

    public PyGenericAlias(Object origin, Object args) {
        this.origin = origin;
        this.args = args instanceof PyTuple t && t.getType() == PyTypes.TUPLE ? t : PyTuple.of(args);
    }

    @Override public PyType getType() { return TYPE; }

    static void install() {
        TYPE = PyTypes.newBuiltin("GenericAlias", null, false, null);
        TYPE.namespace().put("__module__", "types");
        TYPE.defineStatic("__new__", (a, kw) -> {
            Args.noKeywords("GenericAlias", kw);
            if (a.length != 3) throw Py.typeError("GenericAlias expected 2 arguments, got " + (a.length - 1));
            return new PyGenericAlias(a[1], a[2]);
        });
        TYPE.defineGetter("__origin__", o -> ((PyGenericAlias) o).origin);
        TYPE.defineGetter("__args__", o -> ((PyGenericAlias) o).args);
        TYPE.defineGetter("__parameters__", o -> PyTuple.EMPTY);
        TYPE.define("__repr__", (a, kw) -> repr(self(a)));
        TYPE.define("__call__", (a, kw) -> {
            Object[] rest = new Object[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            return Ops.call(self(a).origin, rest, kw);
        });
        TYPE.define("__eq__", (a, kw) -> {
            if (!(a[1] instanceof PyGenericAlias other)) return Py.NotImplemented;
            PyGenericAlias self = self(a);
            return Py.bool(Ops.eq(self.origin, other.origin) && Ops.eq(self.args, other.args));
        });
        TYPE.define("__hash__", (a, kw) -> {
            PyGenericAlias self = self(a);
            return Ops.hash(self.origin) ^ Ops.hash(self.args);
        });
        TYPE.define("__mro_entries__", (a, kw) -> PyTuple.of(self(a).origin));
        TYPE.define("__instancecheck__", (a, kw) -> {
            throw Py.typeError("isinstance() argument 2 cannot be a parameterized generic");
        });
        TYPE.define("__subclasscheck__", (a, kw) -> {
            throw Py.typeError("issubclass() argument 2 cannot be a parameterized generic");
        });        PyUnionType.install();
    }

    private static PyGenericAlias self(Object[] args) {
        if (args[0] instanceof PyGenericAlias g) return g;
        throw Py.typeError("descriptor requires a 'types.GenericAlias' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    /** Gives a container type {@code __class_getitem__}, so that {@code t[args]} makes a GenericAlias. */
    static void addClassGetItem(PyType t) {
        t.defineClassMethod("__class_getitem__", (a, kw) -> {
            Args.check("__class_getitem__", a, kw, 1, 1, 1);
            return new PyGenericAlias(a[0], a[1]);
        });
    }

    private static String repr(PyGenericAlias alias) {
        StringBuilder sb = new StringBuilder(itemRepr(alias.origin)).append('[');
        Object[] items = alias.args.items;
        if (items.length == 0) sb.append("()");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(itemRepr(items[i]));
        }
        return sb.append(']').toString();
    }

    /** ga_repr_item: "..." for Ellipsis, module-qualified names for classes, repr() otherwise. */
    private static String itemRepr(Object o) {
        if (o == Py.Ellipsis) return "...";
        if (o instanceof PyType t) {
            String module = t.getModuleName();
            return "builtins".equals(module) ? t.getQualname() : module + "." + t.getQualname();
        }
        return Ops.repr(o);
    }
}
