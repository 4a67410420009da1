package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;
import dev.gild.parser.SyntaxErrorException;

import java.util.Map;

/**
 * The builtins namespace: the types, the exception classes, the functions written by the
 * containers area ({@link BuiltinFunctions}) and the ones that need the interpreter itself:
 * print, input, globals, locals, vars, dir, exec, eval, compile, __import__, __build_class__.
 */
public final class Builtins {
    private Builtins() {}

    static void install(InterpreterState interp) {
        PyDict b = interp.builtins;
        for (PyType t : new PyType[] {PyTypes.OBJECT, PyTypes.TYPE, PyTypes.INT, PyTypes.BOOL, PyTypes.FLOAT,
                PyTypes.COMPLEX, PyTypes.STR, PyTypes.BYTES, PyTypes.BYTEARRAY, PyTypes.LIST, PyTypes.TUPLE,
                PyTypes.DICT, PyTypes.SET, PyTypes.FROZENSET, PyTypes.RANGE, PyTypes.SLICE, PyTypes.PROPERTY,
                PyTypes.STATICMETHOD, PyTypes.CLASSMETHOD, PyTypes.SUPER}) {
            b.put(t.getName(), t);
        }
        for (Map.Entry<String, PyType> e : PyExc.ALL.entrySet()) b.put(e.getKey(), e.getValue());
        b.put("EnvironmentError", PyExc.OSError);
        b.put("IOError", PyExc.OSError);
        b.put("None", Py.None);
        b.put("Ellipsis", Py.Ellipsis);
        b.put("NotImplemented", Py.NotImplemented);
        b.put("True", Boolean.TRUE);
        b.put("False", Boolean.FALSE);
        b.put("__debug__", Boolean.TRUE);
        b.put("__name__", "builtins");
        BuiltinFunctions.install(b);

        define(b, "__build_class__", TypeMethods::buildClass);
        define(b, "print", (args, kw) -> {
            Object[] a = splitKeywords("print", args, kw, new String[] {"sep", "end", "file", "flush"});
            int npos = Args.positional(args, kw);
            Object[] values = new Object[npos];
            System.arraycopy(args, 0, values, 0, npos);
            String sep = textOrDefault(a[0], " ", "sep");
            String end = textOrDefault(a[1], "\n", "end");
            print(interp, values, sep, end, a[2] == Py.None ? null : a[2], a[3] != null && Ops.isTrue(a[3]));
            return Py.None;
        });
        define(b, "input", (args, kw) -> {
            Args.check("input", args, kw, 0, 0, 1);
            if (args.length == 1) {
                print(interp, new Object[] {Ops.str(args[0])}, "", "", null, true);
            } else {
                interp.flushAll();
            }
            Object stdin = interp.sys.dict.getStr("stdin");
            String line = stdin instanceof PyTextStream s ? s.readline() : Ops.str(Ops.call(Ops.getattr(stdin, "readline")));
            if (line.isEmpty()) throw Py.raise(PyExc.EOFError, "EOF when reading a line");
            return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        });
        define(b, "globals", (args, kw) -> ThreadState.current().frame.globals);
        define(b, "locals", (args, kw) -> frameLocals(ThreadState.current().frame));
        define(b, "vars", (args, kw) -> {
            Args.check("vars", args, kw, 0, 0, 1);
            if (args.length == 0) return frameLocals(ThreadState.current().frame);
            Object d;
            try {
                d = Ops.getattrOrNull(args[0], "__dict__");
            } catch (PyException e) {
                if (!e.matches(PyExc.AttributeError)) throw e;
                d = null;
            }
            if (d == null) throw Py.typeError("vars() argument must have __dict__ attribute");
            return d;
        });
        define(b, "dir", (args, kw) -> {
            Args.check("dir", args, kw, 0, 0, 1);
            if (args.length == 0) {
                PyList names = new PyList(frameLocals(ThreadState.current().frame).keysArray());
                Object[] sorted = names.toArray();
                java.util.Arrays.sort(sorted, (x, y) -> ((String) x).compareTo((String) y));
                return new PyList(sorted);
            }
            Object r = Ops.callSpecial(args[0], "__dir__");
            Object[] items = Ops.toArray(r);
            java.util.Arrays.sort(items, (x, y) -> Ops.lessThan(x, y) ? -1 : Ops.lessThan(y, x) ? 1 : 0);
            return new PyList(items);
        });
        define(b, "exec", (args, kw) -> {
            execOrEval(interp, args, kw, CodeCompiler.Mode.EXEC, "exec");
            return Py.None;
        });
        define(b, "eval", (args, kw) -> execOrEval(interp, args, kw, CodeCompiler.Mode.EVAL, "eval"));
        define(b, "compile", (args, kw) -> {
            Object[] a = Args.parse("compile", args, kw, 0,
                    new String[] {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, 6);
            String mode = Args.str("compile", 3, a[2]);
            CodeCompiler.Mode m = switch (mode) {
                case "exec" -> CodeCompiler.Mode.EXEC;
                case "eval" -> CodeCompiler.Mode.EVAL;
                case "single" -> CodeCompiler.Mode.SINGLE;
                default -> throw Py.valueError("compile() mode must be 'exec', 'eval' or 'single'");
            };
            return compileSource(interp, sourceText(a[0], "compile"), Ops.str(a[1]), m);
        });
        define(b, "__import__", (args, kw) -> {
            Object[] a = Args.parse("__import__", args, kw, 0,
                    new String[] {"name", "globals", "locals", "fromlist", "level"}, 1, 5);
            PyDict globals = a[1] instanceof PyDict d ? d : new PyDict();
            return interp.imports.importName(Args.str("__import__", 1, a[0]), globals,
                    a[3] == null ? Py.None : a[3], a[4] == null ? 0L : a[4]);
        });
    }

    private static void define(PyDict b, String name, PyBuiltin.Impl impl) {
        PyBuiltin f = PyBuiltin.function(name, impl);
        f.module = "builtins";
        b.put(name, f);
    }

    /** Keyword-only arguments of a function that also takes *args: one slot per name, null when absent. */
    static Object[] splitKeywords(String fname, Object[] args, String[] kw, String[] names) {
        Object[] out = new Object[names.length];
        if (kw == null) return out;
        int base = args.length - kw.length;
        for (int k = 0; k < kw.length; k++) {
            int slot = -1;
            for (int i = 0; i < names.length; i++) if (names[i].equals(kw[k])) slot = i;
            if (slot < 0) throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for " + fname + "()");
            out[slot] = args[base + k];
        }
        return out;
    }

    private static String textOrDefault(Object v, String dflt, String what) {
        if (v == null || v == Py.None) return dflt;
        if (Ops.unbox(v) instanceof String s) return s;
        throw Py.typeError(what + " must be None or a string, not " + Ops.typeName(v));
    }

    /** print(): writes str() of the values to file (sys.stdout when null). */
    public static void print(InterpreterState interp, Object[] values, String sep, String end, Object file, boolean flush) {
        Object target = file != null ? file : interp.currentStdout();
        if (target == Py.None) return;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(sep);
            sb.append(Ops.str(values[i]));
        }
        sb.append(end);
        if (target instanceof PyTextStream s) {
            s.write(sb.toString());
            if (flush) s.flush();
        } else {
            Object write = Ops.getattr(target, "write");
            Ops.call(write, sb.toString());
            if (flush) Ops.call(Ops.getattr(target, "flush"));
        }
    }

