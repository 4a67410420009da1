package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;
import java.util.IdentityHashMap;

/**
 * The object protocol, written once: attribute access, calls, truth, repr/str, hashing,
 * comparisons, arithmetic dispatch, subscripts, iteration. The eval loop, the builtins and the
 * compiled tier all call these static helpers.
 *
 * <p>Each helper has a fast path for the exact built-in types (decided by Java class, and for
 * subclassable containers by their exact type) and a slow path that follows CPython's protocol
 * through the special methods found on the type ({@code __add__}, {@code __radd__}, ...).
 */
public final class Ops {
    private Ops() {}

    // ------------------------------------------------------------------ types

    public static PyType typeOf(Object o) {
        if (o instanceof PyObject p) return p.getType();
        if (o instanceof Long) return PyTypes.INT;
        if (o instanceof String) return PyTypes.STR;
        if (o instanceof Double) return PyTypes.FLOAT;
        if (o instanceof Boolean) return PyTypes.BOOL;
        if (o instanceof BigInteger) return PyTypes.INT;
        if (o instanceof CodeObject) return PyTypes.CODE;
        if (o == null) throw new IllegalStateException("null is not a Python value");
        throw new IllegalStateException("not a Python value: " + o.getClass().getName());
    }

    public static String typeName(Object o) { return typeOf(o).getName(); }

    public static boolean isInstance(Object o, PyType t) { return typeOf(o).isSubtypeOf(t); }

    /** The built-in value inside an instance of a subclass of int/float/str/bytes, or o itself. */
    public static Object unbox(Object o) {
        return o instanceof PyBoxed b ? b.value : o;
    }

    // ------------------------------------------------------------------ attributes

    private static boolean isDataDescriptor(Object descr) {
        if (descr instanceof PyProperty || descr instanceof PyGetSetDescriptor || descr instanceof PySlotDescriptor) return true;
        if (descr instanceof PyFunction || descr instanceof PyBuiltin || descr instanceof String || descr instanceof Long) return false;
        if (descr instanceof PyObject p && !p.getType().builtin) {
            PyType dt = p.getType();
            return dt.lookup("__set__") != null || dt.lookup("__delete__") != null;
        }
        return false;
    }

    /** The value of a class attribute reached through obj (or through the class when obj is null). */
    public static Object bind(Object descr, Object obj, PyType type) {
        if (descr instanceof PyFunction) return obj == null ? descr : new PyMethod(descr, obj);
        if (descr instanceof PyBuiltin b) {
            if (b.isBound()) return b;
            return switch (b.kind) {
                case METHOD -> obj == null ? b : b.bind(obj);
                case CLASSMETHOD -> b.bind(type);
                default -> b;
            };
        }
        if (descr instanceof PyStaticMethod s) return s.callable;
        if (descr instanceof PyClassMethod c) return new PyMethod(c.callable, type);
        if (descr instanceof PyProperty p) {
            if (obj == null) return p;
            if (p.fget == Py.None) {
                throw Py.attributeError(p.name == null ? "unreadable attribute"
                        : "property '" + p.name + "' of '" + typeName(obj) + "' object has no getter");
            }
            return call(p.fget, obj);
        }
        if (descr instanceof PyGetSetDescriptor g) return obj == null ? g : g.get(obj);
        if (descr instanceof PySlotDescriptor s) return obj == null ? s : s.get(obj);
        if (descr instanceof PyObject p && !p.getType().builtin) {
            Object get = p.getType().lookup("__get__");
            if (get != null) return call(get, descr, obj == null ? Py.None : obj, type);
        }
        return descr;
    }

    public static Object getattr(Object o, String name) {
        Object v = getattrOrNull(o, name);
        if (v == null) throw noAttribute(o, name);
        return v;
    }

    public static PyException noAttribute(Object o, String name) {
        PyException e;
        if (o instanceof PyModule m) {
            e = Py.attributeError("module '" + m.getName() + "' has no attribute '" + name + "'");
        } else if (o instanceof PyType t) {
            e = Py.attributeError("type object '" + t.getName() + "' has no attribute '" + name + "'");
        } else {
            e = Py.attributeError("'" + typeName(o) + "' object has no attribute '" + name + "'");
        }
        e.value.setAttr("name", name);
        e.value.setAttr("obj", o);
        return e;
    }

