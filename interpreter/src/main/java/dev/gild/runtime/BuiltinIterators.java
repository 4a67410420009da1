package dev.gild.runtime;

import java.math.BigInteger;

/**
 * The iterator classes of the builtins: enumerate, zip, map, filter, reversed (all subclassable
 * types, as in CPython) and callable_iterator (iter(callable, sentinel)).
 */
final class BuiltinIterators {
    private BuiltinIterators() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType ENUMERATE;
    static PyType ZIP;
    static PyType MAP;
    static PyType FILTER;
    static PyType REVERSED;
    static PyType CALLABLE_ITERATOR;

    static void install() {
        ENUMERATE = PyTypes.newBuiltin("enumerate", null, true, null);
        ZIP = PyTypes.newBuiltin("zip", null, true, null);
        MAP = PyTypes.newBuiltin("map", null, true, null);
        FILTER = PyTypes.newBuiltin("filter", null, true, null);
        REVERSED = PyTypes.newBuiltin("reversed", null, true, null);
        CALLABLE_ITERATOR = PyTypes.newBuiltin("callable_iterator", null, false, null);
        for (PyType t : new PyType[] {ENUMERATE, ZIP, MAP, FILTER, REVERSED, CALLABLE_ITERATOR}) {
            PyIterator.installMethods(t);
        }
        ENUMERATE.defineStatic("__new__", BuiltinIterators::newEnumerate);
        ZIP.defineStatic("__new__", BuiltinIterators::newZip);
        MAP.defineStatic("__new__", BuiltinIterators::newMap);
        FILTER.defineStatic("__new__", BuiltinIterators::newFilter);
        REVERSED.defineStatic("__new__", (args, kw) -> {
            Args.noKeywords("reversed", kw);
            if (args.length != 2) throw Py.typeError("reversed expected 1 argument, got " + (args.length - 1));
            return reversed((PyType) args[0], args[1]);
        });
    }

    /** An iterator whose type may be a script subclass, which then has an instance dict. */
    abstract static class TypedIterator extends PyIterator {
        private final PyType type;
        private PyDict dict;

        TypedIterator(PyType type) { this.type = type; }

        @Override public PyType getType() { return type; }

        @Override public PyDict getDict() {
            if (dict == null && !type.builtin && type.hasInstanceDict()) dict = new PyDict();
            return dict;
        }
    }

    // ------------------------------------------------------------------ enumerate

    private static Object newEnumerate(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        int kw = Args.kwCount(kwnames);
        if (args.length - 1 > 2) {
            throw Py.typeError("enumerate() takes at most 2 arguments (" + (args.length - 1) + " given)");
        }
        Object[] bound = Args.parse("enumerate", args, kwnames, 1, new String[] {"iterable", "start"}, 0, 2);
        if (bound[0] == null) throw Py.typeError("enumerate() missing required argument 'iterable'");
        Object start = bound[1] == null ? (Object) 0L : Ops.index(bound[1]);
        return new Enumerate(cls, Ops.iter(bound[0]), start);
    }

    static final class Enumerate extends TypedIterator {
        private final Object source;
        private long count;
        /** The count once it no longer fits a long. */
        private BigInteger bigCount;

        Enumerate(PyType type, Object source, Object start) {
            super(type);
            this.source = source;
            if (start instanceof Long l) count = l;
            else bigCount = (BigInteger) start;
        }

        @Override
        public Object next() {
            Object item = Ops.next(source);
            if (item == null) return null;
            Object index;
            if (bigCount == null) {
                index = count;
                if (count == Long.MAX_VALUE) bigCount = BigInteger.valueOf(count).add(BigInteger.ONE);
                else count++;
            } else {
                index = Py.newInt(bigCount);
                bigCount = bigCount.add(BigInteger.ONE);
            }
            return PyTuple.of(index, item);
        }

        @Override public int lengthHint() { return source instanceof PyIterator p ? p.lengthHint() : -1; }
    }

    // ------------------------------------------------------------------ zip

    private static Object newZip(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        int kw = Args.kwCount(kwnames);
        boolean strict = false;
        if (kw > 1) throw Py.typeError("zip() takes at most 1 keyword argument (" + kw + " given)");
        if (kw == 1) {
            if (!kwnames[0].equals("strict")) {
                throw Py.typeError("'" + kwnames[0] + "' is an invalid keyword argument for zip()");
            }
            strict = Ops.isTrue(args[args.length - 1]);
        }
        int n = args.length - kw - 1;
        Object[] iterators = new Object[n];
        for (int i = 0; i < n; i++) iterators[i] = Ops.iter(args[1 + i]);
        return new Zip(cls, iterators, strict);
    }

    static final class Zip extends TypedIterator {
        private final Object[] iterators;
        private final boolean strict;

        Zip(PyType type, Object[] iterators, boolean strict) {
            super(type);
            this.iterators = iterators;
            this.strict = strict;
        }

        @Override
        public Object next() {
            int n = iterators.length;
            if (n == 0) return null;
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                Object item = Ops.next(iterators[i]);
                if (item == null) {
                    if (strict) checkStrict(i);
                    return null;
                }
                items[i] = item;
            }
            return new PyTuple(items);
        }