    /** locals() of a frame: the locals mapping, or a fresh dict of a function's bound variables. */
    static PyDict frameLocals(Frame f) {
        if (f.locals != null) return f.locals;
        PyDict d = new PyDict();
        CodeObject code = f.code;
        for (int i = 0; i < code.varnames.length; i++) {
            if (f.fast[i] != null) d.put(code.varnames[i], f.fast[i]);
        }
        int ncell = code.cellvars.length;
        for (int i = 0; i < f.cells.length; i++) {
            Object v = f.cells[i] == null ? null : f.cells[i].contents;
            if (v != null) d.put(i < ncell ? code.cellvars[i] : code.freevars[i - ncell], v);
        }
        return d;
    }

    private static String sourceText(Object src, String fname) {
        Object s = Ops.unbox(src);
        if (s instanceof String str) return str;
        if (s instanceof PyBytes bytes) return new String(bytes.bytes, java.nio.charset.StandardCharsets.UTF_8);
        throw Py.typeError(fname + "() arg 1 must be a string, bytes or code object");
    }

    /** Compiles source, turning compile errors into Python SyntaxErrors. */
    public static CodeObject compileSource(InterpreterState interp, String source, String filename, CodeCompiler.Mode mode) {
        try {
            return interp.compiler.compile(source, filename, mode);
        } catch (SyntaxErrorException e) {
            throw syntaxError(e);
        }
    }

    /** A Python SyntaxError (or subclass) from a compile error. */
    public static PyException syntaxError(SyntaxErrorException e) {
        PyType type = switch (e.kind) {
            case "IndentationError" -> PyExc.IndentationError;
            case "TabError" -> PyExc.TabError;
            default -> PyExc.SyntaxError;
        };
        Object text = e.text == null ? Py.None : e.text;
        PyBaseException exc = new PyBaseException(type, e.getMessage(),
                PyTuple.of(e.filename, (long) e.line, (long) e.offset, text, (long) e.endLine, (long) e.endOffset));
        ExceptionMethods.initSpecial(exc);
        return exc.toThrowable();
    }

    private static Object execOrEval(InterpreterState interp, Object[] args, String[] kw, CodeCompiler.Mode mode, String fname) {
        Object[] a = Args.parse(fname, args, kw, 0, new String[] {"source", "globals", "locals"}, 1, 3);
        ThreadState ts = ThreadState.current();
        Frame caller = ts.frame;
        PyDict globals;
        PyDict locals;
        if (a[1] == null || a[1] == Py.None) {
            globals = caller.globals;
            locals = a[2] == null || a[2] == Py.None ? frameLocals(caller) : asDict(a[2], fname);
        } else {
            if (!(a[1] instanceof PyDict g)) {
                throw Py.typeError(fname + "() globals must be a dict, not " + Ops.typeName(a[1]));
            }
            globals = g;
            locals = a[2] == null || a[2] == Py.None ? g : asDict(a[2], fname);
        }
        if (globals.getStr("__builtins__") == null) globals.put("__builtins__", interp.builtinsModule);
        CodeObject code;
        if (a[0] instanceof CodeObject c) {
            code = c;
        } else {
            String src = sourceText(a[0], fname);
            if (mode == CodeCompiler.Mode.EVAL) src = src.strip();
            code = compileSource(interp, src, "<string>", mode);
        }
        return Eval.runCode(ts, code, globals, locals);
    }

    private static PyDict asDict(Object o, String fname) {
        if (o instanceof PyDict d) return d;
        throw Py.typeError(fname + "() locals must be a mapping");
    }
}
