package dev.gild.stdlib.json;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyTypes;
import dev.gild.runtime.ThreadState;

import java.math.BigInteger;

/**
 * The JSON parser behind json.loads, with CPython's error messages and positions. It walks the
 * Java string by UTF-16 index and converts to code-point indexes only where Python sees an index
 * (errors and the end of the value).
 */
final class JsonScanner {
    private final String doc;
    private final boolean strict;
    private final Object objectHook;
    private final Object pairsHook;
    /** parse_float / parse_int / parse_constant, or null for the built-in conversions. */
    private final Object parseFloat;
    private final Object parseInt;
    private final Object parseConstant;
    private final Object errorClass;
    /** Nesting left before RecursionError, as CPython's scanner counts against the recursion limit. */
    private int depthLeft;

    private JsonScanner(Object[] a) {
        doc = (String) Ops.unbox(a[0]);
        strict = Ops.isTrue(a[2]);
        objectHook = a[3] == Py.None ? null : a[3];
        pairsHook = a[4] == Py.None ? null : a[4];
        parseFloat = a[5] == Py.None || a[5] == PyTypes.FLOAT ? null : a[5];
        parseInt = a[6] == Py.None || a[6] == PyTypes.INT ? null : a[6];
        parseConstant = a[7] == Py.None ? null : a[7];
        errorClass = a[8];
        ThreadState ts = ThreadState.current();
        depthLeft = ts.interp.recursionLimit - ts.depth;
    }

    /**
     * scan(doc, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
     * error_class) -> (value, end): decodes the value starting at code-point index idx.
     */
    static Object scan(Object[] args, String[] kwnames) {
        if (args.length != 9) throw Py.typeError("scan() takes exactly 9 arguments (" + args.length + " given)");
        if (!(Ops.unbox(args[0]) instanceof String)) throw Py.typeError("first argument must be a string, not " + Ops.typeName(args[0]));
        JsonScanner s = new JsonScanner(args);
        long cpIdx = Ops.indexLong(args[1]);
        if (cpIdx < 0) throw Py.valueError("idx cannot be negative");
        int idx = s.charIndex(cpIdx);
        Object[] end = new Object[1];
        Object value = s.value(idx, end);
        return PyTuple.of(value, (long) s.cpIndex((Integer) end[0]));
    }

    private int charIndex(long cp) {
        if (cp >= doc.length()) return doc.length() + (int) Math.min(cp - doc.length(), 1);
        try {
            return doc.offsetByCodePoints(0, (int) cp);
        } catch (IndexOutOfBoundsException e) {
            return doc.length() + 1;
        }
    }

    private int cpIndex(int charIdx) {
        return charIdx > doc.length() ? doc.codePointCount(0, doc.length()) + (charIdx - doc.length())
                : doc.codePointCount(0, charIdx);
    }

    private PyException error(String message, int charIdx) {
        Object e = Ops.call(errorClass, message, doc, (long) cpIndex(charIdx));
        return ((PyBaseException) e).toThrowable();
    }

    private int skipWhitespace(int i) {
        int n = doc.length();
        while (i < n) {
            char c = doc.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            i++;
        }
        return i;
    }

    /** Parses the value at i (no leading whitespace allowed); stores its end index in end[0]. */
    private Object value(int i, Object[] end) {
        int n = doc.length();
        if (i >= n) throw error("Expecting value", i);
        char c = doc.charAt(i);
        switch (c) {
            case '"': return string(i + 1, end);
            case '{':
                enter("object");
                try {
                    return object(i + 1, end);
                } finally {
                    depthLeft++;
                }
            case '[':
                enter("array");
                try {
                    return array(i + 1, end);
                } finally {
                    depthLeft++;
                }
            case 'n':
                if (doc.startsWith("null", i)) { end[0] = i + 4; return Py.None; }
                break;
            case 't':
                if (doc.startsWith("true", i)) { end[0] = i + 4; return Boolean.TRUE; }
                break;
            case 'f':
                if (doc.startsWith("false", i)) { end[0] = i + 5; return Boolean.FALSE; }
                break;
            case 'N':
                if (doc.startsWith("NaN", i)) { end[0] = i + 3; return constant("NaN", Double.NaN); }
                break;
            case 'I':
                if (doc.startsWith("Infinity", i)) { end[0] = i + 8; return constant("Infinity", Double.POSITIVE_INFINITY); }
                break;
            case '-':
                if (doc.startsWith("-Infinity", i)) { end[0] = i + 9; return constant("-Infinity", Double.NEGATIVE_INFINITY); }
                break;
            default:
                break;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            Object number = number(i, end);
            if (number != null) return number;
        }
        throw error("Expecting value", i);
    }

    private void enter(String kind) {
        if (--depthLeft < 0) {
            depthLeft++;
            throw Py.recursionError("maximum recursion depth exceeded while decoding a JSON " + kind + " from a unicode string");
        }
    }

    private Object constant(String name, double value) {
        return parseConstant == null ? (Object) value : Ops.call(parseConstant, name);
    }