        /** zip(strict=True) found iterator i exhausted: the others must be exhausted too. */
        private void checkStrict(int i) {
            if (i > 0) {
                throw Py.valueError("zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " " : "s 1-") + i);
            }
            for (int j = 1; j < iterators.length; j++) {
                if (Ops.next(iterators[j]) != null) {
                    throw Py.valueError("zip() argument " + (j + 1) + " is longer than argument" + (j == 1 ? " " : "s 1-") + j);
                }
            }
        }

        @Override public int lengthHint() {
            int hint = Integer.MAX_VALUE;
            for (Object it : iterators) {
                int h = it instanceof PyIterator p ? p.lengthHint() : -1;
                if (h < 0) return -1;
                hint = Math.min(hint, h);
            }
            return iterators.length == 0 ? 0 : hint;
        }
    }

    // ------------------------------------------------------------------ map and filter

    private static Object newMap(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        if (cls == MAP) Args.noKeywords("map", kwnames);
        int n = args.length - Args.kwCount(kwnames) - 1;
        if (n < 2) throw Py.typeError("map() must have at least two arguments.");
        Object[] iterators = new Object[n - 1];
        for (int i = 0; i < iterators.length; i++) iterators[i] = Ops.iter(args[2 + i]);
        return new MapIterator(cls, args[1], iterators);
    }

    static final class MapIterator extends TypedIterator {
        private final Object function;
        private final Object[] iterators;

        MapIterator(PyType type, Object function, Object[] iterators) {
            super(type);
            this.function = function;
            this.iterators = iterators;
        }

        @Override
        public Object next() {
            if (iterators.length == 1) {
                Object item = Ops.next(iterators[0]);
                return item == null ? null : Ops.call(function, item);
            }
            Object[] items = new Object[iterators.length];
            for (int i = 0; i < items.length; i++) {
                Object item = Ops.next(iterators[i]);
                if (item == null) return null;
                items[i] = item;
            }
            return Ops.call(function, items, null);
        }
    }

    private static Object newFilter(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        if (cls == FILTER) Args.noKeywords("filter", kwnames);
        int n = args.length - Args.kwCount(kwnames) - 1;
        if (n != 2) throw Py.typeError("filter expected 2 arguments, got " + n);
        return new Filter(cls, args[1], Ops.iter(args[2]));
    }

    static final class Filter extends TypedIterator {
        /** The predicate, or null for None (the items' own truth). */
        private final Object predicate;
        private final Object source;

        Filter(PyType type, Object predicate, Object source) {
            super(type);
            this.predicate = predicate == Py.None || predicate == PyTypes.BOOL ? null : predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            for (Object item = Ops.next(source); item != null; item = Ops.next(source)) {
                boolean keep = predicate == null ? Ops.isTrue(item) : Ops.isTrue(Ops.call(predicate, item));
                if (keep) return item;
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ reversed

    /** reversed(seq): seq.__reversed__() when defined, else the sequence protocol backwards. */
    static Object reversed(PyType cls, Object seq) {
        PyType t = Ops.typeOf(seq);
        Object method = t.lookup("__reversed__");
        if (method == Py.None) throw Py.typeError("'" + t.getName() + "' object is not reversible");
        if (method != null) return Ops.callSpecial(seq, "__reversed__");
        if (seq instanceof PyDict || t.isSubtypeOf(PyTypes.DICT) || t.lookup("__getitem__") == null) {
            throw Py.typeError("'" + t.getName() + "' object is not reversible");
        }
        return new Reversed(cls, seq, Ops.len(seq) - 1);
    }

    static final class Reversed extends TypedIterator {
        private Object seq;
        private long index;

        Reversed(PyType type, Object seq, long index) {
            super(type);
            this.seq = seq;
            this.index = index;
        }

        @Override
        public Object next() {
            if (seq == null) return null;
            if (index >= 0) {
                try {
                    Object item = Ops.getitem(seq, index);
                    index--;
                    return item;
                } catch (PyException e) {
                    if (!e.matches(PyExc.IndexError) && !e.matches(PyExc.StopIteration)) throw e;
                }
            }
            index = -1;
            seq = null;
            return null;
        }

        @Override public int lengthHint() {
            if (seq == null) return 0;
            long n = Ops.len(seq);
            return index < n ? (int) Math.min(index + 1, Integer.MAX_VALUE) : 0;
        }
    }

    // ------------------------------------------------------------------ iter(callable, sentinel)

    static final class CallableIterator extends PyIterator {
        private Object callable;
        private Object sentinel;

        CallableIterator(Object callable, Object sentinel) {
            this.callable = callable;
            this.sentinel = sentinel;
        }

        @Override
        public Object next() {
            if (callable == null) return null;
            Object result;
            try {
                result = Ops.call(callable);
            } catch (PyException e) {
                if (!e.matches(PyExc.StopIteration)) throw e;
                callable = null;
                sentinel = null;
                return null;
            }
            if (Ops.eq(sentinel, result)) {
                callable = null;
                sentinel = null;
                return null;
            }
            return result;
        }

        @Override public PyType getType() { return CALLABLE_ITERATOR; }
    }
}
