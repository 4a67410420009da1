package dev.gild.runtime;

import dev.gild.bytecode.CompareOp;

/**
 * The methods of dict, its views (dict_keys, dict_values, dict_items) and its iterators.
 * Iterators walk {@link PyDict}'s entry positions and, as CPython's, raise RuntimeError when the
 * dict's size changes under them ("dictionary changed size during iteration") or when more keys
 * turn up than it had ("dictionary keys changed during iteration").
 */
public final class DictMethods {
    private DictMethods() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType DICT_KEYS;
    static PyType DICT_VALUES;
    static PyType DICT_ITEMS;
    static PyType KEY_ITERATOR;
    static PyType VALUE_ITERATOR;
    static PyType ITEM_ITERATOR;
    static PyType REVERSE_KEY_ITERATOR;
    static PyType REVERSE_VALUE_ITERATOR;
    static PyType REVERSE_ITEM_ITERATOR;

    /** What a view or iterator yields. */
    enum Kind { KEYS, VALUES, ITEMS }

    static void install() {
        DICT_KEYS = PyTypes.newBuiltin("dict_keys", null, false, null);
        DICT_VALUES = PyTypes.newBuiltin("dict_values", null, false, null);
        DICT_ITEMS = PyTypes.newBuiltin("dict_items", null, false, null);
        KEY_ITERATOR = PyTypes.newBuiltin("dict_keyiterator", null, false, null);
        VALUE_ITERATOR = PyTypes.newBuiltin("dict_valueiterator", null, false, null);
        ITEM_ITERATOR = PyTypes.newBuiltin("dict_itemiterator", null, false, null);
        REVERSE_KEY_ITERATOR = PyTypes.newBuiltin("dict_reversekeyiterator", null, false, null);
        REVERSE_VALUE_ITERATOR = PyTypes.newBuiltin("dict_reversevalueiterator", null, false, null);
        REVERSE_ITEM_ITERATOR = PyTypes.newBuiltin("dict_reverseitemiterator", null, false, null);
        for (PyType t : new PyType[] {KEY_ITERATOR, VALUE_ITERATOR, ITEM_ITERATOR, REVERSE_KEY_ITERATOR,
                REVERSE_VALUE_ITERATOR, REVERSE_ITEM_ITERATOR}) {
            PyIterator.installMethods(t);
        }
        installDict(PyTypes.DICT);
        installView(DICT_KEYS, Kind.KEYS);
        installView(DICT_VALUES, Kind.VALUES);
        installView(DICT_ITEMS, Kind.ITEMS);
        installSetLikeView(DICT_KEYS);
        installSetLikeView(DICT_ITEMS);
    }

