package dev.gild.runtime;

/** The methods of BaseException and the attributes particular exceptions carry. */
public final class ExceptionMethods {
    private ExceptionMethods() {}

    static void install() {
        PyType t = PyExc.BaseException;
        t.defineStatic("__new__", (args, kw) -> {
            PyType cls = (PyType) args[0];
            PyBaseException e = (PyBaseException) cls.allocate();
            e.args = PyTuple.copyOf(args, 1, args.length - Args.kwCount(kw));
            return e;
        });
        t.define("__init__", (args, kw) -> {
            PyBaseException e = (PyBaseException) args[0];
            if (Args.kwCount(kw) > 0 && e.getType().builtin) {
                throw Py.typeError(e.getType().getName() + "() takes no keyword arguments");
            }
            e.args = PyTuple.copyOf(args, 1, args.length - Args.kwCount(kw));
            initSpecial(e);
            return Py.None;
        });
        t.defineGetSet("args", o -> ((PyBaseException) o).args,
                (o, v) -> ((PyBaseException) o).args = PyTuple.of(Ops.toArray(v)));
        t.defineGetSet("__traceback__", o -> {
            PyTraceback tb = ((PyBaseException) o).traceback;
            return tb == null ? Py.None : tb;
        }, (o, v) -> ((PyBaseException) o).traceback = v == Py.None ? null : (PyTraceback) v);
        t.defineGetSet("__cause__", o -> ((PyBaseException) o).cause, (o, v) -> {
            PyBaseException e = (PyBaseException) o;
            e.cause = v;
            e.suppressContext = true;
        });
        t.defineGetSet("__context__", o -> ((PyBaseException) o).context, (o, v) -> ((PyBaseException) o).context = v);
        t.defineGetSet("__suppress_context__", o -> Py.bool(((PyBaseException) o).suppressContext),
                (o, v) -> ((PyBaseException) o).suppressContext = Ops.isTrue(v));
        t.define("with_traceback", (args, kw) -> {
            PyBaseException e = (PyBaseException) args[0];
            e.traceback = args[1] == Py.None ? null : (PyTraceback) args[1];
            return e;
        });
        t.define("add_note", (args, kw) -> {
            PyBaseException e = (PyBaseException) args[0];
            if (!(args[1] instanceof String)) {
                throw Py.typeError("note must be a str, not '" + Ops.typeName(args[1]) + "'");
            }
            Object notes = e.getDict().getStr("__notes__");
            if (notes == null) {
                notes = new PyList();
                e.getDict().put("__notes__", notes);
            }
            ((PyList) notes).append(args[1]);
            return Py.None;
        });
        t.define("__str__", (args, kw) -> str((PyBaseException) args[0]));
        t.define("__repr__", (args, kw) -> {
            PyBaseException e = (PyBaseException) args[0];
            String name = e.getType().getName();
            if (e.args.size() == 1) return name + "(" + Ops.repr(e.args.get(0)) + ")";
            return name + TupleRepr.repr(e.args);
        });
        t.define("__reduce__", (args, kw) -> PyTuple.of(Ops.typeOf(args[0]), ((PyBaseException) args[0]).args));

        for (String attr : new String[] {"value"}) {
            PyExc.StopIteration.defineGetSet(attr, o -> orNone((PyBaseException) o, attr), (o, v) -> ((PyBaseException) o).setAttr(attr, v));
        }
        PyExc.SystemExit.defineGetSet("code", o -> orNone((PyBaseException) o, "code"), (o, v) -> ((PyBaseException) o).setAttr("code", v));
        for (String attr : new String[] {"errno", "strerror", "filename", "filename2"}) {
            PyExc.OSError.defineGetSet(attr, o -> orNone((PyBaseException) o, attr), (o, v) -> ((PyBaseException) o).setAttr(attr, v));
        }
        for (String attr : new String[] {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}) {
            PyExc.SyntaxError.defineGetSet(attr, o -> orNone((PyBaseException) o, attr), (o, v) -> ((PyBaseException) o).setAttr(attr, v));
        }
        for (String attr : new String[] {"name", "path", "msg"}) {
            PyExc.ImportError.defineGetSet(attr, o -> orNone((PyBaseException) o, attr), (o, v) -> ((PyBaseException) o).setAttr(attr, v));
        }
        for (String attr : new String[] {"name", "obj"}) {
            PyExc.AttributeError.defineGetSet(attr, o -> orNone((PyBaseException) o, attr), (o, v) -> ((PyBaseException) o).setAttr(attr, v));
        }
        PyExc.NameError.defineGetSet("name", o -> orNone((PyBaseException) o, "name"), (o, v) -> ((PyBaseException) o).setAttr("name", v));
    }

