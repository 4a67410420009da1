package dev.gild.runtime;

/**
 * Argument checking for builtins, with CPython's error messages. A builtin receives
 * {@code (args, kwnames)}: positional arguments, then the values of the keyword arguments named in
 * kwnames (null when none). For methods args[0] is the receiver; pass {@code skip = 1} so counts
 * in messages exclude it.
 */
public final class Args {
    private Args() {}

    public static int kwCount(String[] kwnames) { return kwnames == null ? 0 : kwnames.length; }

    /** Number of positional arguments. */
    public static int positional(Object[] args, String[] kwnames) { return args.length - kwCount(kwnames); }

    /** TypeError "f() takes no keyword arguments" when any keyword was given. */
    public static void noKeywords(String fname, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) throw Py.typeError(fname + "() takes no keyword arguments");
    }

    /**
     * Checks a builtin that takes between min and max positional arguments (receiver excluded via
     * skip) and no keywords; messages as CPython's METH_VARARGS functions:
     * "f expected at most 2 arguments, got 3", "f expected at least 1 argument, got 0",
     * "f() takes exactly one argument (2 given)", "f() takes no arguments (1 given)".
     */
    public static void check(String fname, Object[] args, String[] kwnames, int skip, int min, int max) {
        noKeywords(fname, kwnames);
        int n = args.length - skip;
        if (n >= min && n <= max) return;
        if (min == max) {
            if (min == 0) throw Py.typeError(fname + "() takes no arguments (" + n + " given)");
            if (min == 1) throw Py.typeError(fname + "() takes exactly one argument (" + n + " given)");
            throw Py.typeError(fname + " expected " + min + " arguments, got " + n);
        }
        if (n > max) {
            throw Py.typeError(fname + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
        throw Py.typeError(fname + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
    }

    /**
     * Binds arguments to named parameters as a Python signature would: positional first, then
     * keywords by name. Returns one slot per name, null where not given. The first
     * {@code required} parameters must be given; at most {@code maxPositional} may be given
     * positionally (parameters after that are keyword-only). skip leading args (receivers) are
     * not bound.
     */
    public static Object[] parse(String fname, Object[] args, String[] kwnames, int skip, String[] names,
                                 int required, int maxPositional) {
        Object[] out = new Object[names.length];
        int kw = kwCount(kwnames);
        int npos = args.length - kw - skip;
        if (npos > maxPositional) {
            throw Py.typeError(fname + "() takes at most " + maxPositional + " positional argument"
                    + (maxPositional == 1 ? "" : "s") + " (" + npos + " given)");
        }
        for (int i = 0; i < npos; i++) out[i] = args[skip + i];
        for (int k = 0; k < kw; k++) {
            String name = kwnames[k];
            int slot = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    slot = i;
                    break;
                }
            }
            if (slot < 0) throw Py.typeError(fname + "() got an unexpected keyword argument '" + name + "'");
            if (out[slot] != null) {
                throw Py.typeError("argument for " + fname + "() given by name ('" + name + "') and position (" + (slot + 1) + ")");
            }
            out[slot] = args[args.length - kw + k];
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                throw Py.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return out;
    }

    public static Object[] parse(String fname, Object[] args, String[] kwnames, String[] names, int required) {
        return parse(fname, args, kwnames, 0, names, required, names.length);
    }

    /** The argument as a Java String, or TypeError "f() argument N must be str, not int". */
    public static String str(String fname, int position, Object o) {
        if (o instanceof String s) return s;
        if (o instanceof PyBoxed b && b.value instanceof String s) return s;
        throw Py.typeError(fname + "() argument " + position + " must be str, not " + Ops.typeName(o));
    }
}
