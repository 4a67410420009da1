package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

/**
 * Methods of the callable and descriptor types (function, method, builtin_function_or_method,
 * property, staticmethod, classmethod, super), and of the small runtime types (cell, code, frame,
 * traceback, module, generator, NoneType, NotImplementedType, ellipsis).
 */
final class FunctionMethods {
    private FunctionMethods() {}

    static void install() {
        installFunction();
        installMethod();
        installBuiltin();
        installProperty();
        installStaticAndClassMethod();
        SuperMethods.install();
        installModule();
        installGenerator();
        installSingletons();
        installFrameTypes();
    }

    private static void installFunction() {
        PyType t = PyTypes.FUNCTION;
        t.defineGetSet("__name__", o -> ((PyFunction) o).name, (o, v) -> ((PyFunction) o).name = Args.str("__name__", 1, v));
        t.defineGetSet("__qualname__", o -> ((PyFunction) o).qualname,
                (o, v) -> ((PyFunction) o).qualname = Args.str("__qualname__", 1, v));
        t.defineGetSet("__doc__", o -> ((PyFunction) o).doc, (o, v) -> ((PyFunction) o).doc = v);
        t.defineGetSet("__module__", o -> ((PyFunction) o).module, (o, v) -> ((PyFunction) o).module = v);
        t.defineGetter("__code__", o -> ((PyFunction) o).code);
        t.defineGetter("__globals__", o -> ((PyFunction) o).globals);
        t.defineGetter("__dict__", o -> ((PyFunction) o).getDict());
        t.defineGetter("__closure__", o -> {
            PyCell[] c = ((PyFunction) o).closure;
            return c == null ? Py.None : PyTuple.of((Object[]) c.clone());
        });
        t.defineGetSet("__defaults__", o -> {
            Object[] d = ((PyFunction) o).defaults;
            return d == null ? Py.None : PyTuple.of(d.clone());
        }, (o, v) -> ((PyFunction) o).defaults = v == Py.None ? null : Ops.toArray(v));
        t.defineGetSet("__kwdefaults__", o -> {
            PyDict d = ((PyFunction) o).kwDefaults;
            return d == null ? Py.None : d;
        }, (o, v) -> ((PyFunction) o).kwDefaults = v == Py.None ? null : (PyDict) v);
        t.defineGetSet("__annotations__", o -> {
            PyFunction f = (PyFunction) o;
            if (f.annotations == null) f.annotations = new PyDict();
            return f.annotations;
        }, (o, v) -> ((PyFunction) o).annotations = (PyDict) v);
        t.define("__get__", (args, kw) -> args[1] == Py.None ? args[0] : new PyMethod(args[0], args[1]));
        t.define("__call__", (args, kw) -> {
            Object[] rest = new Object[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return ((PyFunction) args[0]).call(rest, kw);
        });
        t.define("__repr__", (args, kw) -> "<function " + ((PyFunction) args[0]).qualname + " at " + Py.addressOf(args[0]) + ">");
    }

    private static void installMethod() {
        PyType t = PyTypes.METHOD;
        t.defineStatic("__new__", (args, kw) -> {
            if (kw != null && kw.length > 0) throw Py.typeError("method() takes no keyword arguments");
            if (args.length != 3) throw Py.typeError("method expected 2 arguments, got " + (args.length - 1));
            if (!Ops.isCallable(args[1])) throw Py.typeError("first argument must be callable");
            if (args[2] == Py.None) throw Py.typeError("instance must not be None");
            return new PyMethod(args[1], args[2]);
        });
        t.defineGetter("__func__", o -> ((PyMethod) o).function);
        t.defineGetter("__self__", o -> ((PyMethod) o).self);
        t.defineGetter("__name__", o -> Ops.getattr(((PyMethod) o).function, "__name__"));
        t.defineGetter("__qualname__", o -> Ops.getattr(((PyMethod) o).function, "__qualname__"));
        t.defineGetter("__doc__", o -> Ops.getattr(((PyMethod) o).function, "__doc__"));
        t.define("__call__", (args, kw) -> {
            PyMethod m = (PyMethod) args[0];
            Object[] full = args.clone();
            full[0] = m.self;
            return Ops.call(m.function, full, kw);
        });
        t.define("__repr__", (args, kw) -> {
            PyMethod m = (PyMethod) args[0];
            Object name = Ops.getattrOrNull(m.function, "__qualname__");
            return "<bound method " + (name == null ? "?" : Ops.str(name)) + " of " + Ops.repr(m.self) + ">";
        });
        t.define("__getattribute__", (args, kw) -> {
            PyMethod m = (PyMethod) args[0];
            String name = Args.str("__getattribute__", 1, args[1]);
            Object v = Ops.genericGetattr(m, PyTypes.METHOD, name);
            if (v == null) v = Ops.getattrOrNull(m.function, name);
            if (v == null) throw Py.attributeError("'method' object has no attribute '" + name + "'");
            return v;
        });
    }

    private static void installBuiltin() {
        for (PyType t : new PyType[] {PyTypes.BUILTIN_FUNCTION, PyTypes.METHOD_DESCRIPTOR}) {
            t.defineGetter("__name__", o -> ((PyBuiltin) o).name);
            t.defineGetter("__qualname__", o -> {
                PyBuiltin b = (PyBuiltin) o;
                return b.owner == null ? b.name : b.owner.getName() + "." + b.name;
            });
            t.defineGetter("__self__", o -> {
                PyBuiltin b = (PyBuiltin) o;
                return b.self == null ? Py.None : b.self;
            });
            t.defineGetter("__doc__", o -> Py.None);
            t.define("__repr__", (args, kw) -> ((PyBuiltin) args[0]).repr());
            t.define("__call__", (args, kw) -> {
                Object[] rest = new Object[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                return ((PyBuiltin) args[0]).call(rest, kw);
            });
        }
        PyTypes.METHOD_DESCRIPTOR.define("__get__", (args, kw) -> {
            PyBuiltin b = (PyBuiltin) args[0];
            return args[1] == Py.None ? b : b.bind(args[1]);
        });
        PyTypes.GETSET_DESCRIPTOR.define("__get__", (args, kw) -> {
            if (args[0] instanceof PySlotDescriptor s) return args[1] == Py.None ? s : s.get(args[1]);
            PyGetSetDescriptor g = (PyGetSetDescriptor) args[0];
            return args[1] == Py.None ? g : g.get(args[1]);
        });
        PyTypes.GETSET_DESCRIPTOR.define("__set__", (args, kw) -> {
            if (args[0] instanceof PySlotDescriptor s) s.set(args[1], args[2]);
            else ((PyGetSetDescriptor) args[0]).set(args[1], args[2]);
            return Py.None;
        });
    }

    private static void installProperty() {
        PyType t = PyTypes.PROPERTY;
        t.define("__init__", (args, kw) -> {
            Object[] a = Args.parse("property", args, kw, 1, new String[] {"fget", "fset", "fdel", "doc"}, 0, 4);
            PyProperty p = (PyProperty) args[0];
            p.fget = a[0] == null ? Py.None : a[0];
            p.fset = a[1] == null ? Py.None : a[1];
            p.fdel = a[2] == null ? Py.None : a[2];
            p.doc = a[3] != null && a[3] != Py.None ? a[3]
                    : p.fget != Py.None ? orNone(Ops.getattrOrNull(p.fget, "__doc__")) : Py.None;
            return Py.None;
        });
        t.defineGetter("fget", o -> ((PyProperty) o).fget);
        t.defineGetter("fset", o -> ((PyProperty) o).fset);
        t.defineGetter("fdel", o -> ((PyProperty) o).fdel);
        t.defineGetSet("__doc__", o -> ((PyProperty) o).doc, (o, v) -> ((PyProperty) o).doc = v);
        t.define("getter", (args, kw) -> copyProperty((PyProperty) args[0], args[1], null, null));
        t.define("setter", (args, kw) -> copyProperty((PyProperty) args[0], null, args[1], null));
        t.define("deleter", (args, kw) -> copyProperty((PyProperty) args[0], null, null, args[1]));
        t.define("__get__", (args, kw) -> {
            PyProperty p = (PyProperty) args[0];
            if (args[1] == Py.None) return p;
            return Ops.bind(p, args[1], Ops.typeOf(args[1]));
        });
        t.define("__set__", (args, kw) -> {
            PyProperty p = (PyProperty) args[0];
            if (p.fset == Py.None) throw Py.attributeError("can't set attribute");
            Ops.call(p.fset, args[1], args[2]);
            return Py.None;
        });
        t.define("__delete__", (args, kw) -> {
            PyProperty p = (PyProperty) args[0];
            if (p.fdel == Py.None) throw Py.attributeError("can't delete attribute");
            Ops.call(p.fdel, args[1]);
            return Py.None;
        });
        t.define("__set_name__", (args, kw) -> {
            ((PyProperty) args[0]).name = Ops.str(args[2]);
            return Py.None;
        });
    }

    private static Object orNone(Object o) { return o == null ? Py.None : o; }

    private static PyProperty copyProperty(PyProperty p, Object fget, Object fset, Object fdel) {
        PyProperty copy = new PyProperty(p.getType(), fget != null ? fget : p.fget, fset != null ? fset : p.fset,
                fdel != null ? fdel : p.fdel, p.doc);
        if (fget != null && p.doc == Py.None) copy.doc = orNone(Ops.getattrOrNull(fget, "__doc__"));
        copy.name = p.name;
        return copy;
    }

    private static void installStaticAndClassMethod() {
        PyType s = PyTypes.STATICMETHOD;
        s.define("__init__", (args, kw) -> {
            Args.check("staticmethod", args, kw, 1, 1, 1);
            ((PyStaticMethod) args[0]).callable = args[1];
            return Py.None;
        });
        s.defineGetter("__func__", o -> ((PyStaticMethod) o).callable);
        s.defineGetter("__wrapped__", o -> ((PyStaticMethod) o).callable);
        s.define("__get__", (args, kw) -> ((PyStaticMethod) args[0]).callable);
        s.define("__call__", (args, kw) -> {
            Object[] rest = new Object[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return Ops.call(((PyStaticMethod) args[0]).callable, rest, kw);
        });
        PyType c = PyTypes.CLASSMETHOD;
        c.define("__init__", (args, kw) -> {
            Args.check("classmethod", args, kw, 1, 1, 1);
            ((PyClassMethod) args[0]).callable = args[1];
            return Py.None;
        });
        c.defineGetter("__func__", o -> ((PyClassMethod) o).callable);
        c.defineGetter("__wrapped__", o -> ((PyClassMethod) o).callable);
        c.define("__get__", (args, kw) -> {
            Object owner = args.length > 2 && args[2] != Py.None ? args[2] : Ops.typeOf(args[1]);
            return new PyMethod(((PyClassMethod) args[0]).callable, owner);
        });
    }

    private static void installModule() {
        PyType t = PyTypes.MODULE;
        t.define("__init__", (args, kw) -> {
            PyModule m = (PyModule) args[0];
            m.dict.put("__name__", Args.str("module", 1, args[1]));
            m.dict.put("__doc__", args.length > 2 ? args[2] : Py.None);
            return Py.None;
        });
        t.define("__repr__", (args, kw) -> {
            PyModule m = (PyModule) args[0];
            Object file = m.dict.getStr("__file__");
            if (file instanceof String f) return "<module '" + m.getName() + "' from '" + f + "'>";
            return "<module '" + m.getName() + "' (built-in)>";
        });
        t.defineGetter("__dict__", o -> ((PyModule) o).dict);
    }

    private static void installGenerator() {
        PyType t = PyTypes.GENERATOR;
        PyIterator.installMethods(t);
        // A generator's __next__ raises StopIteration carrying its return value.
        t.define("__next__", (args, kw) -> ((PyGenerator) args[0]).send(Py.None));
        t.define("send", (args, kw) -> {
            Args.check("send", args, kw, 1, 1, 1);
            return ((PyGenerator) args[0]).send(args[1]);
        });
        t.define("throw", (args, kw) -> {
            PyGenerator g = (PyGenerator) args[0];
            Object typ = args[1];
            PyBaseException exc;
            if (args.length > 2 && args[2] != Py.None) {
                exc = args[2] instanceof PyBaseException e ? e : Raise.instantiate(Ops.call(typ, args[2]));
            } else {
                exc = Raise.instantiate(typ);
            }
            return g.throwInto(exc);
        });
        t.define("close", (args, kw) -> {
            ((PyGenerator) args[0]).close();
            return Py.None;
        });
        t.defineGetter("__name__", o -> ((PyGenerator) o).name);
        t.defineGetter("__qualname__", o -> ((PyGenerator) o).qualname);
        t.defineGetter("gi_running", o -> Py.bool(((PyGenerator) o).isRunning()));
        t.defineGetter("gi_frame", o -> ((PyGenerator) o).isFinished() ? Py.None : ((PyGenerator) o).frame());
        t.defineGetter("gi_code", o -> ((PyGenerator) o).frame().code);
        t.define("__repr__", (args, kw) -> "<generator object " + ((PyGenerator) args[0]).qualname + " at "
                + Py.addressOf(args[0]) + ">");
    }

    private static void installSingletons() {
        PyTypes.NONE.define("__repr__", (args, kw) -> "None");
        PyTypes.NONE.define("__bool__", (args, kw) -> Boolean.FALSE);
        PyTypes.NONE.defineStatic("__new__", (args, kw) -> Py.None);
        PyTypes.NOT_IMPLEMENTED.define("__repr__", (args, kw) -> "NotImplemented");
        PyTypes.ELLIPSIS.define("__repr__", (args, kw) -> "Ellipsis");
    }

    private static void installFrameTypes() {
        PyTypes.CELL.defineGetSet("cell_contents", o -> {
            Object v = ((PyCell) o).contents;
            if (v == null) throw Py.valueError("Cell is empty");
            return v;
        }, (o, v) -> ((PyCell) o).contents = v);
        PyType code = PyTypes.CODE;
        code.defineGetter("co_name", o -> ((CodeObject) o).name);
        code.defineGetter("co_qualname", o -> ((CodeObject) o).qualname);
        code.defineGetter("co_filename", o -> ((CodeObject) o).filename);
        code.defineGetter("co_firstlineno", o -> (long) ((CodeObject) o).firstLine);
        code.defineGetter("co_argcount", o -> (long) ((CodeObject) o).argCount);
        code.defineGetter("co_posonlyargcount", o -> (long) ((CodeObject) o).posOnlyArgCount);
        code.defineGetter("co_kwonlyargcount", o -> (long) ((CodeObject) o).kwOnlyArgCount);
        code.defineGetter("co_flags", o -> (long) ((CodeObject) o).flags);
        code.defineGetter("co_varnames", o -> PyTuple.of((Object[]) ((CodeObject) o).varnames.clone()));
        code.defineGetter("co_names", o -> PyTuple.of((Object[]) ((CodeObject) o).names.clone()));
        code.defineGetter("co_cellvars", o -> PyTuple.of((Object[]) ((CodeObject) o).cellvars.clone()));
        code.defineGetter("co_freevars", o -> PyTuple.of((Object[]) ((CodeObject) o).freevars.clone()));
        code.defineGetter("co_consts", o -> PyTuple.of(((CodeObject) o).consts.clone()));
        code.defineGetter("co_nlocals", o -> (long) ((CodeObject) o).varnames.length);
        code.define("__repr__", (args, kw) -> {
            CodeObject c = (CodeObject) args[0];
            return "<code object " + c.name + " at " + Py.addressOf(c) + ", file \"" + c.filename + "\", line " + c.firstLine + ">";
        });
        PyType frame = PyTypes.FRAME;
        frame.defineGetter("f_code", o -> ((Frame) o).code);
        frame.defineGetter("f_globals", o -> ((Frame) o).globals);
        frame.defineGetter("f_locals", o -> Builtins.frameLocals((Frame) o));
        frame.defineGetter("f_lineno", o -> (long) ((Frame) o).line());
        frame.defineGetter("f_back", o -> {
            Frame b = ((Frame) o).back;
            return b == null ? Py.None : b;
        });
        PyType tb = PyTypes.TRACEBACK;
        tb.defineGetter("tb_next", o -> {
            PyTraceback n = ((PyTraceback) o).next;
            return n == null ? Py.None : n;
        });
        tb.defineGetter("tb_lineno", o -> (long) ((PyTraceback) o).line);
        tb.defineGetter("tb_frame", o -> ((PyTraceback) o).frame);
    }
}