    private static Object orNone(PyBaseException e, String attr) {
        Object v = e.attr(attr);
        return v == null ? Py.None : v;
    }

    /** Sets the attributes that particular built-in exceptions derive from their arguments. */
    static void initSpecial(PyBaseException e) {
        PyTuple args = e.args;
        if (e.isInstance(PyExc.StopIteration)) {
            e.setAttr("value", args.size() > 0 ? args.get(0) : Py.None);
        } else if (e.isInstance(PyExc.SystemExit)) {
            e.setAttr("code", args.size() == 0 ? Py.None : args.size() == 1 ? args.get(0) : args);
        } else if (e.isInstance(PyExc.OSError)) {
            if (args.size() >= 2) {
                e.setAttr("errno", args.get(0));
                e.setAttr("strerror", args.get(1));
                if (args.size() >= 3) e.setAttr("filename", args.get(2));
                if (args.size() >= 5) e.setAttr("filename2", args.get(4));
            }
        } else if (e.isInstance(PyExc.SyntaxError)) {
            if (args.size() >= 1) e.setAttr("msg", args.get(0));
            if (args.size() == 2 && args.get(1) instanceof PyTuple info && info.size() >= 4) {
                e.setAttr("filename", info.get(0));
                e.setAttr("lineno", info.get(1));
                e.setAttr("offset", info.get(2));
                e.setAttr("text", info.get(3));
                if (info.size() >= 6) {
                    e.setAttr("end_lineno", info.get(4));
                    e.setAttr("end_offset", info.get(5));
                }
            }
        }
    }

    /** str(exc) as CPython: the single argument's str, the args tuple, or '' for none. */
    public static String str(PyBaseException e) {
        PyTuple args = e.args;
        if (e.isInstance(PyExc.KeyError) && args.size() == 1) return Ops.repr(args.get(0));
        if (e.isInstance(PyExc.OSError) && args.size() >= 2) {
            Object filename = e.attr("filename");
            Object filename2 = e.attr("filename2");
            String base = "[Errno " + Ops.str(args.get(0)) + "] " + Ops.str(args.get(1));
            if (filename != null && filename != Py.None) {
                base += ": " + Ops.repr(filename);
                if (filename2 != null && filename2 != Py.None) base += " -> " + Ops.repr(filename2);
            }
            return base;
        }
        if (e.isInstance(PyExc.SyntaxError)) {
            Object msg = e.attr("msg");
            if (msg != null) {
                Object filename = e.attr("filename");
                Object lineno = e.attr("lineno");
                String s = Ops.str(msg);
                if (filename instanceof String f && lineno != null && lineno != Py.None) {
                    int slash = f.lastIndexOf('/');
                    return s + " (" + f.substring(slash + 1) + ", line " + Ops.str(lineno) + ")";
                }
                if (lineno != null && lineno != Py.None) return s + " (line " + Ops.str(lineno) + ")";
                return s;
            }
        }
        if (args.size() == 0) return "";
        if (args.size() == 1) return Ops.str(args.get(0));
        return TupleRepr.repr(args);
    }

    /** CHECK_EXC_MATCH: whether exc is an instance of type (a class or a tuple of classes). */
    public static boolean matches(Object exc, Object type) {
        if (type instanceof PyType t) {
            if (!t.isSubtypeOf(PyExc.BaseException)) {
                throw Py.typeError("catching classes that do not inherit from BaseException is not allowed");
            }
            return Ops.typeOf(exc).isSubtypeOf(t);
        }
        if (type instanceof PyTuple tuple) {
            for (Object o : tuple.items) if (matches(exc, o)) return true;
            return false;
        }
        throw Py.typeError("catching classes that do not inherit from BaseException is not allowed");
    }
}
