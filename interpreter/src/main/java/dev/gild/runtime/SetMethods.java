package dev.gild.runtime;

/**
 * The methods of set and frozenset. Every operation builds its result the way CPython's
 * setobject.c does (which operand is copied, which one is iterated), so that results come out in
 * CPython's iteration order.
 */
public final class SetMethods {
    private SetMethods() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType SET_ITERATOR;

    static void install() {
        SET_ITERATOR = PyTypes.newBuiltin("set_iterator", null, false, null);
        PyIterator.installMethods(SET_ITERATOR);
        installShared(PyTypes.SET, "set");
        installShared(PyTypes.FROZENSET, "frozenset");
        installSetOnly(PyTypes.SET);

        PyTypes.SET.defineStatic("__new__", (args, kw) -> {
            PyType cls = ListMethods.newTarget(args, PyTypes.SET);
            if (cls == PyTypes.SET) Args.noKeywords("set", kw);
            return cls.allocate();
        });
        PyTypes.SET.define("__init__", (args, kw) -> {
            Args.noKeywords("set", kw);
            Args.check("set", args, kw, 1, 0, 1);
            PySet self = self(args);
            if (self.size() > 0) self.clear();
            if (args.length > 1) update(self, args[1]);
            return Py.None;
        });
        PyTypes.SET.namespace().put("__hash__", Py.None);

        PyTypes.FROZENSET.defineStatic("__new__", (args, kw) -> {
            PyType cls = ListMethods.newTarget(args, PyTypes.FROZENSET);
            if (cls == PyTypes.FROZENSET) Args.noKeywords("frozenset", kw);
            int n = args.length - Args.kwCount(kw) - 1;
            if (n > 1) throw Py.typeError("frozenset expected at most 1 argument, got " + n);
            if (n == 1 && cls == PyTypes.FROZENSET && args[1] instanceof PySet s && s.getType() == PyTypes.FROZENSET) {
                return s;
            }
            PySet result = (PySet) cls.allocate();
            if (n == 1) update(result, args[1]);
            return result;
        });
        PyTypes.FROZENSET.define("__hash__", (args, kw) -> self(args).frozenHash());
    }

    /**
     * Defines a set method that holds the set's monitor in free-threaded mode (see FreeThreading);
     * with the GIL the check costs one load and a branch.
     */
    private static void defineLocked(PyType t, String name, PyBuiltin.Impl impl) {
        t.define(name, (args, kw) -> {
            if (!FreeThreading.enabled || args.length == 0 || !(args[0] instanceof PySet set)) return impl.call(args, kw);
            synchronized (set) {
                return impl.call(args, kw);
            }
        });
    }

