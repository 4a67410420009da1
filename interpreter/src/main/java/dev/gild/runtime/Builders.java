package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

/** The eval loop's larger instructions, kept out of the dispatch method. */
final class Builders {
    private Builders() {}

    static int buildSlice(Object[] stack, int sp, int n) {
        Object step = n == 3 ? stack[--sp] : Py.None;
        Object stop = stack[--sp];
        Object start = stack[sp - 1];
        stack[sp] = null;
        if (n == 3) stack[sp + 1] = null;
        stack[sp - 1] = new PySlice(start, stop, step);
        return sp;
    }

    static int buildSet(Object[] stack, int sp, int n) {
        PySet set = new PySet();
        for (int i = sp - n; i < sp; i++) {
            set.add(stack[i]);
            stack[i] = null;
        }
        sp -= n;
        stack[sp++] = set;
        return sp;
    }

    static int buildMap(Object[] stack, int sp, int n) {
        PyDict d = new PyDict(n);
        int base = sp - 2 * n;
        for (int i = base; i < sp; i += 2) {
            d.put(stack[i], stack[i + 1]);
            stack[i] = stack[i + 1] = null;
        }
        stack[base] = d;
        return base + 1;
    }

    static int buildConstKeyMap(Object[] stack, int sp, int n) {
        PyTuple keys = (PyTuple) stack[--sp];
        stack[sp] = null;
        PyDict d = new PyDict(n);
        int base = sp - n;
        for (int i = 0; i < n; i++) {
            d.put(keys.items[i], stack[base + i]);
            stack[base + i] = null;
        }
        stack[base] = d;
        return base + 1;
    }

    static int buildString(Object[] stack, int sp, int n) {
        StringBuilder sb = new StringBuilder();
        int base = sp - n;
        for (int i = base; i < sp; i++) {
            sb.append((String) stack[i]);
            stack[i] = null;
        }
        stack[base] = sb.toString();
        return base + 1;
    }