    private static PyDict self(Object[] args) {
        if (args[0] instanceof PyDict d) return d;
        throw Py.typeError("descriptor requires a 'dict' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    private static void installDict(PyType t) {
        t.defineStatic("__new__", (args, kw) -> ListMethods.newTarget(args, PyTypes.DICT).allocate());
        t.define("__init__", (args, kw) -> {
            updateFromArgs("dict", self(args), args, kw);
            return Py.None;
        });
        t.define("update", (args, kw) -> {
            updateFromArgs("update", self(args), args, kw);
            return Py.None;
        });
        t.define("__len__", (args, kw) -> (long) self(args).size());
        t.define("__contains__", (args, kw) -> {
            Args.check("dict.__contains__", args, kw, 1, 1, 1);
            return Py.bool(self(args).containsKey(args[1]));
        });
        t.define("__getitem__", (args, kw) -> {
            Args.check("dict.__getitem__", args, kw, 1, 1, 1);
            return getItem(self(args), args[1]);
        });
        t.define("__setitem__", (args, kw) -> {
            Args.check("__setitem__", args, kw, 1, 2, 2);
            self(args).put(args[1], args[2]);
            return Py.None;
        });
        t.define("__delitem__", (args, kw) -> {
            Args.check("dict.__delitem__", args, kw, 1, 1, 1);
            if (self(args).remove(args[1]) == null) throw Py.keyError(args[1]);
            return Py.None;
        });
        t.define("__iter__", (args, kw) -> new DictIterator(self(args), Kind.KEYS, false));
        t.define("__reversed__", (args, kw) -> new DictIterator(self(args), Kind.KEYS, true));
        t.define("__repr__", (args, kw) -> repr(self(args)));
        t.namespace().put("__hash__", Py.None);
        PyGenericAlias.addClassGetItem(t);
        t.define("__eq__", (args, kw) -> {
            if (!(args[1] instanceof PyDict other)) return Py.NotImplemented;
            return Py.bool(dictEquals(self(args), other));
        });
        t.define("__ne__", (args, kw) -> {
            if (!(args[1] instanceof PyDict other)) return Py.NotImplemented;
            return Py.bool(!dictEquals(self(args), other));
        });
        t.define("__or__", (args, kw) -> {
            if (!(args[1] instanceof PyDict other)) return Py.NotImplemented;
            PyDict result = self(args).copy();
            merge(result, other);
            return result;
        });
        t.define("__ror__", (args, kw) -> {
            if (!(args[1] instanceof PyDict other)) return Py.NotImplemented;
            PyDict result = other.copy();
            merge(result, self(args));
            return result;
        });
        t.define("__ior__", (args, kw) -> {
            PyDict self = self(args);
            update(self, args[1]);
            return self;
        });
        t.define("keys", (args, kw) -> {
            Args.check("dict.keys", args, kw, 1, 0, 0);
            return new DictView(self(args), Kind.KEYS);
        });
        t.define("values", (args, kw) -> {
            Args.check("dict.values", args, kw, 1, 0, 0);
            return new DictView(self(args), Kind.VALUES);
        });
        t.define("items", (args, kw) -> {
            Args.check("dict.items", args, kw, 1, 0, 0);
            return new DictView(self(args), Kind.ITEMS);
        });
        t.define("get", (args, kw) -> {
            Args.check("get", args, kw, 1, 1, 2);
            Object v = self(args).get(args[1]);
            return v != null ? v : args.length > 2 ? args[2] : Py.None;
        });
        t.define("setdefault", (args, kw) -> {
            Args.check("setdefault", args, kw, 1, 1, 2);
            PyDict d = self(args);
            Object v = d.get(args[1]);
            if (v != null) return v;
            Object dflt = args.length > 2 ? args[2] : Py.None;
            d.put(args[1], dflt);
            return dflt;
        });
        t.define("pop", (args, kw) -> {
            Args.check("pop", args, kw, 1, 1, 2);
            Object v = self(args).remove(args[1]);
            if (v != null) return v;
            if (args.length > 2) return args[2];
            throw Py.keyError(args[1]);
        });
        t.define("popitem", (args, kw) -> {
            Args.check("dict.popitem", args, kw, 1, 0, 0);
            Object[] last = self(args).popLast();
            if (last == null) throw Py.raise(PyExc.KeyError, "popitem(): dictionary is empty");
            return new PyTuple(last);
        });
        t.define("clear", (args, kw) -> {
            Args.check("dict.clear", args, kw, 1, 0, 0);
            self(args).clear();
            return Py.None;
        });
        t.define("copy", (args, kw) -> {
            Args.check("dict.copy", args, kw, 1, 0, 0);
            return self(args).copy();
        });
        t.defineClassMethod("fromkeys", (args, kw) -> {
            Args.check("fromkeys", args, kw, 1, 1, 2);
            return fromKeys(args[0], args[1], args.length > 2 ? args[2] : Py.None);
        });
    }

    // ------------------------------------------------------------------ dict operations

    /** d[key], calling {@code __missing__} for subclasses that define it. */
    static Object getItem(PyDict d, Object key) {
        Object v = d.get(key);
        if (v != null) return v;
        PyType t = d.getType();
        if (t != PyTypes.DICT) {
            Object missing = t.lookup("__missing__");
            if (missing != null) return Ops.call(Ops.bind(missing, d, t), key);
        }
        throw Py.keyError(key);
    }

    /** dict.__init__ and dict.update: at most one positional mapping or iterable of pairs, then keywords. */
    private static void updateFromArgs(String fname, PyDict d, Object[] args, String[] kwnames) {
        int kw = Args.kwCount(kwnames);
        int npos = args.length - kw - 1;
        if (npos > 1) throw Py.typeError(fname + " expected at most 1 argument, got " + npos);
        if (npos == 1) update(d, args[1]);
        for (int i = 0; i < kw; i++) d.put(kwnames[i], args[1 + npos + i]);
    }

    /**
     * dict_update_arg: merges a dict, a mapping (anything with keys()) or an iterable of key/value
     * pairs into d. DICT_UPDATE and the dict() constructor use it.
     */
    public static void update(PyDict d, Object arg) {
        if (arg instanceof PyDict src && src.getType() == PyTypes.DICT) {
            merge(d, src);
        } else if (Ops.getattrOrNull(arg, "keys") != null) {
            merge(d, arg);
        } else {
            mergeFromPairs(d, arg);
        }
    }

    /** PyDict_Merge: entries of a dict whose iteration is dict's own, otherwise keys() and []. */
    public static void merge(PyDict d, Object mapping) {
        if (mapping instanceof PyDict src && Ops.typeOf(src).lookup("__iter__") == PyTypes.DICT.lookup("__iter__")) {
            if (src == d) return;
            for (int i = src.nextEntry(0); i >= 0; i = src.nextEntry(i + 1)) d.put(src.keyAt(i), src.valueAt(i));
            return;
        }
        Object keys = Ops.call(Ops.getattr(mapping, "keys"));
        Object it = Ops.iter(keys);
        for (Object k = Ops.next(it); k != null; k = Ops.next(it)) d.put(k, Ops.getitem(mapping, k));
    }

    /** PyDict_MergeFromSeq2: each element must be a 2-item iterable. */
    private static void mergeFromPairs(PyDict d, Object pairs) {
        Object it = Ops.iter(pairs);
        long index = 0;
        for (Object item = Ops.next(it); item != null; item = Ops.next(it), index++) {
            Object[] kv;
            if (item instanceof PyList l && l.getType() == PyTypes.LIST) {
                kv = l.toArray();
            } else if (item instanceof PyTuple t) {
                kv = t.items;
            } else {
                try {
                    kv = Ops.toArray(item);
                } catch (PyException e) {
                    if (!e.matches(PyExc.TypeError)) throw e;
                    throw Py.typeError("cannot convert dictionary update sequence element #" + index + " to a sequence");
                }
            }
            if (kv.length != 2) {
                throw Py.valueError("dictionary update sequence element #" + index + " has length " + kv.length
                        + "; 2 is required");
            }
            d.put(kv[0], kv[1]);
        }
    }

    /** dict.fromkeys: cls() then d[key] = value for each key (through __setitem__ for subclasses). */
    private static Object fromKeys(Object cls, Object iterable, Object value) {
        Object made = Ops.call(cls);
        boolean plain = made instanceof PyDict pd && pd.getType() == PyTypes.DICT;
        Object it = Ops.iter(iterable);
        for (Object k = Ops.next(it); k != null; k = Ops.next(it)) {
            if (plain) ((PyDict) made).put(k, value);
            else Ops.setitem(made, k, value);
        }
        return made;
    }

    /** dict_equal: same size and every key of a maps to an equal value in b. */
    static boolean dictEquals(PyDict a, PyDict b) {
        if (a == b) return true;
        if (a.size() != b.size()) return false;
        for (int i = a.nextEntry(0); i >= 0; i = a.nextEntry(i + 1)) {
            Object key = a.keyAt(i);
            Object av = a.valueAt(i);
            Object bv = b.get(key);
            if (bv == null) return false;
            if (av != bv && !Ops.eq(av, bv)) return false;
        }
        return true;
    }

    public static String repr(PyDict d) {
        if (d.size() == 0) return "{}";
        if (!Ops.reprEnter(d)) return "{...}";
        try {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
                Object key = d.keyAt(i);
                Object value = d.valueAt(i);
                if (!first) sb.append(", ");
                first = false;
                sb.append(Ops.repr(key)).append(": ").append(Ops.repr(value));
            }
            return sb.append('}').toString();
        } finally {
            Ops.reprLeave(d);
        }
    }