    /** getattr that returns null instead of raising AttributeError for a missing attribute. */
    public static Object getattrOrNull(Object o, String name) {
        PyType t = typeOf(o);
        // Built-in types use object's lookup, except the two whose instances forward attributes.
        if (!t.builtin && !t.usesGenericGetattribute() || o instanceof PySuper || o instanceof PyMethod) {
            Object custom = t.lookup("__getattribute__");
            if (custom != null) {
                try {
                    return call(custom, o, name);
                } catch (PyException e) {
                    if (!e.matches(PyExc.AttributeError)) throw e;
                    Object ga = t.lookup("__getattr__");
                    if (ga == null) return null;
                    return call(ga, o, name);
                }
            }
        }
        if (o instanceof PyType type) return typeGetattr(type, name);
        Object v = genericGetattr(o, t, name);
        if (v != null || t.builtin) return v;
        Object ga = t.lookup("__getattr__");
        if (ga == null) return null;
        return call(ga, o, name);
    }

    /** object.__getattribute__: data descriptors, then the instance dict, then other class attributes. */
    public static Object genericGetattr(Object o, PyType t, String name) {
        Object descr = t.lookup(name);
        if (descr != null && isDataDescriptor(descr)) return bind(descr, o, t);
        if (o instanceof PyObject p) {
            PyDict d = p.getDict();
            if (d != null) {
                Object v = d.getStr(name);
                if (v != null) return v;
            }
        }
        if (descr != null) return bind(descr, o, t);
        if (o instanceof PyModule m) {
            Object ga = m.dict.getStr("__getattr__");
            if (ga != null) {
                try {
                    return call(ga, name);
                } catch (PyException e) {
                    if (e.matches(PyExc.AttributeError)) return null;
                    throw e;
                }
            }
        }
        return null;
    }

    /** type.__getattribute__: the metatype's data descriptors, then the class's MRO, then the metatype. */
    static Object typeGetattr(PyType type, String name) {
        PyType meta = type.getType();
        Object metaAttr = meta.lookup(name);
        if (metaAttr != null && isDataDescriptor(metaAttr)) return bind(metaAttr, type, meta);
        Object v = type.lookup(name);
        if (v != null) return bind(v, null, type);
        if (metaAttr != null) return bind(metaAttr, type, meta);
        if (!meta.builtin) {
            Object ga = meta.lookup("__getattr__");
            if (ga != null) return call(ga, type, name);
        }
        return null;
    }

    public static void setattr(Object o, String name, Object value) {
        PyType t = typeOf(o);
        if (!t.builtin && !t.usesGenericSetattr()) {
            Object custom = t.lookup("__setattr__");
            if (custom != null) {
                call(custom, o, name, value);
                return;
            }
        }
        genericSetattr(o, t, name, value);
    }

    /** object.__setattr__. */
    public static void genericSetattr(Object o, PyType t, String name, Object value) {
        if (o instanceof PyType type) {
            Object metaAttr = type.getType().lookup(name);
            if (metaAttr != null && isDataDescriptor(metaAttr)) {
                setDescriptor(metaAttr, o, value);
                return;
            }
            type.setAttribute(name, value);
            return;
        }
        Object descr = t.lookup(name);
        if (descr != null && isDataDescriptor(descr)) {
            setDescriptor(descr, o, value);
            return;
        }
        PyDict d = o instanceof PyObject p ? p.getDict() : null;
        if (d == null) {
            throw Py.attributeError("'" + t.getName() + "' object has no attribute '" + name + "'");
        }
        d.put(name, value);
    }

    private static void setDescriptor(Object descr, Object o, Object value) {
        if (descr instanceof PyProperty p) {
            if (p.fset == Py.None) {
                throw Py.attributeError(p.name == null ? "can't set attribute"
                        : "property '" + p.name + "' of '" + typeName(o) + "' object has no setter");
            }
            call(p.fset, o, value);
        } else if (descr instanceof PyGetSetDescriptor g) {
            g.set(o, value);
        } else if (descr instanceof PySlotDescriptor s) {
            s.set(o, value);
        } else {
            Object set = typeOf(descr).lookup("__set__");
            if (set == null) throw Py.attributeError("__set__");
            call(set, descr, o, value);
        }
    }

