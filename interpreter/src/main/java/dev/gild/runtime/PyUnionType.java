package dev.gild.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * types.UnionType: what {@code int | None} or {@code list[int] | str} evaluates to (PEP 604).
 * Its arguments are flattened (a union inside a union adds its own arguments), repeats are
 * dropped, and None is kept as NoneType; a union of one distinct argument is that argument.
 * isinstance and issubclass accept it as they accept a tuple of its arguments.
 */
public final class PyUnionType extends PyObject {
    static PyType TYPE;

    public final PyTuple args;

    private PyUnionType(PyTuple args) {
        this.args = args;
    }

    @Override public PyType getType() { return TYPE; }

    /** Installs types.UnionType and {@code __or__}/{@code __ror__} on type and GenericAlias. */
    static void install() {
        TYPE = PyTypes.newBuiltin("UnionType", null, false, null);
        TYPE.namespace().put("__module__", "types");
        TYPE.defineGetter("__args__", o -> ((PyUnionType) o).args);
        TYPE.defineGetter("__parameters__", o -> PyTuple.EMPTY);
        TYPE.define("__repr__", (a, kw) -> repr((PyUnionType) a[0]));
        TYPE.define("__eq__", (a, kw) -> {
            if (!(a[1] instanceof PyUnionType other)) return Py.NotImplemented;
            PyUnionType self = (PyUnionType) a[0];
            return Py.bool(sameMembers(self.args.items, other.args.items)
                    && sameMembers(other.args.items, self.args.items));
        });
        TYPE.define("__hash__", (a, kw) -> {
            long h = 0;
            for (Object arg : ((PyUnionType) a[0]).args.items) h ^= Ops.hash(arg);
            return h;
        });
        TYPE.define("__instancecheck__", (a, kw) -> {
            for (Object arg : ((PyUnionType) a[0]).args.items) {
                if (BuiltinFunctions.isInstance(a[1], arg)) return Boolean.TRUE;
            }
            return Boolean.FALSE;
        });
        TYPE.define("__subclasscheck__", (a, kw) -> {
            for (Object arg : ((PyUnionType) a[0]).args.items) {
                if (BuiltinFunctions.isSubclass(a[1], arg)) return Boolean.TRUE;
            }
            return Boolean.FALSE;
        });
        for (PyType t : new PyType[] {TYPE, PyTypes.TYPE, PyGenericAlias.TYPE}) {
            t.define("__or__", (a, kw) -> of(a[0], a[1]));
            t.define("__ror__", (a, kw) -> of(a[1], a[0]));
        }
    }

    /** {@code left | right}, or NotImplemented when either side cannot be part of a union. */
    static Object of(Object left, Object right) {
        if (!unionable(left) || !unionable(right)) return Py.NotImplemented;
        List<Object> members = new ArrayList<>();
        add(members, left);
        add(members, right);
        if (members.size() == 1) return members.get(0);
        return new PyUnionType(PyTuple.of(members.toArray()));
    }

    private static boolean unionable(Object o) {
        return o == Py.None || o instanceof PyType || o instanceof PyGenericAlias || o instanceof PyUnionType;
    }

    private static void add(List<Object> members, Object o) {
        if (o instanceof PyUnionType u) {
            for (Object arg : u.args.items) add(members, arg);
            return;
        }
        Object member = o == Py.None ? Ops.typeOf(Py.None) : o;
        for (Object m : members) {
            if (m == member || Ops.eq(m, member)) return;
        }
        members.add(member);
    }

    private static boolean sameMembers(Object[] some, Object[] others) {
        outer:
        for (Object a : some) {
            for (Object b : others) {
                if (a == b || Ops.eq(a, b)) continue outer;
            }
            return false;
        }
        return true;
    }

    private static String repr(PyUnionType union) {
        StringBuilder sb = new StringBuilder();
        for (Object arg : union.args.items) {
            if (sb.length() > 0) sb.append(" | ");
            if (arg == Ops.typeOf(Py.None)) {
                sb.append("None");
            } else if (arg instanceof PyType t) {
                String module = t.getModuleName();
                sb.append("builtins".equals(module) ? t.getQualname() : module + "." + t.getQualname());
            } else {
                sb.append(Ops.repr(arg));
            }
        }
        return sb.toString();
    }
}