    static void listExtend(PyList list, Object iterable) {
        if (iterable instanceof PyList l) {
            for (int i = 0;; i++) {
                Object item = l.itemOrNull(i);
                if (item == null) break;
                list.append(item);
            }
        } else if (iterable instanceof PyTuple t) {
            for (Object o : t.items) list.append(o);
        } else {
            Object it;
            try {
                it = Ops.iter(iterable);
            } catch (PyException e) {
                if (e.matches(PyExc.TypeError) && Ops.typeOf(iterable).lookup("__iter__") == null) {
                    throw Py.typeError("Value after * must be an iterable, not " + Ops.typeName(iterable));
                }
                throw e;
            }
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) list.append(x);
        }
    }

    static void dictUpdate(PyDict target, Object m) {
        if (m instanceof PyDict d) {
            target.putAll(d);
            return;
        }
        Object keys = Ops.getattrOrNull(m, "keys");
        if (keys == null) throw Py.typeError("'" + Ops.typeName(m) + "' object is not a mapping");
        Object it = Ops.iter(Ops.call(keys));
        for (Object k = Ops.next(it); k != null; k = Ops.next(it)) target.put(k, Ops.getitem(m, k));
    }

    static void dictMerge(PyDict target, Object m, Object callable) {
        PyDict source;
        if (m instanceof PyDict d) {
            source = d;
        } else {
            Object keys = Ops.getattrOrNull(m, "keys");
            if (keys == null) {
                throw Py.typeError(functionName(callable) + " argument after ** must be a mapping, not " + Ops.typeName(m));
            }
            source = new PyDict();
            Object it = Ops.iter(Ops.call(keys));
            for (Object k = Ops.next(it); k != null; k = Ops.next(it)) source.put(k, Ops.getitem(m, k));
        }
        for (int i = source.nextEntry(0); i >= 0; i = source.nextEntry(i + 1)) {
            Object k = source.keyAt(i);
            if (!(k instanceof String)) throw Py.typeError(functionName(callable) + " keywords must be strings");
            if (target.containsKey(k)) {
                throw Py.typeError(functionName(callable) + " got multiple values for keyword argument '" + k + "'");
            }
            target.put(k, source.valueAt(i));
        }
    }

    /** "f()" / "Cls.method()" for call error messages. */
    static String functionName(Object callable) {
        if (callable instanceof PyFunction f) return f.qualname + "()";
        if (callable instanceof PyMethod m) return functionName(m.function);
        if (callable instanceof PyBuiltin b) return b.name + "()";
        if (callable instanceof PyType t) return t.getName() + "()";
        return Ops.typeName(callable) + " object";
    }

    static int formatValue(Object[] stack, int sp, int flags) {
        Object spec = (flags & 4) != 0 ? stack[--sp] : null;
        if (spec != null) stack[sp] = null;
        Object v = stack[sp - 1];
        switch (flags & 3) {
            case 1 -> v = Ops.str(v);
            case 2 -> v = Ops.repr(v);
            case 3 -> v = Ops.ascii(v);
            default -> { }
        }
        String s = spec == null ? "" : (String) Ops.unbox(spec);
        stack[sp - 1] = v instanceof String str && s.isEmpty() ? str : FormatMethods.format(v, s);
        return sp;
    }

    static int unpackSequence(Object[] stack, int sp, int n) {
        Object seq = stack[--sp];
        Object[] items;
        if (seq instanceof PyTuple t) {
            items = t.items;
        } else if (seq instanceof PyList l && !FreeThreading.enabled) {
            items = l.items;
        } else if (seq instanceof PyList l) {
            items = l.toArray();
        } else {
            items = iterateAtMost(seq, n);
        }
        int count = seq instanceof PyList l && !FreeThreading.enabled ? l.size : items.length;
        if (count != n) {
            if (count < n) {
                throw Py.valueError("not enough values to unpack (expected " + n + ", got " + count + ")");
            }
            throw Py.valueError("too many values to unpack (expected " + n + ")");
        }
        for (int i = n - 1; i >= 0; i--) stack[sp++] = items[i];
        return sp;
    }

    /** Iterates up to n + 1 items (enough to tell "too many"). */
    private static Object[] iterateAtMost(Object seq, int n) {
        Object it;
        try {
            it = Ops.iter(seq);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError)) {
                throw Py.typeError("cannot unpack non-iterable " + Ops.typeName(seq) + " object");
            }
            throw e;
        }
        PyList out = new PyList();
        for (int i = 0; i <= n; i++) {
            Object x = Ops.next(it);
            if (x == null) break;
            out.append(x);
        }
        return out.toArray();
    }

    static int unpackEx(Object[] stack, int sp, int arg) {
        int before = arg & 0xFF;
        int after = arg >> 8;
        Object seq = stack[--sp];
        Object[] items;
        try {
            items = Ops.toArray(seq);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError) && !(seq instanceof PyObject p && Ops.typeOf(p).lookup("__iter__") != null)) {
                throw Py.typeError("cannot unpack non-iterable " + Ops.typeName(seq) + " object");
            }
            throw e;
        }
        if (items.length < before + after) {
            throw Py.valueError("not enough values to unpack (expected at least " + (before + after) + ", got "
                    + items.length + ")");
        }
        for (int i = items.length - 1; i >= items.length - after; i--) stack[sp++] = items[i];
        int starLen = items.length - before - after;
        Object[] star = new Object[starLen];
        System.arraycopy(items, before, star, 0, starLen);
        stack[sp++] = new PyList(star);
        for (int i = before - 1; i >= 0; i--) stack[sp++] = items[i];
        return sp;
    }

    static int callEx(Object[] stack, int sp, int flags) {
        PyDict kwargs = (flags & 1) != 0 ? (PyDict) stack[--sp] : null;
        Object argsObj = stack[--sp];
        Object self = stack[--sp];
        Object callable = stack[sp - 1];
        stack[sp] = stack[sp + 1] = null;
        if (sp + 2 < stack.length) stack[sp + 2] = null;
        Object[] args = argsObj instanceof PyTuple t ? t.items : Ops.toArray(argsObj);
        if (self != null) {
            Object[] full = new Object[args.length + 1];
            full[0] = self;
            System.arraycopy(args, 0, full, 1, args.length);
            args = full;
        }
        String[] kwnames = null;
        if (kwargs != null && kwargs.size() > 0) {
            Object[] keys = kwargs.keysArray();
            Object[] values = kwargs.valuesArray();
            kwnames = new String[keys.length];
            Object[] full = new Object[args.length + keys.length];
            System.arraycopy(args, 0, full, 0, args.length);
            for (int i = 0; i < keys.length; i++) {
                kwnames[i] = (String) keys[i];
                full[args.length + i] = values[i];
            }
            args = full;
        }
        stack[sp - 1] = Ops.call(callable, args, kwnames);
        return sp;
    }

    static int makeFunction(Frame f, Object[] stack, int sp, int flags) {
        CodeObject code = (CodeObject) stack[--sp];
        stack[sp] = null;
        PyCell[] closure = null;
        if ((flags & 8) != 0) {
            PyTuple cells = (PyTuple) stack[--sp];
            stack[sp] = null;
            closure = new PyCell[cells.items.length];
            for (int i = 0; i < closure.length; i++) closure[i] = (PyCell) cells.items[i];
        }
        PyDict annotations = null;
        if ((flags & 4) != 0) {
            annotations = (PyDict) stack[--sp];
            stack[sp] = null;
        }
        PyDict kwDefaults = null;
        if ((flags & 2) != 0) {
            kwDefaults = (PyDict) stack[--sp];
            stack[sp] = null;
        }
        Object[] defaults = null;
        if ((flags & 1) != 0) {
            defaults = ((PyTuple) stack[--sp]).items;
            stack[sp] = null;
        }
        PyFunction fn = new PyFunction(code, f.globals, defaults, kwDefaults, closure);
        fn.annotations = annotations;
        if (code.consts.length > 0 && code.consts[0] instanceof String doc && (code.flags & CodeObject.OPTIMIZED) != 0) {
            fn.doc = doc;
        }
        stack[sp++] = fn;
        return sp;
    }

    static int beforeWith(Object[] stack, int sp) {
        Object mgr = stack[sp - 1];
        PyType t = Ops.typeOf(mgr);
        Object enter = t.lookup("__enter__");
        Object exit = t.lookup("__exit__");
        if (enter == null) {
            throw Py.typeError("'" + t.getName() + "' object does not support the context manager protocol");
        }
        if (exit == null) {
            throw Py.typeError("'" + t.getName() + "' object does not support the context manager protocol (missed __exit__ method)");
        }
        Object boundExit = Ops.bind(exit, mgr, t);
        stack[sp - 1] = boundExit;
        stack[sp++] = Ops.call(Ops.bind(enter, mgr, t));
        return sp;
    }
}
