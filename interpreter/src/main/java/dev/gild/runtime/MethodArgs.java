package dev.gild.runtime;

/**
 * Argument checks for the methods of str, bytes and bytearray, with the messages CPython's
 * different calling conventions produce (they differ from method to method: compare
 * {@code "x".zfill()}, {@code "x".center()} and {@code "x".find()}). args[0] is the receiver.
 */
final class MethodArgs {
    private MethodArgs() {}

    /** "str.find() takes no keyword arguments". */
    static void noKeywords(String type, String name, String[] kw) {
        if (kw != null && kw.length > 0) throw Py.typeError(type + "." + name + "() takes no keyword arguments");
    }

    /** A METH_NOARGS method: "str.upper() takes no arguments (1 given)". */
    static void none(String type, String name, Object[] args, String[] kw) {
        noKeywords(type, name, kw);
        if (args.length != 1) {
            throw Py.typeError(type + "." + name + "() takes no arguments (" + (args.length - 1) + " given)");
        }
    }

    /** A METH_O method: "str.zfill() takes exactly one argument (0 given)"; returns the argument. */
    static Object one(String type, String name, Object[] args, String[] kw) {
        noKeywords(type, name, kw);
        if (args.length != 2) {
            throw Py.typeError(type + "." + name + "() takes exactly one argument (" + (args.length - 1) + " given)");
        }
        return args[1];
    }

    /** A PyArg_ParseTuple method: "find() takes at least 1 argument (0 given)". */
    static void varargs(String type, String name, Object[] args, String[] kw, int min, int max) {
        noKeywords(type, name, kw);
        int n = args.length - 1;
        if (n < min) {
            throw Py.typeError(name + "() takes at least " + min + " argument" + (min == 1 ? "" : "s") + " (" + n + " given)");
        }
        if (n > max) {
            throw Py.typeError(name + "() takes at most " + max + " argument" + (max == 1 ? "" : "s") + " (" + n + " given)");
        }
    }

    /** A _PyArg_CheckPositional method: "center expected at least 1 argument, got 0". */
    static void positional(String type, String name, Object[] args, String[] kw, int min, int max) {
        noKeywords(type, name, kw);
        int n = args.length - 1;
        if (n < min) {
            throw Py.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        }
        if (n > max) {
            throw Py.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    /**
     * A method with keyword parameters (split, encode, splitlines ...): binds positional then
     * keyword arguments to names; unset slots are null.
     */
    static Object[] keywords(String name, Object[] args, String[] kw, String[] names) {
        Object[] out = new Object[names.length];
        int nkw = kw == null ? 0 : kw.length;
        int npos = args.length - 1 - nkw;
        if (npos + nkw > names.length) {
            if (nkw == 0) {
                throw Py.typeError(name + "() takes at most " + names.length + " argument" + (names.length == 1 ? "" : "s")
                        + " (" + npos + " given)");
            }
            if (npos == 0) {
                throw Py.typeError(name + "() takes at most " + names.length + " keyword argument"
                        + (names.length == 1 ? "" : "s") + " (" + nkw + " given)");
            }
            throw Py.typeError(name + "() takes at most " + names.length + " argument" + (names.length == 1 ? "" : "s")
                    + " (" + (npos + nkw) + " given)");
        }
        System.arraycopy(args, 1, out, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int slot = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(kw[k])) slot = i;
            }
            if (slot < 0) throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for " + name + "()");
            if (slot < npos) {
                throw Py.typeError("argument for " + name + "() given by name ('" + kw[k] + "') and position (" + (slot + 1) + ")");
            }
            out[slot] = args[1 + npos + k];
        }
        return out;
    }

    /** An int argument that must fit a Java int (a size): OverflowError as CPython's ssize_t conversion. */
    static long size(Object o) {
        if (o instanceof Long l) return l;
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        throw Py.overflowError("Python int too large to convert to C ssize_t");
    }
}