    // ------------------------------------------------------------------ views

    /** dict_keys, dict_values or dict_items: a live view of a dict. */
    static final class DictView extends PyObject {
        final PyDict dict;
        final Kind kind;

        DictView(PyDict dict, Kind kind) {
            this.dict = dict;
            this.kind = kind;
        }

        @Override public PyType getType() {
            return switch (kind) {
                case KEYS -> DICT_KEYS;
                case VALUES -> DICT_VALUES;
                case ITEMS -> DICT_ITEMS;
            };
        }

        /** Membership: a key for keys views, a (key, value) pair for items views. */
        boolean viewContains(Object x) {
            if (kind == Kind.KEYS) return dict.containsKey(x);
            if (!(x instanceof PyTuple t) || t.items.length != 2) return false;
            Object v = dict.get(t.items[0]);
            return v != null && (v == t.items[1] || Ops.eq(v, t.items[1]));
        }
    }

    private static DictView view(Object[] args) {
        if (args[0] instanceof DictView v) return v;
        throw Py.typeError("descriptor requires a dict view but received a '" + Ops.typeName(args[0]) + "'");
    }

    private static void installView(PyType t, Kind kind) {
        t.define("__iter__", (args, kw) -> new DictIterator(view(args).dict, kind, false));
        t.define("__reversed__", (args, kw) -> new DictIterator(view(args).dict, kind, true));
        t.define("__len__", (args, kw) -> (long) view(args).dict.size());
        t.define("__repr__", (args, kw) -> {
            DictView v = view(args);
            if (!Ops.reprEnter(v)) return "...";
            try {
                return t.getName() + "(" + ListMethods.repr(new PyList(Ops.toArray(v))) + ")";
            } finally {
                Ops.reprLeave(v);
            }
        });
    }