    private static PySet self(Object[] args) {
        if (args[0] instanceof PySet s) return s;
        throw Py.typeError("descriptor requires a 'set' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    /** The methods set and frozenset have in common; name is the type name for messages. */
    private static void installShared(PyType t, String name) {
        PyGenericAlias.addClassGetItem(t);
        defineLocked(t, "__len__", (args, kw) -> (long) self(args).size());
        defineLocked(t, "__contains__", (args, kw) -> {
            Args.check(name + ".__contains__", args, kw, 1, 1, 1);
            return Py.bool(self(args).contains(args[1]));
        });
        t.define("__iter__", (args, kw) -> new SetIterator(self(args)));
        t.define("__repr__", (args, kw) -> repr(self(args)));
        defineLocked(t, "copy", (args, kw) -> {
            Args.check(name + ".copy", args, kw, 1, 0, 0);
            PySet self = self(args);
            if (self.getType() == PyTypes.FROZENSET) return self;
            return copy(self);
        });
        defineLocked(t, "union", (args, kw) -> {
            Args.noKeywords(name + ".union", kw);
            PySet self = self(args);
            PySet result = copy(self);
            for (int i = 1; i < args.length; i++) {
                if (args[i] != self) update(result, args[i]);
            }
            return result;
        });
        defineLocked(t, "intersection", (args, kw) -> {
            Args.noKeywords(name + ".intersection", kw);
            return intersectionMulti(self(args), args);
        });
        defineLocked(t, "difference", (args, kw) -> {
            Args.noKeywords(name + ".difference", kw);
            PySet self = self(args);
            if (args.length == 1) return copy(self);
            PySet result = difference(self, args[1]);
            for (int i = 2; i < args.length; i++) differenceUpdate(result, args[i]);
            return result;
        });
        defineLocked(t, "symmetric_difference", (args, kw) -> {
            Args.check(name + ".symmetric_difference", args, kw, 1, 1, 1);
            return symmetricDifference(self(args), args[1]);
        });
        defineLocked(t, "issubset", (args, kw) -> {
            Args.check(name + ".issubset", args, kw, 1, 1, 1);
            return Py.bool(isSubset(self(args), args[1]));
        });
        defineLocked(t, "issuperset", (args, kw) -> {
            Args.check(name + ".issuperset", args, kw, 1, 1, 1);
            return Py.bool(isSuperset(self(args), args[1]));
        });
        defineLocked(t, "isdisjoint", (args, kw) -> {
            Args.check(name + ".isdisjoint", args, kw, 1, 1, 1);
            return Py.bool(isDisjoint(self(args), args[1]));
        });

        defineLocked(t, "__or__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return or(self(args), other);
        });
        defineLocked(t, "__ror__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return or(other, self(args));
        });
        defineLocked(t, "__and__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return intersection(self(args), other);
        });
        defineLocked(t, "__rand__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return intersection(other, self(args));
        });
        defineLocked(t, "__sub__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return difference(self(args), other);
        });
        defineLocked(t, "__rsub__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return difference(other, self(args));
        });
        defineLocked(t, "__xor__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return symmetricDifference(self(args), other);
        });
        defineLocked(t, "__rxor__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return symmetricDifference(other, self(args));
        });

        defineLocked(t, "__eq__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return Py.bool(setEquals(self(args), other));
        });
        defineLocked(t, "__ne__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return Py.bool(!setEquals(self(args), other));
        });
        defineLocked(t, "__le__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return Py.bool(isSubset(self(args), other));
        });
        defineLocked(t, "__lt__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            return Py.bool(self.size() < other.size() && isSubset(self, other));
        });
        defineLocked(t, "__ge__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            return Py.bool(isSubset(other, self(args)));
        });
        defineLocked(t, "__gt__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            return Py.bool(self.size() > other.size() && isSubset(other, self));
        });
    }

    /** The mutating methods, which frozenset lacks. */
    private static void installSetOnly(PyType t) {
        defineLocked(t, "add", (args, kw) -> {
            Args.check("set.add", args, kw, 1, 1, 1);
            self(args).add(args[1]);
            return Py.None;
        });
        defineLocked(t, "discard", (args, kw) -> {
            Args.check("set.discard", args, kw, 1, 1, 1);
            discardKey(self(args), args[1]);
            return Py.None;
        });
        defineLocked(t, "remove", (args, kw) -> {
            Args.check("set.remove", args, kw, 1, 1, 1);
            if (!discardKey(self(args), args[1])) throw Py.keyError(args[1]);
            return Py.None;
        });
        defineLocked(t, "pop", (args, kw) -> {
            Args.check("set.pop", args, kw, 1, 0, 0);
            Object key = self(args).popAny();
            if (key == null) throw Py.raise(PyExc.KeyError, "pop from an empty set");
            return key;
        });
        defineLocked(t, "clear", (args, kw) -> {
            Args.check("set.clear", args, kw, 1, 0, 0);
            self(args).clear();
            return Py.None;
        });
        defineLocked(t, "update", (args, kw) -> {
            Args.noKeywords("set.update", kw);
            PySet self = self(args);
            for (int i = 1; i < args.length; i++) update(self, args[i]);
            return Py.None;
        });
        defineLocked(t, "intersection_update", (args, kw) -> {
            Args.noKeywords("set.intersection_update", kw);
            PySet self = self(args);
            self.takeTableOf(intersectionMulti(self, args));
            return Py.None;
        });
        defineLocked(t, "difference_update", (args, kw) -> {
            Args.noKeywords("set.difference_update", kw);
            PySet self = self(args);
            for (int i = 1; i < args.length; i++) differenceUpdate(self, args[i]);
            return Py.None;
        });
        defineLocked(t, "symmetric_difference_update", (args, kw) -> {
            Args.check("set.symmetric_difference_update", args, kw, 1, 1, 1);
            symmetricDifferenceUpdate(self(args), args[1]);
            return Py.None;
        });
        defineLocked(t, "__ior__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            self.merge(other);
            return self;
        });
        defineLocked(t, "__iand__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            self.takeTableOf(intersection(self, other));
            return self;
        });
        defineLocked(t, "__isub__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            differenceUpdate(self, other);
            return self;
        });
        defineLocked(t, "__ixor__", (args, kw) -> {
            if (!(args[1] instanceof PySet other)) return Py.NotImplemented;
            PySet self = self(args);
            symmetricDifferenceUpdate(self, other);
            return self;
        });
    }

    // ------------------------------------------------------------------ building blocks

    /** An empty set of the built-in base of t: set for set subclasses, frozenset for frozenset subclasses. */
    static PySet newOfBaseType(PyType t) {
        return t.isSubtypeOf(PyTypes.SET) ? new PySet() : PySet.frozen();
    }

    /** A copy as set.copy() makes it: of the built-in base type. */
    static PySet copy(PySet s) {
        PySet result = newOfBaseType(s.getType());
        result.merge(s);
        return result;
    }

    /** A new set (of exact type set) holding the items of an iterable. */
    public static PySet fromIterable(Object iterable) {
        PySet s = new PySet();
        update(s, iterable);
        return s;
    }

    /** A new frozenset holding the items of an iterable. */
    public static PySet frozenFromIterable(Object iterable) {
        PySet s = PySet.frozen();
        update(s, iterable);
        return s;
    }

    /** set_update_internal: adds every item of an iterable (the SET_UPDATE instruction uses it too). */
    public static void update(PySet s, Object iterable) {
        if (iterable instanceof PySet other) {
            s.merge(other);
        } else if (iterable instanceof PyDict d && d.getType() == PyTypes.DICT) {
            s.mergeDictKeys(d);
        } else if (iterable instanceof PyList l && l.getType() == PyTypes.LIST) {
            for (int i = 0; i < l.size; i++) s.add(l.items[i]);
        } else if (iterable instanceof PyTuple t && t.getType() == PyTypes.TUPLE) {
            for (Object o : t.items) s.add(o);
        } else {
            Object it = Ops.iter(iterable);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) s.add(x);
        }
    }

    /** Removes key; an unhashable set key is looked up as a frozenset, as CPython does. */
    private static boolean discardKey(PySet s, Object key) {
        try {
            return s.discard(key);
        } catch (PyException e) {
            if (!(key instanceof PySet k) || !e.matches(PyExc.TypeError)) throw e;
            PySet probe = k.frozenCopy();
            return s.discardEntry(probe, probe.frozenHash());
        }
    }

    private static PySet or(PySet a, PySet b) {
        PySet result = copy(a);
        if (b != a) result.merge(b);
        return result;
    }

    private static PySet intersectionMulti(PySet self, Object[] args) {
        if (args.length == 1) return copy(self);
        PySet result = self;
        for (int i = 1; i < args.length; i++) result = intersection(result, args[i]);
        return result;
    }

    /** set_intersection: iterates the smaller set (or the iterable) and keeps what the other holds. */
    static PySet intersection(PySet so, Object other) {
        if (other == so) return copy(so);
        PySet result = newOfBaseType(so.getType());
        if (other instanceof PySet o) {
            PySet big = so;
            PySet small = o;
            if (o.size() > so.size()) {
                big = o;
                small = so;
            }
            for (int i = small.nextSlot(0); i >= 0; i = small.nextSlot(i + 1)) {
                Object key = small.keyAt(i);
                long h = small.hashAt(i);
                if (big.findSlot(key, h) >= 0) result.addEntry(key, h);
            }
            return result;
        }
        Object it = Ops.iter(other);
        for (Object key = Ops.next(it); key != null; key = Ops.next(it)) {
            long h = Ops.hash(key);
            if (so.findSlot(key, h) >= 0) result.addEntry(key, h);
        }
        return result;
    }

    /** set_difference: the keys of so that other lacks. */
    static PySet difference(PySet so, Object other) {
        int otherSize;
        if (other instanceof PySet o) {
            otherSize = o.size();
        } else if (other instanceof PyDict d && d.getType() == PyTypes.DICT) {
            otherSize = d.size();
        } else {
            return copyAndDifference(so, other);
        }
        if ((so.size() >> 2) > otherSize) return copyAndDifference(so, other);
        PySet result = newOfBaseType(so.getType());
        for (int i = so.nextSlot(0); i >= 0; i = so.nextSlot(i + 1)) {
            Object key = so.keyAt(i);
            long h = so.hashAt(i);
            boolean inOther = other instanceof PySet o ? o.findSlot(key, h) >= 0 : ((PyDict) other).containsKey(key);
            if (!inOther) result.addEntry(key, h);
        }
        return result;
    }

    private static PySet copyAndDifference(PySet so, Object other) {
        PySet result = copy(so);
        differenceUpdate(result, other);
        return result;
    }

    /** set_difference_update_internal: discards every item of other, then squeezes out dummies if many. */
    static void differenceUpdate(PySet so, Object other) {
        if (other == so) {
            so.clear();
            return;
        }
        if (other instanceof PySet o) {
            PySet source = (o.size() >> 3) > so.size() ? intersection(so, o) : o;
            for (int i = source.nextSlot(0); i >= 0; i = source.nextSlot(i + 1)) {
                so.discardEntry(source.keyAt(i), source.hashAt(i));
            }
        } else {
            Object it = Ops.iter(other);
            for (Object key = Ops.next(it); key != null; key = Ops.next(it)) discardKey(so, key);
        }
        so.compactIfSparse();
    }

    /** set_symmetric_difference: a copy of other, toggled by the keys of so. */
    static PySet symmetricDifference(PySet so, Object other) {
        PySet result = newOfBaseType(so.getType());
        update(result, other);
        symmetricDifferenceUpdate(result, so);
        return result;
    }

    static void symmetricDifferenceUpdate(PySet so, Object other) {
        if (other == so) {
            so.clear();
            return;
        }
        if (other instanceof PyDict d && d.getType() == PyTypes.DICT) {
            for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
                Object key = d.keyAt(i);
                long h = Ops.hash(key);
                if (!so.discardEntry(key, h)) so.addEntry(key, h);
            }
            return;
        }
        PySet otherSet;
        if (other instanceof PySet o) {
            otherSet = o;
        } else {
            otherSet = newOfBaseType(so.getType());
            update(otherSet, other);
        }
        for (int i = otherSet.nextSlot(0); i >= 0; i = otherSet.nextSlot(i + 1)) {
            Object key = otherSet.keyAt(i);
            long h = otherSet.hashAt(i);
            if (!so.discardEntry(key, h)) so.addEntry(key, h);
        }
    }

    static boolean isSubset(PySet so, Object other) {
        if (!(other instanceof PySet o)) return isSubset(so, fromIterable(other));
        if (so.size() > o.size()) return false;
        for (int i = so.nextSlot(0); i >= 0; i = so.nextSlot(i + 1)) {
            if (o.findSlot(so.keyAt(i), so.hashAt(i)) < 0) return false;
        }
        return true;
    }

    static boolean isSuperset(PySet so, Object other) {
        if (other instanceof PySet o) return isSubset(o, so);
        return isSubset(fromIterable(other), so);
    }

    static boolean isDisjoint(PySet so, Object other) {
        if (other == so) return so.size() == 0;
        if (other instanceof PySet o) {
            PySet small = so.size() > o.size() ? o : so;
            PySet big = small == so ? o : so;
            for (int i = small.nextSlot(0); i >= 0; i = small.nextSlot(i + 1)) {
                if (big.findSlot(small.keyAt(i), small.hashAt(i)) >= 0) return false;
            }
            return true;
        }
        Object it = Ops.iter(other);
        for (Object key = Ops.next(it); key != null; key = Ops.next(it)) {
            if (so.findSlot(key, Ops.hash(key)) >= 0) return false;
        }
        return true;
    }

    static boolean setEquals(PySet a, PySet b) {
        if (a.size() != b.size()) return false;
        long ha = a.knownHash();
        long hb = b.knownHash();
        if (a.frozen && b.frozen && ha != -1 && hb != -1 && ha != hb) return false;
        return isSubset(a, b);
    }

    static String repr(PySet s) {
        String typeName = s.getType().getName();
        if (!Ops.reprEnter(s)) return typeName + "(...)";
        try {
            if (s.size() == 0) return typeName + "()";
            StringBuilder sb = new StringBuilder();
            boolean exactSet = s.getType() == PyTypes.SET;
            if (!exactSet) sb.append(typeName).append('(');
            sb.append('{');
            Object[] keys = s.toArray();
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(keys[i]));
            }
            sb.append('}');
            if (!exactSet) sb.append(')');
            return sb.toString();
        } finally {
            Ops.reprLeave(s);
        }
    }

    /** Iterates a set's table in slot order; RuntimeError when the set changes size meanwhile. */
    static final class SetIterator extends PyIterator {
        private PySet set;
        private int expectedSize;
        private int pos;
        private int remaining;

        SetIterator(PySet set) {
            this.set = set;
            this.expectedSize = set.size();
            this.remaining = expectedSize;
        }

        @Override
        public Object next() {
            PySet s = set;
            if (s == null) return null;
            if (FreeThreading.enabled) {
                synchronized (s) {
                    return advance(s);
                }
            }
            return advance(s);
        }

        private Object advance(PySet s) {
            if (s.size() != expectedSize) {
                expectedSize = -1;
                throw Py.runtimeError("Set changed size during iteration");
            }
            int slot = s.nextSlot(pos);
            if (slot < 0) {
                set = null;
                return null;
            }
            pos = slot + 1;
            remaining--;
            return s.keyAt(slot);
        }

        @Override public int lengthHint() { return set == null ? 0 : Math.max(remaining, 0); }

        @Override public PyType getType() { return SET_ITERATOR; }
    }
}
