package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

import java.util.ArrayList;
import java.util.List;

/** Binds call arguments to a Python function's parameters, with CPython's error messages. */
final class ArgumentBinder {
    private ArgumentBinder() {}

    static void bind(PyFunction fn, Object[] fast, Object[] args, String[] kwnames) {
        CodeObject code = fn.code;
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        int argCount = code.argCount;
        int kwOnly = code.kwOnlyArgCount;
        String[] varnames = code.varnames;
        int varargsSlot = code.hasVarargs() ? argCount + kwOnly : -1;
        int kwargsSlot = code.hasVarkeywords() ? argCount + kwOnly + (varargsSlot >= 0 ? 1 : 0) : -1;

        int direct = Math.min(npos, argCount);
        System.arraycopy(args, 0, fast, 0, direct);
        if (varargsSlot >= 0) {
            fast[varargsSlot] = npos > argCount ? PyTuple.copyOf(args, argCount, npos) : PyTuple.EMPTY;
        } else if (npos > argCount) {
            throw tooManyPositional(fn, npos, kwnames, args);
        }
        PyDict kwargs = kwargsSlot >= 0 ? new PyDict() : null;
        if (kwargs != null) fast[kwargsSlot] = kwargs;
        List<String> posOnlyAsKw = null;
        for (int k = 0; k < nkw; k++) {
            String name = kwnames[k];
            Object value = args[npos + k];
            int slot = -1;
            for (int i = code.posOnlyArgCount; i < argCount + kwOnly; i++) {
                if (varnames[i].equals(name)) {
                    slot = i;
                    break;
                }
            }
            if (slot < 0) {
                if (kwargs != null) {
                    if (kwargs.getStr(name) != null) {
                        throw Py.typeError(fn.qualname + "() got multiple values for keyword argument '" + name + "'");
                    }
                    kwargs.put(name, value);
                    continue;
                }
                for (int i = 0; i < code.posOnlyArgCount; i++) {
                    if (varnames[i].equals(name)) {
                        if (posOnlyAsKw == null) posOnlyAsKw = new ArrayList<>();
                        posOnlyAsKw.add(name);
                    }
                }
                if (posOnlyAsKw != null) continue;
                throw Py.typeError(fn.qualname + "() got an unexpected keyword argument '" + name + "'");
            }
            if (fast[slot] != null) {
                throw Py.typeError(fn.qualname + "() got multiple values for argument '" + name + "'");
            }
            fast[slot] = value;
        }
        if (posOnlyAsKw != null) {
            throw Py.typeError(fn.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", posOnlyAsKw) + "'");
        }
        Object[] defaults = fn.defaults;
        int ndefaults = defaults == null ? 0 : defaults.length;
        int firstDefault = argCount - ndefaults;
        List<String> missing = null;
        for (int i = npos; i < argCount; i++) {
            if (fast[i] == null) {
                if (i >= firstDefault) {
                    fast[i] = defaults[i - firstDefault];
                } else {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add(varnames[i]);
                }
            }
        }
        if (missing != null) throw missingArguments(fn, missing, "positional");
        for (int i = argCount; i < argCount + kwOnly; i++) {
            if (fast[i] == null) {
                Object d = fn.kwDefaults == null ? null : fn.kwDefaults.getStr(varnames[i]);
                if (d != null) {
                    fast[i] = d;
                } else {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add(varnames[i]);
                }
            }
        }
        if (missing != null) throw missingArguments(fn, missing, "keyword-only");
    }

    private static PyException tooManyPositional(PyFunction fn, int given, String[] kwnames, Object[] args) {
        CodeObject code = fn.code;
        int ndefaults = fn.defaults == null ? 0 : fn.defaults.length;
        int max = code.argCount;
        int min = max - ndefaults;
        String takes = min == max ? String.valueOf(max) : "from " + min + " to " + max;
        int kwGiven = 0;
        if (kwnames != null) {
            for (String k : kwnames) {
                for (int i = code.argCount; i < code.argCount + code.kwOnlyArgCount; i++) {
                    if (code.varnames[i].equals(k)) kwGiven++;
                }
            }
        }
        String msg = fn.qualname + "() takes " + takes + " positional argument" + (max == 1 && min == max ? "" : "s")
                + " but " + given + (given == 1 ? " was" : " were") + " given";
        if (kwGiven > 0) {
            msg = fn.qualname + "() takes " + takes + " positional argument" + (max == 1 && min == max ? "" : "s")
                    + " but " + given + " positional argument" + (given == 1 ? "" : "s") + " (and " + kwGiven
                    + " keyword-only argument" + (kwGiven == 1 ? "" : "s") + ") were given";
        }
        return Py.typeError(msg);
    }

    private static PyException missingArguments(PyFunction fn, List<String> missing, String kind) {
        StringBuilder names = new StringBuilder();
        int n = missing.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) names.append(n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
            names.append('\'').append(missing.get(i)).append('\'');
        }
        return Py.typeError(fn.qualname + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s")
                + ": " + names);
    }
}
