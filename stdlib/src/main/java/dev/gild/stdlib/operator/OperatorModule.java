package dev.gild.stdlib.operator;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;
import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBuiltin;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/** The operator module: the function forms of Python's operators, and the getter/caller objects. */
public final class OperatorModule implements ModuleProvider {
    static final String MODULE = "operator";

    @Override public String name() { return MODULE; }

    private static PyType moduleType(String name, PyBuiltin.Impl constructor) {
        PyType t = PyTypes.newBuiltin(name, null, false, null);
        t.namespace().put("__module__", MODULE);
        t.defineStatic("__new__", constructor);
        return t;
    }

    static final PyType ITEMGETTER = moduleType("itemgetter", (a, kw) -> {
        Args.noKeywords("itemgetter", kw);
        if (a.length < 2) throw Py.typeError("itemgetter expected 1 argument, got 0");
        return new ItemGetter(java.util.Arrays.copyOfRange(a, 1, a.length));
    });
    static final PyType ATTRGETTER = moduleType("attrgetter", (a, kw) -> {
        Args.noKeywords("attrgetter", kw);
        if (a.length < 2) throw Py.typeError("attrgetter expected 1 argument, got 0");
        String[][] paths = new String[a.length - 1][];
        for (int i = 1; i < a.length; i++) {
            if (!(Ops.unbox(a[i]) instanceof String s)) throw Py.typeError("attribute name must be a string");
            paths[i - 1] = s.split("\\.", -1);
        }
        return new AttrGetter(paths);
    });
    static final PyType METHODCALLER = moduleType("methodcaller", (a, kw) -> {
        int npos = Args.positional(a, kw);
        if (npos < 2) throw Py.typeError("methodcaller needs at least one argument, the method name");
        if (!(Ops.unbox(a[1]) instanceof String name)) throw Py.typeError("method name must be a string");
        return new MethodCaller(name, java.util.Arrays.copyOfRange(a, 2, a.length), kw);
    });

