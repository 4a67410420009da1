package dev.gild.stdlib.json;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBoxed;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.ThreadState;

import java.math.BigInteger;
import java.util.IdentityHashMap;

/**
 * The JSON serialiser behind json.dumps: CPython's output byte for byte (its C encoder without an
 * indent, its Python encoder's layout with one; both produce the same text).
 */
final class JsonEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean skipKeys;
    private final boolean ensureAscii;
    private final boolean allowNan;
    private final boolean sortKeys;
    /** The indent unit, or null for single-line output. */
    private final String indent;
    private final String keySeparator;
    private final String itemSeparator;
    /** default(o) for objects JSON cannot represent, or null to raise TypeError. */
    private final Object defaultFn;
    /** Containers being encoded (check_circular), or null when the check is off. */
    private final IdentityHashMap<Object, Boolean> markers;
    private final StringBuilder out = new StringBuilder();
    /** Nesting left before RecursionError (CPython counts encoder nesting against the recursion limit). */
    private int depthLeft;

    private JsonEncoder(Object[] a) {
        skipKeys = Ops.isTrue(a[1]);
        ensureAscii = Ops.isTrue(a[2]);
        markers = Ops.isTrue(a[3]) ? new IdentityHashMap<>() : null;
        allowNan = Ops.isTrue(a[4]);
        sortKeys = Ops.isTrue(a[5]);
        indent = a[6] == Py.None ? null : Ops.str(a[6]);
        keySeparator = Ops.str(a[7]);
        itemSeparator = Ops.str(a[8]);
        defaultFn = a[9] == Py.None ? null : a[9];
        ThreadState ts = ThreadState.current();
        depthLeft = ts.interp.recursionLimit - ts.depth;
    }

    /** encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent, key_separator, item_separator, default). */
    static Object encode(Object[] args, String[] kwnames) {
        if (args.length != 10) throw Py.typeError("encode() takes exactly 10 arguments (" + args.length + " given)");
        JsonEncoder e = new JsonEncoder(args);
        e.value(args[0], 0);
        return e.out.toString();
    }

    private void value(Object o, int level) {
        if (o == Py.None) { out.append("null"); return; }
        if (o instanceof Boolean b) { out.append(b ? "true" : "false"); return; }
        if (o instanceof String s) { quoteInto(out, s, ensureAscii); return; }
        if (o instanceof Long || o instanceof BigInteger) { out.append(o); return; }
        if (o instanceof Double d) { out.append(floatText(d)); return; }
        if (o instanceof PyBoxed boxed) {
            Object v = boxed.value;
            if (v instanceof String s) { quoteInto(out, s, ensureAscii); return; }
            if (v instanceof Long || v instanceof BigInteger) { out.append(v); return; }
            if (v instanceof Double d) { out.append(floatText(d)); return; }
        }
        if (o instanceof PyList list) {
            enter(o);
            array(list.items, list.size, level);
            leave(o);
            return;
        }
        if (o instanceof PyTuple tuple) {
            enter(o);
            array(tuple.items, tuple.items.length, level);
            leave(o);
            return;
        }
        if (o instanceof PyDict dict) {
            enter(o);
            object(dict, level);
            leave(o);
            return;
        }
        if (defaultFn == null) {
            throw Py.typeError("Object of type " + Ops.typeName(o) + " is not JSON serializable");
        }
        enter(o);
        value(Ops.call(defaultFn, o), level);
        leave(o);
    }

    private void enter(Object container) {
        if (--depthLeft < 0) throw Py.recursionError("maximum recursion depth exceeded while encoding a JSON object");
        if (markers != null && markers.put(container, Boolean.TRUE) != null) throw Py.valueError("Circular reference detected");
    }

    private void leave(Object container) {
        depthLeft++;
        if (markers != null) markers.remove(container);
    }

    private String floatText(double d) {
        if (Double.isFinite(d)) return Ops.repr(d);
        if (!allowNan) throw Py.valueError("Out of range float values are not JSON compliant");
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private void newline(int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) out.append(indent);
    }

    private void array(Object[] items, int n, int level) {
        if (n == 0) { out.append("[]"); return; }
        out.append('[');
        int inner = level + 1;
        if (indent != null) newline(inner);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(itemSeparator);
                if (indent != null) newline(inner);
            }
            value(items[i], inner);
        }
        if (indent != null) newline(level);
        out.append(']');
    }

    private void object(PyDict dict, int level) {
        if (dict.size() == 0) { out.append("{}"); return; }
        Object[] keys;
        Object[] values;
        if (sortKeys) {
            PyList items = new PyList();
            for (int i = dict.nextEntry(0); i >= 0; i = dict.nextEntry(i + 1)) {
                items.append(PyTuple.of(dict.keyAt(i), dict.valueAt(i)));
            }
            Ops.call(Ops.getattr(items, "sort"));
            keys = new Object[items.size];
            values = new Object[items.size];
            for (int i = 0; i < items.size; i++) {
                PyTuple t = (PyTuple) items.items[i];
                keys[i] = t.items[0];
                values[i] = t.items[1];
            }
        } else {
            keys = dict.keysArray();
            values = dict.valuesArray();
        }
        out.append('{');
        int inner = level + 1;
        if (indent != null) newline(inner);
        boolean first = true;
        for (int i = 0; i < keys.length; i++) {
            String key = keyText(keys[i]);
            if (key == null) continue;
            if (!first) {
                out.append(itemSeparator);
                if (indent != null) newline(inner);
            }
            first = false;
            quoteInto(out, key, ensureAscii);
            out.append(keySeparator);
            value(values[i], inner);
        }
        if (indent != null) newline(level);
        out.append('}');
    }

    /** A dict key as JSON object key text, or null when skipkeys drops it. */
    private String keyText(Object k) {
        Object v = Ops.unbox(k);
        if (v instanceof String s) return s;
        if (v instanceof Double d) return floatText(d);
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v == Py.None) return "null";
        if (v instanceof Long || v instanceof BigInteger) return v.toString();
        if (skipKeys) return null;
        throw Py.typeError("keys must be str, int, float, bool or None, not " + Ops.typeName(k));
    }

    static String quote(Object s, boolean ascii) {
        Object v = Ops.unbox(s);
        if (!(v instanceof String str)) {
            throw Py.typeError("first argument must be a string, not " + Ops.typeName(s));
        }
        StringBuilder sb = new StringBuilder(str.length() + 2);
        quoteInto(sb, str, ascii);
        return sb.toString();
    }

    static void quoteInto(StringBuilder sb, String s, boolean ascii) {
        sb.append('"');
        int n = s.length();
        int plainStart = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c != '"' && c != '\\' && (c < 0x7f || !ascii)) continue;
            sb.append(s, plainStart, i);
            plainStart = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                        .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
        }
        sb.append(s, plainStart, n);
        sb.append('"');
    }
}
