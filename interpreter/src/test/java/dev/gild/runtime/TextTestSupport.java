package dev.gild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * Helpers for the text tests: building Python values from Java, calling methods through the
 * runtime (Ops.getattr + Ops.call, as a script would), and rendering results and exceptions the
 * way python3 printed the expected values (repr of the result, or "Type: message").
 */
abstract class TextTestSupport {
    /** A slice object for tests: the real slice type arrives with the containers work. */
    static final class TestSlice extends PyObject {
        private final PyDict dict = new PyDict();

        TestSlice(Object start, Object stop, Object step) {
            dict.put("start", start);
            dict.put("stop", stop);
            dict.put("step", step);
        }

        @Override public PyType getType() { return PyTypes.SLICE; }

        @Override public PyDict getDict() { return dict; }
    }

    static Object slice(Object start, Object stop, Object step) { return new TestSlice(start, stop, step); }

    static PyBytes b(String latin1) {
        byte[] data = new byte[latin1.length()];
        for (int i = 0; i < data.length; i++) data[i] = (byte) latin1.charAt(i);
        return new PyBytes(data);
    }

    static PyByteArray ba(String latin1) { return new PyByteArray(b(latin1).bytes.clone()); }

    static PyDict dict(Object... keysAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < keysAndValues.length; i += 2) d.put(keysAndValues[i], keysAndValues[i + 1]);
        return d;
    }

    static PyList list(Object... items) { return PyList.of(items); }

    static PyTuple tuple(Object... items) { return PyTuple.of(items.clone()); }

    static java.math.BigInteger big(String digits) { return new java.math.BigInteger(digits); }

    /** Keyword arguments for {@link #callKw}: names then values. */
    static Object[] kw(Object... namesAndValues) { return namesAndValues; }

    /** receiver.method(*args). */
    static Object call(Object receiver, String method, Object... args) {
        return Ops.call(Ops.getattr(receiver, method), args);
    }

    /** receiver.method(*args, **kwargs) with kwargs given as name, value pairs. */
    static Object callKw(Object receiver, String method, Object[] kwargs, Object... args) {
        int nkw = kwargs.length / 2;
        Object[] all = new Object[args.length + nkw];
        String[] names = new String[nkw];
        System.arraycopy(args, 0, all, 0, args.length);
        for (int i = 0; i < nkw; i++) {
            names[i] = (String) kwargs[2 * i];
            all[args.length + i] = kwargs[2 * i + 1];
        }
        return Ops.call(Ops.getattr(receiver, method), all, names);
    }

    /** A type's attribute called as a function (str.maketrans, bytes.fromhex). */
    static Object callType(PyType type, String method, Object... args) {
        return Ops.call(Ops.getattr(type, method), args);
    }

    /** Python's repr of the values these tests produce. */
    static String show(Object o) {
        if (o instanceof String s) return StrMethods.repr(s);
        if (o instanceof Boolean b) return b ? "True" : "False";
        if (o instanceof Long || o instanceof java.math.BigInteger) return o.toString();
        if (o == Py.None) return "None";
        if (o instanceof PyList l) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < l.size; i++) parts.add(show(l.items[i]));
            return "[" + String.join(", ", parts) + "]";
        }
        if (o instanceof PyTuple t) {
            List<String> parts = new ArrayList<>();
            for (Object x : t.items) parts.add(show(x));
            return "(" + String.join(", ", parts) + (t.items.length == 1 ? ",)" : ")");
        }
        if (o instanceof PyDict d) {
            List<String> parts = new ArrayList<>();
            for (Object k : d.keysArray()) parts.add(show(k) + ": " + show(d.get(k)));
            return "{" + String.join(", ", parts) + "}";
        }
        return Ops.repr(o);
    }

    /** "Type: message" of a Python exception, as python3 printed it. */
    static String describe(PyException e) {
        PyBaseException v = e.value;
        String type = v.getType().getName();
        String message;
        if (v.getType() == PyExc.UnicodeEncodeError) message = Codecs.encodeErrorMessage(v);
        else if (v.getType() == PyExc.UnicodeDecodeError) message = Codecs.decodeErrorMessage(v);
        else if (v.args.size() == 0) message = "";
        else if (v.getType() == PyExc.KeyError) message = show(v.args.get(0));
        else message = Ops.str(v.args.get(0));
        return type + ": " + message;
    }

    interface Computation {
        Object compute();
    }

    /** Runs a computation and renders its result or its exception. */
    static String outcome(Computation c) {
        try {
            return show(c.compute());
        } catch (PyException e) {
            return "!" + describe(e);
        }
    }

    static DynamicTest t(String name, String expected, Computation c) {
        Executable check = () -> assertEquals(expected, outcome(c), name);
        return DynamicTest.dynamicTest(name, check);
    }
}