    static {
        ITEMGETTER.define("__call__", (a, kw) -> {
            Args.check("itemgetter", a, kw, 1, 1, 1);
            return ((ItemGetter) a[0]).get(a[1]);
        });
        ITEMGETTER.define("__repr__", (a, kw) -> ((ItemGetter) a[0]).repr());
        ATTRGETTER.define("__call__", (a, kw) -> {
            Args.check("attrgetter", a, kw, 1, 1, 1);
            return ((AttrGetter) a[0]).get(a[1]);
        });
        ATTRGETTER.define("__repr__", (a, kw) -> ((AttrGetter) a[0]).repr());
        METHODCALLER.define("__call__", (a, kw) -> {
            Args.check("methodcaller", a, kw, 1, 1, 1);
            return ((MethodCaller) a[0]).callOn(a[1]);
        });
        METHODCALLER.define("__repr__", (a, kw) -> ((MethodCaller) a[0]).repr());
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule(MODULE);
        binary(m, "add", BinaryOp.ADD);
        binary(m, "sub", BinaryOp.SUBTRACT);
        binary(m, "mul", BinaryOp.MULTIPLY);
        binary(m, "matmul", BinaryOp.MATRIX_MULTIPLY);
        binary(m, "truediv", BinaryOp.TRUE_DIVIDE);
        binary(m, "floordiv", BinaryOp.FLOOR_DIVIDE);
        binary(m, "mod", BinaryOp.REMAINDER);
        binary(m, "pow", BinaryOp.POWER);
        binary(m, "lshift", BinaryOp.LSHIFT);
        binary(m, "rshift", BinaryOp.RSHIFT);
        binary(m, "and_", BinaryOp.AND);
        binary(m, "or_", BinaryOp.OR);
        binary(m, "xor", BinaryOp.XOR);
        binary(m, "iadd", BinaryOp.INPLACE_ADD);
        binary(m, "isub", BinaryOp.INPLACE_SUBTRACT);
        binary(m, "imul", BinaryOp.INPLACE_MULTIPLY);
        binary(m, "imatmul", BinaryOp.INPLACE_MATRIX_MULTIPLY);
        binary(m, "itruediv", BinaryOp.INPLACE_TRUE_DIVIDE);
        binary(m, "ifloordiv", BinaryOp.INPLACE_FLOOR_DIVIDE);
        binary(m, "imod", BinaryOp.INPLACE_REMAINDER);
        binary(m, "ipow", BinaryOp.INPLACE_POWER);
        binary(m, "ilshift", BinaryOp.INPLACE_LSHIFT);
        binary(m, "irshift", BinaryOp.INPLACE_RSHIFT);
        binary(m, "iand", BinaryOp.INPLACE_AND);
        binary(m, "ior", BinaryOp.INPLACE_OR);
        binary(m, "ixor", BinaryOp.INPLACE_XOR);
        compare(m, "lt", CompareOp.LT);
        compare(m, "le", CompareOp.LE);
        compare(m, "eq", CompareOp.EQ);
        compare(m, "ne", CompareOp.NE);
        compare(m, "gt", CompareOp.GT);
        compare(m, "ge", CompareOp.GE);
        unary(m, "neg", Ops::negative);
        unary(m, "pos", Ops::positive);
        unary(m, "invert", Ops::invert);
        unary(m, "inv", Ops::invert);
        unary(m, "not_", Ops::not);
        unary(m, "truth", x -> Py.bool(Ops.isTrue(x)));
        unary(m, "index", Ops::index);
        Object builtinAbs = interp.builtinsModule.dict.getStr("abs");
        unary(m, "abs", x -> Ops.call(builtinAbs, x));
        two(m, "is_", (a, b) -> Py.bool(a == b || identical(a, b)));
        two(m, "is_not", (a, b) -> Py.bool(!(a == b || identical(a, b))));
        two(m, "contains", (a, b) -> Py.bool(Ops.contains(a, b)));
        two(m, "getitem", Ops::getitem);
        two(m, "delitem", (a, b) -> {
            Ops.delitem(a, b);
            return Py.None;
        });
        m.define("setitem", (a, kw) -> {
            Args.check("setitem", a, kw, 0, 3, 3);
            Ops.setitem(a[0], a[1], a[2]);
            return Py.None;
        });
        two(m, "concat", (a, b) -> concat(a, b, BinaryOp.ADD));
        two(m, "iconcat", (a, b) -> concat(a, b, BinaryOp.INPLACE_ADD));
        two(m, "countOf", (a, b) -> {
            long n = 0;
            Object it = Ops.iter(a);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) if (x == b || Ops.eq(x, b)) n++;
            return n;
        });
        two(m, "indexOf", (a, b) -> {
            long i = 0;
            Object it = Ops.iter(a);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it), i++) if (x == b || Ops.eq(x, b)) return i;
            throw Py.valueError("sequence.index(x): x not in sequence");
        });
        m.define("length_hint", (a, kw) -> {
            Args.check("length_hint", a, kw, 0, 1, 2);
            long fallback = 0;
            if (a.length == 2) {
                if (!(a[1] instanceof Long) && Ops.typeOf(a[1]).lookup("__index__") == null) {
                    throw Py.typeError("'" + Ops.typeName(a[1]) + "' object cannot be interpreted as an integer");
                }
                fallback = Ops.indexLong(a[1]);
            }
            return lengthHint(a[0], fallback);
        });
        m.define("call", (a, kw) -> {
            if (Args.positional(a, kw) < 1) throw Py.typeError("call() missing 1 required positional argument: 'obj'");
            return Ops.call(a[0], java.util.Arrays.copyOfRange(a, 1, a.length), kw);
        });
        m.set("itemgetter", ITEMGETTER);
        m.set("attrgetter", ATTRGETTER);
        m.set("methodcaller", METHODCALLER);
        // The dunder aliases (operator.__add__ is operator.add).
        for (String name : new String[] {"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift",
                "rshift", "and", "or", "xor", "iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod",
                "ipow", "ilshift", "irshift", "iand", "ior", "ixor", "lt", "le", "eq", "ne", "gt", "ge", "neg", "pos",
                "invert", "inv", "not", "index", "abs", "contains", "getitem", "setitem", "delitem", "concat",
                "iconcat", "call"}) {
            Object f = m.dict.getStr(name.equals("and") || name.equals("or") || name.equals("not") ? name + "_" : name);
            m.set("__" + name + "__", f);
        }
        return m;
    }

    /** Identity as the VM's IS_OP sees it: small ints are boxed per value, CPython caches them. */
    private static boolean identical(Object a, Object b) {
        return a instanceof Long x && b instanceof Long y && x.longValue() == y.longValue() && x >= -5 && x <= 256;
    }

    private static Object concat(Object a, Object b, BinaryOp op) {
        PyType t = Ops.typeOf(a);
        if (t.lookup("__getitem__") == null || a instanceof PyObject && t.lookup("__len__") == null && !(a instanceof PyTuple)
                || a instanceof Long || a instanceof Double || a instanceof Boolean) {
            throw Py.typeError("'" + t.getName() + "' object can't be concatenated");
        }
        return Ops.binaryOp(a, b, op);
    }

    static Object lengthHint(Object o, long fallback) {
        PyType t = Ops.typeOf(o);
        if (t.lookup("__len__") != null) return Ops.len(o);
        Object hint = Ops.callSpecial(o, "__length_hint__");
        if (hint == null || hint == Py.NotImplemented) return fallback;
        if (!(hint instanceof Long) && !(hint instanceof Boolean)) {
            throw Py.typeError("__length_hint__ must be an integer, not " + Ops.typeName(hint));
        }
        long v = Ops.indexLong(hint);
        if (v < 0) throw Py.valueError("__length_hint__() should return >= 0");
        return v;
    }

    private static void binary(PyModule m, String name, BinaryOp op) {
        m.define(name, (a, kw) -> {
            Args.check(name, a, kw, 0, 2, 2);
            return Ops.binaryOp(a[0], a[1], op);
        });
    }

    private static void compare(PyModule m, String name, CompareOp op) {
        m.define(name, (a, kw) -> {
            Args.check(name, a, kw, 0, 2, 2);
            return Ops.compare(a[0], a[1], op);
        });
    }

    private static void unary(PyModule m, String name, java.util.function.UnaryOperator<Object> f) {
        m.define(name, (a, kw) -> {
            Args.check(name, a, kw, 0, 1, 1);
            return f.apply(a[0]);
        });
    }

    private static void two(PyModule m, String name, java.util.function.BinaryOperator<Object> f) {
        m.define(name, (a, kw) -> {
            Args.check(name, a, kw, 0, 2, 2);
            return f.apply(a[0], a[1]);
        });
    }

    // ------------------------------------------------------------------ callable objects

    static final class ItemGetter extends PyObject {
        private final Object[] items;

        ItemGetter(Object[] items) { this.items = items; }

        Object get(Object o) {
            if (items.length == 1) return Ops.getitem(o, items[0]);
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) out[i] = Ops.getitem(o, items[i]);
            return new PyTuple(out);
        }

        String repr() {
            if (!Ops.reprEnter(this)) return "operator.itemgetter(...)";
            try {
                StringBuilder sb = new StringBuilder("operator.itemgetter(");
                for (int i = 0; i < items.length; i++) sb.append(i > 0 ? ", " : "").append(Ops.repr(items[i]));
                return sb.append(')').toString();
            } finally {
                Ops.reprLeave(this);
            }
        }

        @Override public PyType getType() { return ITEMGETTER; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    static final class AttrGetter extends PyObject {
        private final String[][] paths;

        AttrGetter(String[][] paths) { this.paths = paths; }

        private static Object resolve(Object o, String[] path) {
            for (String name : path) o = Ops.getattr(o, name);
            return o;
        }

        Object get(Object o) {
            if (paths.length == 1) return resolve(o, paths[0]);
            Object[] out = new Object[paths.length];
            for (int i = 0; i < paths.length; i++) out[i] = resolve(o, paths[i]);
            return new PyTuple(out);
        }

        String repr() {
            StringBuilder sb = new StringBuilder("operator.attrgetter(");
            for (int i = 0; i < paths.length; i++) {
                sb.append(i > 0 ? ", " : "").append(Ops.repr(String.join(".", paths[i])));
            }
            return sb.append(')').toString();
        }

        @Override public PyType getType() { return ATTRGETTER; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    static final class MethodCaller extends PyObject {
        private final String name;
        /** Positional arguments, then keyword values named by kwnames. */
        private final Object[] args;
        private final String[] kwnames;

        MethodCaller(String name, Object[] args, String[] kwnames) {
            this.name = name;
            this.args = args;
            this.kwnames = kwnames;
        }

        Object callOn(Object o) { return Ops.call(Ops.getattr(o, name), args.clone(), kwnames); }

        String repr() {
            StringBuilder sb = new StringBuilder("operator.methodcaller(").append(Ops.repr(name));
            int kw = Args.kwCount(kwnames);
            int npos = args.length - kw;
            for (int i = 0; i < npos; i++) sb.append(", ").append(Ops.repr(args[i]));
            for (int i = 0; i < kw; i++) sb.append(", ").append(kwnames[i]).append('=').append(Ops.repr(args[npos + i]));
            return sb.append(')').toString();
        }

        @Override public PyType getType() { return METHODCALLER; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }
}