    public static void delattr(Object o, String name) {
        PyType t = typeOf(o);
        if (!t.builtin) {
            Object custom = t.lookup("__delattr__");
            if (custom != ObjectMethods.DELATTR && custom != null) {
                call(custom, o, name);
                return;
            }
        }
        genericDelattr(o, t, name);
    }

    public static void genericDelattr(Object o, PyType t, String name) {
        if (o instanceof PyType type) {
            type.deleteAttribute(name);
            return;
        }
        Object descr = t.lookup(name);
        if (descr != null && isDataDescriptor(descr)) {
            if (descr instanceof PyProperty p) {
                if (p.fdel == Py.None) {
                    throw Py.attributeError(p.name == null ? "can't delete attribute"
                            : "property '" + p.name + "' of '" + typeName(o) + "' object has no deleter");
                }
                call(p.fdel, o);
            } else if (descr instanceof PySlotDescriptor s) {
                s.delete(o);
            } else if (descr instanceof PyGetSetDescriptor g) {
                throw Py.attributeError("attribute '" + g.name + "' of '" + t.getName() + "' objects is not writable");
            } else {
                Object del = typeOf(descr).lookup("__delete__");
                if (del == null) throw Py.attributeError("__delete__");
                call(del, descr, o);
            }
            return;
        }
        PyDict d = o instanceof PyObject p ? p.getDict() : null;
        if (d == null || d.remove(name) == null) throw noAttribute(o, name);
    }

    /** Looks up a special method on the type (never the instance), bound to o; null when absent. */
    public static Object lookupSpecial(Object o, String name) {
        PyType t = typeOf(o);
        Object descr = t.lookup(name);
        if (descr == null) return null;
        return bind(descr, o, t);
    }

    /** Calls the special method name on o's type with o as self; null when the type has none. */
    public static Object callSpecial(Object o, String name, Object... args) {
        Object descr = typeOf(o).lookup(name);
        if (descr == null) return null;
        Object[] full = new Object[args.length + 1];
        full[0] = o;
        System.arraycopy(args, 0, full, 1, args.length);
        return callUnbound(descr, o, full);
    }

    /** Calls a class attribute as a method of o, with full = [o, args...]. */
    private static Object callUnbound(Object descr, Object o, Object[] full) {
        if (descr instanceof PyFunction f) return f.call(full, null);
        if (descr instanceof PyBuiltin b && !b.isBound() && b.kind == PyBuiltin.Kind.METHOD) return b.impl.call(full, null);
        Object bound = bind(descr, o, typeOf(o));
        Object[] rest = new Object[full.length - 1];
        System.arraycopy(full, 1, rest, 0, rest.length);
        return call(bound, rest, null);
    }

    // ------------------------------------------------------------------ calls

    public static Object call(Object f, Object... args) {
        return call(f, args, null);
    }

    /**
     * Calls f. args holds the positional arguments and then the values of the keyword arguments
     * named by kwnames (null when there are no keyword arguments).
     */
    public static Object call(Object f, Object[] args, String[] kwnames) {
        if (f instanceof PyFunction fn) return fn.call(args, kwnames);
        if (f instanceof PyBuiltin b) return b.call(args, kwnames);
        if (f instanceof PyMethod m) {
            Object[] full = new Object[args.length + 1];
            full[0] = m.self;
            System.arraycopy(args, 0, full, 1, args.length);
            return call(m.function, full, kwnames);
        }
        if (f instanceof PyType t) return TypeMethods.callType(t, args, kwnames);
        Object dunder = typeOf(f).lookup("__call__");
        if (dunder == null) throw Py.typeError("'" + typeName(f) + "' object is not callable");
        Object[] full = new Object[args.length + 1];
        full[0] = f;
        System.arraycopy(args, 0, full, 1, args.length);
        return call(dunder, full, kwnames);
    }