    private static void installSetLikeView(PyType t) {
        t.namespace().put("__hash__", Py.None);
        t.define("__contains__", (args, kw) -> Py.bool(view(args).viewContains(args[1])));
        t.define("isdisjoint", (args, kw) -> {
            Args.check("isdisjoint", args, kw, 1, 1, 1);
            return Py.bool(isDisjoint(view(args), args[1]));
        });
        t.define("__and__", (args, kw) -> intersect(args[0], args[1]));
        t.define("__rand__", (args, kw) -> intersect(args[1], args[0]));
        t.define("__or__", (args, kw) -> {
            PySet result = toSet(args[0]);
            SetMethods.update(result, args[1]);
            return result;
        });
        t.define("__ror__", (args, kw) -> {
            PySet result = toSet(args[1]);
            SetMethods.update(result, args[0]);
            return result;
        });
        t.define("__sub__", (args, kw) -> {
            PySet result = toSet(args[0]);
            SetMethods.differenceUpdate(result, args[1]);
            return result;
        });
        t.define("__rsub__", (args, kw) -> {
            PySet result = toSet(args[1]);
            SetMethods.differenceUpdate(result, args[0]);
            return result;
        });
        t.define("__xor__", (args, kw) -> symmetricDifference(args[0], args[1]));
        t.define("__rxor__", (args, kw) -> symmetricDifference(args[1], args[0]));
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> compareView(view(args), args[1], op));
        }
    }

    /** dictviews_to_set: a keys view converts through its dict (one resize up front), others by iteration. */
    private static PySet toSet(Object o) {
        if (o instanceof DictView v && v.kind == Kind.KEYS) return SetMethods.fromIterable(v.dict);
        return SetMethods.fromIterable(o);
    }

    /** _PyDictView_Intersect: iterates the smaller operand and keeps what the view contains. */
    private static Object intersect(Object self, Object other) {
        if (!(self instanceof DictView)) {
            Object tmp = other;
            other = self;
            self = tmp;
        }
        DictView v = (DictView) self;
        long lenSelf = v.dict.size();
        if (other instanceof PySet s && s.getType() == PyTypes.SET && lenSelf <= s.size()) {
            return SetMethods.intersection(s, v);
        }
        if (other instanceof DictView ov && (ov.kind != Kind.VALUES) && ov.dict.size() > lenSelf) {
            Object tmp = other;
            other = v;
            v = (DictView) tmp;
        }
        PySet result = new PySet();
        Object it = Ops.iter(other);
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
            if (v.viewContains(x)) result.add(x);
        }
        return result;
    }

    private static Object symmetricDifference(Object self, Object other) {
        if (self instanceof DictView a && a.kind == Kind.ITEMS && other instanceof DictView b && b.kind == Kind.ITEMS) {
            return itemsSymmetricDifference(a.dict, b.dict);
        }
        PySet result = toSet(self);
        SetMethods.symmetricDifferenceUpdate(result, other);
        return result;
    }

    /** dictitems_xor: pairs of d2 not equal in d1, then d1's remaining pairs. */
    private static PySet itemsSymmetricDifference(PyDict d1, PyDict d2) {
        PyDict remaining = d1.copy();
        PySet result = new PySet();
        for (int i = d2.nextEntry(0); i >= 0; i = d2.nextEntry(i + 1)) {
            Object key = d2.keyAt(i);
            Object v2 = d2.valueAt(i);
            Object v1 = remaining.get(key);
            if (v1 != null && (v1 == v2 || Ops.eq(v1, v2))) {
                remaining.remove(key);
            } else {
                result.add(PyTuple.of(key, v2));
            }
        }
        SetMethods.update(result, new DictView(remaining, Kind.ITEMS));
        return result;
    }

    private static boolean isDisjoint(DictView self, Object other) {
        if (other == self) return self.dict.size() == 0;
        Object container = self;
        Object iterated = other;
        if ((other instanceof PySet || other instanceof DictView) && Ops.len(other) > self.dict.size()) {
            container = other;
            iterated = self;
        }
        Object it = Ops.iter(iterated);
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
            if (Ops.contains(container, x)) return false;
        }
        return true;
    }

    /** dictview_richcompare: set-like comparisons against sets and keys/items views. */
    private static Object compareView(DictView self, Object other, CompareOp op) {
        if (!(other instanceof PySet) && !(other instanceof DictView ov && ov.kind != Kind.VALUES)) {
            return Py.NotImplemented;
        }
        long lenSelf = self.dict.size();
        long lenOther = Ops.len(other);
        return Py.bool(switch (op) {
            case EQ -> lenSelf == lenOther && allContainedIn(self, other);
            case NE -> !(lenSelf == lenOther && allContainedIn(self, other));
            case LT -> lenSelf < lenOther && allContainedIn(self, other);
            case LE -> lenSelf <= lenOther && allContainedIn(self, other);
            case GT -> lenSelf > lenOther && allContainedIn(other, self);
            case GE -> lenSelf >= lenOther && allContainedIn(other, self);
        });
    }

    private static boolean allContainedIn(Object self, Object other) {
        Object it = Ops.iter(self);
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
            if (!Ops.contains(other, x)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ iterators

    /** Iterates a dict's keys, values or items, forwards or backwards. */
    static final class DictIterator extends PyIterator {
        private PyDict dict;
        private final Kind kind;
        private final boolean reversed;
        private int expectedSize;
        private int pos;
        private int remaining;

        DictIterator(PyDict dict, Kind kind, boolean reversed) {
            this.dict = dict;
            this.kind = kind;
            this.reversed = reversed;
            this.expectedSize = dict.size();
            this.remaining = expectedSize;
            this.pos = reversed ? Integer.MAX_VALUE : 0;
        }

        @Override
        public Object next() {
            PyDict d = dict;
            if (d == null) return null;
            if (FreeThreading.enabled) {
                synchronized (d) {
                    return advance(d);
                }
            }
            return advance(d);
        }

        private Object advance(PyDict d) {
            if (d.size() != expectedSize) {
                expectedSize = -1;
                throw Py.runtimeError("dictionary changed size during iteration");
            }
            int entry;
            if (reversed) {
                entry = pos < 0 ? -1 : d.prevEntry(pos);
                if (entry < 0) {
                    dict = null;
                    return null;
                }
                pos = entry - 1;
            } else {
                entry = d.nextEntry(pos);
                if (entry < 0) {
                    dict = null;
                    return null;
                }
                if (remaining == 0) {
                    dict = null;
                    throw Py.runtimeError("dictionary keys changed during iteration");
                }
                pos = entry + 1;
            }
            remaining--;
            return switch (kind) {
                case KEYS -> d.keyAt(entry);
                case VALUES -> d.valueAt(entry);
                case ITEMS -> PyTuple.of(d.keyAt(entry), d.valueAt(entry));
            };
        }

        @Override public int lengthHint() { return dict == null ? 0 : Math.max(remaining, 0); }

        @Override public PyType getType() {
            return switch (kind) {
                case KEYS -> reversed ? REVERSE_KEY_ITERATOR : KEY_ITERATOR;
                case VALUES -> reversed ? REVERSE_VALUE_ITERATOR : VALUE_ITERATOR;
                case ITEMS -> reversed ? REVERSE_ITEM_ITERATOR : ITEM_ITERATOR;
            };
        }
    }
}