    /** The number at i, or null when there is none (a lone '-'). */
    private Object number(int start, Object[] end) {
        int n = doc.length();
        int i = start;
        if (doc.charAt(i) == '-') i++;
        if (i >= n) return null;
        char c = doc.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            while (i < n && isDigit(doc.charAt(i))) i++;
        } else {
            return null;
        }
        boolean isFloat = false;
        if (i + 1 < n && doc.charAt(i) == '.' && isDigit(doc.charAt(i + 1))) {
            i += 2;
            while (i < n && isDigit(doc.charAt(i))) i++;
            isFloat = true;
        }
        if (i < n && (doc.charAt(i) == 'e' || doc.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (doc.charAt(e) == '+' || doc.charAt(e) == '-')) e++;
            if (e < n && isDigit(doc.charAt(e))) {
                while (e < n && isDigit(doc.charAt(e))) e++;
                i = e;
                isFloat = true;
            }
        }
        end[0] = i;
        String text = doc.substring(start, i);
        if (isFloat) {
            return parseFloat == null ? (Object) Double.parseDouble(text) : Ops.call(parseFloat, text);
        }
        if (parseInt != null) return Ops.call(parseInt, text);
        return text.length() <= 18 ? (Object) Long.parseLong(text) : Py.newInt(new BigInteger(text));
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** The string whose opening quote is just before i. */
    private String string(int i, Object[] end) {
        int begin = i - 1;
        int n = doc.length();
        StringBuilder sb = null;
        int chunk = i;
        while (true) {
            if (i >= n) throw error("Unterminated string starting at", begin);
            char c = doc.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                if (sb == null) return doc.substring(chunk, i);
                return sb.append(doc, chunk, i).toString();
            }
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                sb.append(doc, chunk, i);
                i = escape(i, begin, sb);
                chunk = i;
                continue;
            }
            if (c < ' ' && strict) throw error("Invalid control character at", i);
            i++;
        }
    }

    /** Decodes the escape whose backslash is at i into sb; returns the index after it. */
    private int escape(int i, int begin, StringBuilder sb) {
        int n = doc.length();
        if (i + 1 >= n) throw error("Unterminated string starting at", begin);
        char e = doc.charAt(i + 1);
        switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                int unit = hex4(i + 2, i + 1);
                int next = i + 6;
                if (Character.isHighSurrogate((char) unit) && next + 1 < n && doc.charAt(next) == '\\' && doc.charAt(next + 1) == 'u') {
                    int low = hex4(next + 2, next + 1);
                    if (Character.isLowSurrogate((char) low)) {
                        sb.append((char) unit).append((char) low);
                        return next + 6;
                    }
                }
                sb.append((char) unit);
                return next;
            }
            default -> throw error("Invalid \\escape", i);
        }
        return i + 2;
    }

    private int hex4(int i, int errorAt) {
        if (i + 4 > doc.length()) throw error("Invalid \\uXXXX escape", errorAt);
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            char c = doc.charAt(k);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) throw error("Invalid \\uXXXX escape", errorAt);
            v = v * 16 + d;
        }
        return v;
    }

    private Object object(int i, Object[] end) {
        int n = doc.length();
        PyList pairs = pairsHook != null ? new PyList() : null;
        PyDict dict = pairsHook == null ? new PyDict() : null;
        i = skipWhitespace(i);
        if (i < n && doc.charAt(i) == '}') {
            end[0] = i + 1;
            return finishObject(dict, pairs);
        }
        while (true) {
            if (i >= n || doc.charAt(i) != '"') throw error("Expecting property name enclosed in double quotes", i);
            String key = string(i + 1, end);
            i = skipWhitespace((Integer) end[0]);
            if (i >= n || doc.charAt(i) != ':') throw error("Expecting ':' delimiter", i);
            i = skipWhitespace(i + 1);
            Object v = value(i, end);
            if (dict != null) dict.put(key, v); else pairs.append(PyTuple.of(key, v));
            i = skipWhitespace((Integer) end[0]);
            if (i < n && doc.charAt(i) == '}') {
                end[0] = i + 1;
                return finishObject(dict, pairs);
            }
            if (i >= n || doc.charAt(i) != ',') throw error("Expecting ',' delimiter", i);
            i = skipWhitespace(i + 1);
        }
    }

    private Object finishObject(PyDict dict, PyList pairs) {
        if (pairs != null) return Ops.call(pairsHook, pairs);
        return objectHook != null ? Ops.call(objectHook, dict) : dict;
    }

    private Object array(int i, Object[] end) {
        int n = doc.length();
        PyList list = new PyList();
        i = skipWhitespace(i);
        if (i < n && doc.charAt(i) == ']') {
            end[0] = i + 1;
            return list;
        }
        while (true) {
            list.append(value(i, end));
            i = skipWhitespace((Integer) end[0]);
            if (i < n && doc.charAt(i) == ']') {
                end[0] = i + 1;
                return list;
            }
            if (i >= n || doc.charAt(i) != ',') throw error("Expecting ',' delimiter", i);
            i = skipWhitespace(i + 1);
        }
    }
}