    public static boolean isCallable(Object f) {
        return f instanceof PyFunction || f instanceof PyBuiltin || f instanceof PyMethod || f instanceof PyType
                || typeOf(f).lookup("__call__") != null;
    }

    // ------------------------------------------------------------------ truth

    public static boolean isTrue(Object o) {
        if (o instanceof Boolean b) return b;
        if (o == Py.None) return false;
        if (o instanceof Long l) return l != 0;
        if (o instanceof String s) return !s.isEmpty();
        if (o instanceof PyList l && l.getType() == PyTypes.LIST) return l.size != 0;
        if (o instanceof Double d) return d != 0.0;
        if (o instanceof PyTuple t && t.getType() == PyTypes.TUPLE) return t.items.length != 0;
        if (o instanceof PyDict d && d.getType() == PyTypes.DICT) return d.size() != 0;
        if (o instanceof BigInteger) return true;
        PyType t = typeOf(o);
        Object bool = t.lookup("__bool__");
        if (bool != null) {
            Object r = callUnbound(bool, o, new Object[] {o});
            if (r instanceof Boolean b) return b;
            throw Py.typeError("__bool__ should return bool, returned " + typeName(r));
        }
        Object len = t.lookup("__len__");
        if (len != null) return len(o) != 0;
        return true;
    }

    public static Object not(Object o) { return isTrue(o) ? Boolean.FALSE : Boolean.TRUE; }

    // ------------------------------------------------------------------ repr and str

    public static String repr(Object o) {
        if (o instanceof String s) return StrMethods.repr(s);
        if (o instanceof Long || o instanceof BigInteger) return o.toString();
        if (o instanceof Boolean b) return b ? "True" : "False";
        if (o instanceof Double d) return FloatMethods.repr(d);
        if (o instanceof PySingleton s) return s.repr();
        Object r = callSpecial(o, "__repr__");
        if (r instanceof String s) return s;
        if (r instanceof PyBoxed b && b.value instanceof String s) return s;
        throw Py.typeError("__repr__ returned non-string (type " + typeName(r) + ")");
    }

    public static String str(Object o) {
        if (o instanceof String s) return s;
        if (o instanceof Long || o instanceof BigInteger) return o.toString();
        if (o instanceof Boolean b) return b ? "True" : "False";
        if (o instanceof Double d) return FloatMethods.repr(d);
        if (o instanceof PySingleton s) return s.repr();
        Object r = callSpecial(o, "__str__");
        if (r instanceof String s) return s;
        if (r instanceof PyBoxed b && b.value instanceof String s) return s;
        throw Py.typeError("__str__ returned non-string (type " + typeName(r) + ")");
    }

    public static String ascii(Object o) { return StrMethods.asciiEscape(repr(o)); }

    private static final ThreadLocal<IdentityHashMap<Object, Boolean>> REPR_GUARD =
            ThreadLocal.withInitial(IdentityHashMap::new);

    /** Guards recursive reprs of containers: false when o's repr is already in progress on this thread. */
    public static boolean reprEnter(Object o) {
        return REPR_GUARD.get().put(o, Boolean.TRUE) == null;
    }

    public static void reprLeave(Object o) { REPR_GUARD.get().remove(o); }

    // ------------------------------------------------------------------ hashing and equality

    /** Python's hash(): equal numbers hash equal across int, float and bool. */
    public static long hash(Object o) {
        if (o instanceof String s) return s.hashCode();
        if (o instanceof Long l) return NumberOps.hashLong(l);
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof Double d) return NumberOps.hashDouble(d);
        if (o instanceof BigInteger b) return NumberOps.hashBig(b);
        if (o instanceof PyTuple t && t.getType() == PyTypes.TUPLE) return TupleMethods.hash(t);
        if (o instanceof PyBoxed b && typeOf(o).lookup("__hash__") == typeOf(b.value).lookup("__hash__")) return hash(b.value);
        Object h = typeOf(o).lookup("__hash__");
        if (h == null || h == Py.None) throw Py.typeError("unhashable type: '" + typeName(o) + "'");
        if (h == ObjectMethods.HASH) return System.identityHashCode(o);
        Object r = callUnbound(h, o, new Object[] {o});
        if (r instanceof Long l) return l == -1 ? -2 : l;
        if (r instanceof Boolean b) return b ? 1 : 0;
        if (r instanceof BigInteger b) return NumberOps.hashBig(b);
        throw Py.typeError("__hash__ method should return an integer");
    }

    /** a == b as a Java boolean, with the identity shortcut that containers use. */
    public static boolean eq(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof String s) {
            if (b instanceof String) return s.equals(b);
        } else if (a instanceof Long x) {
            if (b instanceof Long y) return x.longValue() == y.longValue();
        }
        return isTrue(compare(a, b, CompareOp.EQ));
    }

    /** Rich comparison: the result of __lt__ and friends, with the reflected fallback. */
    public static Object compare(Object a, Object b, CompareOp op) {
        if (NumberOps.isNumber(a) && NumberOps.isNumber(b)) return NumberOps.compare(op, a, b);
        if (a instanceof String x && b instanceof String y) {
            int c = StrMethods.compare(x, y);
            return Py.bool(switch (op) {
                case LT -> c < 0; case LE -> c <= 0; case EQ -> c == 0; case NE -> c != 0; case GT -> c > 0; case GE -> c >= 0;
            });
        }
        PyType ta = typeOf(a);
        PyType tb = typeOf(b);
        boolean reflectedFirst = ta != tb && tb.isSubtypeOf(ta) && tb.lookup(op.swapped().dunder) != ta.lookup(op.swapped().dunder);
        if (reflectedFirst) {
            Object r = callSpecial(b, op.swapped().dunder, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        Object r = callSpecial(a, op.dunder, b);
        if (r != null && r != Py.NotImplemented) return r;
        if (!reflectedFirst) {
            r = callSpecial(b, op.swapped().dunder, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        if (op == CompareOp.EQ) return Py.bool(a == b);
        if (op == CompareOp.NE) return Py.bool(a != b);
        throw Py.typeError("'" + op.symbol + "' not supported between instances of '" + ta.getName()
                + "' and '" + tb.getName() + "'");
    }

    public static boolean lessThan(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return x < y;
        return isTrue(compare(a, b, CompareOp.LT));
    }

    // ------------------------------------------------------------------ arithmetic

    public static Object binaryOp(Object a, Object b, BinaryOp op) {
        if (NumberOps.isNumber(a) && NumberOps.isNumber(b)) {
            Object r = NumberOps.binary(op.base(), a, b);
            if (r != Py.NotImplemented) return r;
        }
        if (op.isInplace()) {
            Object r = callSpecial(a, op.dunder, b);
            if (r != null && r != Py.NotImplemented) return r;
        }
        BinaryOp base = op.base();
        PyType ta = typeOf(a);
        PyType tb = typeOf(b);
        String reflected = base.reflected();
        boolean reflectedFirst = ta != tb && tb.isSubtypeOf(ta) && tb.lookup(reflected) != null
                && tb.lookup(reflected) != ta.lookup(reflected);
        if (reflectedFirst) {
            Object r = callSpecial(b, reflected, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        Object r = callSpecial(a, base.dunder, b);
        if (r != null && r != Py.NotImplemented) return r;
        if (ta != tb && !reflectedFirst) {
            r = callSpecial(b, reflected, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        throw binaryTypeError(a, b, op);
    }

    private static PyException binaryTypeError(Object a, Object b, BinaryOp op) {
        BinaryOp base = op.base();
        if (base == BinaryOp.ADD) {
            if (a instanceof String || a instanceof PyBoxed x && x.value instanceof String) {
                return Py.typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
            }
            if (a instanceof PyList && !(b instanceof PyList)) {
                return Py.typeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
            }
            if (a instanceof PyTuple && !(b instanceof PyTuple)) {
                return Py.typeError("can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
            }
        }
        if (base == BinaryOp.MULTIPLY && (isSequence(a) || isSequence(b))) {
            Object other = isSequence(a) ? b : a;
            return Py.typeError("can't multiply sequence by non-int of type '" + typeName(other) + "'");
        }
        String symbol = base == BinaryOp.POWER && !op.isInplace() ? "** or pow()" : op.symbol;
        return Py.typeError("unsupported operand type(s) for " + symbol + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof PyList || o instanceof PyTuple || o instanceof PyBytes
                || o instanceof PyByteArray;
    }

    public static Object negative(Object a) {
        if (NumberOps.isNumber(a)) return NumberOps.negative(a);
        Object r = callSpecial(a, "__neg__");
        if (r == null) throw Py.typeError("bad operand type for unary -: '" + typeName(a) + "'");
        return r;
    }

    public static Object positive(Object a) {
        if (NumberOps.isNumber(a)) return NumberOps.positive(a);
        Object r = callSpecial(a, "__pos__");
        if (r == null) throw Py.typeError("bad operand type for unary +: '" + typeName(a) + "'");
        return r;
    }

    public static Object invert(Object a) {
        if (a instanceof Long || a instanceof BigInteger || a instanceof Boolean) return NumberOps.invert(a);
        Object r = callSpecial(a, "__invert__");
        if (r == null) throw Py.typeError("bad operand type for unary ~: '" + typeName(a) + "'");
        return r;
    }

    /** operator.index(o): an int (Long or BigInteger) from an int-like object. */
    public static Object index(Object o) {
        if (o instanceof Long || o instanceof BigInteger) return o;
        if (o instanceof Boolean b) return b ? 1L : 0L;
        Object r = callSpecial(o, "__index__");
        if (r == null) {
            throw Py.typeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
        }
        if (r instanceof Long || r instanceof BigInteger) return r;
        if (r instanceof Boolean b) return b ? 1L : 0L;
        throw Py.typeError("__index__ returned non-int (type " + typeName(r) + ")");
    }

    /** index(o) as a Java long; OverflowError past 64 bits. */
    public static long indexLong(Object o) {
        if (o instanceof Long l) return l;
        Object i = index(o);
        if (i instanceof Long l) return l;
        throw Py.raise(PyExc.IndexError, "cannot fit 'int' into an index-sized integer");
    }

    /** index(o) as a Java int for sizes and positions, clamped errors as CPython's. */
    public static int indexInt(Object o) {
        long v = indexLong(o);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw Py.raise(PyExc.IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return (int) v;
    }

    // ------------------------------------------------------------------ containers

    public static long len(Object o) {
        if (o instanceof String s) return StrMethods.length(s);
        if (o instanceof PyList l) return l.size;
        if (o instanceof PyTuple t) return t.items.length;
        if (o instanceof PyDict d) return d.size();
        Object r = callSpecial(o, "__len__");
        if (r == null) throw Py.typeError("object of type '" + typeName(o) + "' has no len()");
        if (r instanceof Boolean b) return b ? 1 : 0;
        if (!(r instanceof Long) && !(r instanceof BigInteger)) {
            throw Py.typeError("'" + typeName(r) + "' object cannot be interpreted as an integer");
        }
        if (r instanceof BigInteger) throw Py.overflowError("cannot fit 'int' into an index-sized integer");
        long n = (Long) r;
        if (n < 0) throw Py.valueError("__len__() should return >= 0");
        return n;
    }

    public static Object getitem(Object o, Object key) {
        if (o instanceof PyList l && key instanceof Long i && l.getType() == PyTypes.LIST) {
            if (FreeThreading.enabled) return ListMethods.lockedGetItem(l, i);
            long idx = i < 0 ? i + l.size : i;
            if (idx < 0 || idx >= l.size) throw Py.indexError("list index out of range");
            return l.items[(int) idx];
        }
        if (o instanceof PyDict d && d.getType() == PyTypes.DICT) {
            Object v = d.get(key);
            if (v == null) throw Py.keyError(key);
            return v;
        }
        Object r = callSpecial(o, "__getitem__", key);
        if (r != null) return r;
        if (o instanceof PyType t) {
            Object cgi = t.lookup("__class_getitem__");
            if (cgi != null) return call(bind(cgi, null, t), key);
            throw Py.typeError("type '" + t.getName() + "' is not subscriptable");
        }
        throw Py.typeError("'" + typeName(o) + "' object is not subscriptable");
    }

    public static void setitem(Object o, Object key, Object value) {
        if (o instanceof PyList l && key instanceof Long i && l.getType() == PyTypes.LIST) {
            if (FreeThreading.enabled) {
                ListMethods.lockedSetItem(l, i, value);
                return;
            }
            long idx = i < 0 ? i + l.size : i;
            if (idx < 0 || idx >= l.size) throw Py.indexError("list assignment index out of range");
            l.items[(int) idx] = value;
            return;
        }
        if (o instanceof PyDict d && d.getType() == PyTypes.DICT) {
            d.put(key, value);
            return;
        }
        if (callSpecial(o, "__setitem__", key, value) == null) {
            throw Py.typeError("'" + typeName(o) + "' object does not support item assignment");
        }
    }

    public static void delitem(Object o, Object key) {
        if (o instanceof PyDict d && d.getType() == PyTypes.DICT) {
            if (d.remove(key) == null) throw Py.keyError(key);
            return;
        }
        if (callSpecial(o, "__delitem__", key) == null) {
            throw Py.typeError("'" + typeName(o) + "' object doesn't support item deletion");
        }
    }

    public static boolean contains(Object container, Object item) {
        if (container instanceof PyDict d && d.getType() == PyTypes.DICT) return d.containsKey(item);
        if (container instanceof PySet s && (s.getType() == PyTypes.SET || s.getType() == PyTypes.FROZENSET)) return s.contains(item);
        Object r = callSpecial(container, "__contains__", item);
        if (r != null) return isTrue(r);
        PyType t = typeOf(container);
        if (t.lookup("__iter__") == null && t.lookup("__getitem__") == null) {
            throw Py.typeError("argument of type '" + t.getName() + "' is not iterable");
        }
        Object it = iter(container);
        for (Object x = next(it); x != null; x = next(it)) {
            if (x == item || eq(x, item)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ iteration

    public static Object iter(Object o) {
        if (o instanceof PyIterator) return o;
        Object it = callSpecial(o, "__iter__");
        if (it != null) {
            if (!(it instanceof PyIterator) && typeOf(it).lookup("__next__") == null) {
                throw Py.typeError("iter() returned non-iterator of type '" + typeName(it) + "'");
            }
            return it;
        }
        if (typeOf(o).lookup("__getitem__") != null) return new SequenceIterator(o);
        throw Py.typeError("'" + typeName(o) + "' object is not iterable");
    }

    /** The next item of an iterator, or null when it is exhausted. */
    public static Object next(Object it) {
        if (it instanceof PyIterator p) return p.next();
        Object nextMethod = typeOf(it).lookup("__next__");
        if (nextMethod == null) throw Py.typeError("'" + typeName(it) + "' object is not an iterator");
        try {
            return callUnbound(nextMethod, it, new Object[] {it});
        } catch (PyException e) {
            if (e.matches(PyExc.StopIteration)) return null;
            throw e;
        }
    }

    /** All items of an iterable, as a fresh array. */
    public static Object[] toArray(Object iterable) {
        if (iterable instanceof PyList l) return l.toArray();
        if (iterable instanceof PyTuple t) return t.items.clone();
        PyList out = new PyList();
        Object it = iter(iterable);
        for (Object x = next(it); x != null; x = next(it)) out.append(x);
        return out.toArray();
    }

    /** Iterates with the old __getitem__ protocol until IndexError. */
    static final class SequenceIterator extends PyIterator {
        static final PyType TYPE = PyTypes.newBuiltin("iterator", null, false, null);

        static {
            installMethods(TYPE);
        }

        private Object seq;
        private long index;

        SequenceIterator(Object seq) { this.seq = seq; }

        @Override
        public Object next() {
            if (seq == null) return null;
            try {
                return getitem(seq, index++);
            } catch (PyException e) {
                if (e.matches(PyExc.IndexError) || e.matches(PyExc.StopIteration)) {
                    seq = null;
                    return null;
                }
                throw e;
            }
        }

        @Override public PyType getType() { return TYPE; }
    }
}
