package dev.gild.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The methods of {@code type}: calling a class (__new__ then __init__), creating classes
 * (type(name, bases, ns) and the class statement's {@code __build_class__}), and the class
 * attributes (__name__, __mro__, ...).
 */
public final class TypeMethods {
    private TypeMethods() {}

    static void install() {
        PyType t = PyTypes.TYPE;
        t.defineGetSet("__name__", o -> ((PyType) o).getName(), (o, v) -> ((PyType) o).setName(Args.str("__name__", 1, v)));
        t.defineGetSet("__qualname__", o -> ((PyType) o).getQualname(),
                (o, v) -> ((PyType) o).setQualname(Args.str("__qualname__", 1, v)));
        t.defineGetter("__bases__", o -> PyTuple.of((Object[]) ((PyType) o).getBases().clone()));
        t.defineGetter("__base__", o -> {
            PyType b = ((PyType) o).getBase();
            return b == null ? Py.None : b;
        });
        t.defineGetter("__mro__", o -> PyTuple.of((Object[]) ((PyType) o).getMro().clone()));
        t.defineGetter("__dict__", o -> ((PyType) o).namespace());
        // Both live in the class's namespace, so assigning them goes through setAttribute (which
        // refuses built-in types and keeps the attribute caches right).
        t.defineGetSet("__module__", o -> ((PyType) o).getModuleName(),
                (o, v) -> ((PyType) o).setAttribute("__module__", v));
        t.defineGetSet("__doc__", o -> {
            Object d = ((PyType) o).namespace().getStr("__doc__");
            return d == null ? Py.None : d;
        }, (o, v) -> ((PyType) o).setAttribute("__doc__", v));
        t.define("mro", (args, kw) -> PyList.of((Object[]) ((PyType) args[0]).getMro()));
        t.define("__subclasses__", (args, kw) -> {
            PyList out = new PyList();
            for (PyType s : ((PyType) args[0]).getSubclasses()) out.append(s);
            return out;
        });
        t.define("__repr__", (args, kw) -> {
            PyType type = (PyType) args[0];
            String module = type.getModuleName();
            return "builtins".equals(module) ? "<class '" + type.getQualname() + "'>"
                    : "<class '" + module + "." + type.getQualname() + "'>";
        });
        TYPE_CALL = t.define("__call__", (args, kw) -> {
            Object[] rest = new Object[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return construct((PyType) args[0], rest, kw);
        });
        t.define("__instancecheck__", (args, kw) -> Py.bool(Ops.typeOf(args[1]).isSubtypeOf((PyType) args[0])));
        t.define("__subclasscheck__", (args, kw) -> {
            if (!(args[1] instanceof PyType sub)) throw Py.typeError("issubclass() arg 1 must be a class");
            return Py.bool(sub.isSubtypeOf((PyType) args[0]));
        });
        t.defineStatic("__new__", (args, kw) -> typeNew(args, kw));
        t.define("__init__", (args, kw) -> Py.None);
        t.defineClassMethod("__prepare__", (args, kw) -> new PyDict());
    }

    /** type.__call__: what a metaclass's own __call__ reaches through super().__call__. */
    static PyBuiltin TYPE_CALL;

    /**
     * Calls a class: through its metaclass's __call__ when a metaclass overrides it (enum, ABCs),
     * otherwise type(x), or __new__ followed by __init__.
     */
    public static Object callType(PyType t, Object[] args, String[] kwnames) {
        PyType meta = t.getType();
        if (meta != PyTypes.TYPE) {
            Object call = meta.lookup("__call__");
            if (call != TYPE_CALL && call != null) {
                return Ops.call(Ops.bind(call, t, meta), args, kwnames);
            }
        }
        return construct(t, args, kwnames);
    }

    /** type.__call__ proper: type(x), or __new__ followed by __init__. */
    static Object construct(PyType t, Object[] args, String[] kwnames) {
        if (t == PyTypes.TYPE) {
            int npos = Args.positional(args, kwnames);
            if (npos == 1 && Args.kwCount(kwnames) == 0) return Ops.typeOf(args[0]);
            if (npos != 3) throw Py.typeError("type() takes 1 or 3 arguments");
        }
        Object newDescr = t.lookup("__new__");
        Object obj;
        if (newDescr == ObjectMethods.NEW_STATIC) {
            if (args.length > 0 && t.lookup("__init__") == ObjectMethods.INIT) {
                throw Py.typeError(t.getName() + "() takes no arguments");
            }
            obj = t.allocate();
        } else {
            Object newFn = newDescr instanceof PyStaticMethod s ? s.callable : Ops.bind(newDescr, null, t);
            Object[] full = new Object[args.length + 1];
            full[0] = t;
            System.arraycopy(args, 0, full, 1, args.length);
            obj = Ops.call(newFn, full, kwnames);
        }
        PyType objType = Ops.typeOf(obj);
        if (!objType.isSubtypeOf(t)) return obj;
        Object init = objType.lookup("__init__");
        if (init != ObjectMethods.INIT && init != null) {
            Object[] full = new Object[args.length + 1];
            full[0] = obj;
            System.arraycopy(args, 0, full, 1, args.length);
            Object r = init instanceof PyFunction f ? f.call(full, kwnames) : Ops.call(Ops.bind(init, obj, objType), args, kwnames);
            if (r != Py.None) {
                throw Py.typeError("__init__() should return None, not '" + Ops.typeName(r) + "'");
            }
        }
        return obj;
    }

    /** type.__new__(meta, name, bases, namespace, **kwargs). */
    static Object typeNew(Object[] args, String[] kwnames) {
        int npos = Args.positional(args, kwnames);
        if (npos != 4) throw Py.typeError("type.__new__() takes exactly 3 arguments (" + (npos - 1) + " given)");
        PyType meta = (PyType) args[0];
        String name = Args.str("type.__new__", 1, args[1]);
        if (!(args[2] instanceof PyTuple basesTuple)) {
            throw Py.typeError("type.__new__() argument 2 must be tuple, not " + Ops.typeName(args[2]));
        }
        if (!(args[3] instanceof PyDict ns)) {
            throw Py.typeError("type.__new__() argument 3 must be dict, not " + Ops.typeName(args[3]));
        }
        PyType[] bases = new PyType[basesTuple.size()];
        for (int i = 0; i < bases.length; i++) {
            if (!(basesTuple.get(i) instanceof PyType b)) {
                throw Py.typeError("bases must be types");
            }
            bases[i] = b;
        }
        return newClass(meta, name, bases, ns.copy(), kwnames == null ? null : kwArgs(args, kwnames));
    }

    private static PyDict kwArgs(Object[] args, String[] kwnames) {
        PyDict d = new PyDict();
        int base = args.length - kwnames.length;
        for (int i = 0; i < kwnames.length; i++) d.put(kwnames[i], args[base + i]);
        return d;
    }

    /** Creates a class from a finished namespace, as type.__new__ does. */
    public static PyType newClass(PyType meta, String name, PyType[] bases, PyDict ns, PyDict kwargs) {
        Object qualname = ns.remove("__qualname__");
        Object classCell = ns.remove("__classcell__");
        Object slots = ns.getStr("__slots__");
        List<String> slotNames = new ArrayList<>();
        if (slots != null) {
            Object[] items = slots instanceof String s ? new Object[] {s} : Ops.toArray(slots);
            for (Object item : items) {
                String slot = Args.str("__slots__", 1, item);
                if (!"__dict__".equals(slot) && !"__weakref__".equals(slot)) slotNames.add(slot);
            }
        }
        Object newFn = ns.getStr("__new__");
        if (newFn instanceof PyFunction) ns.put("__new__", new PyStaticMethod(newFn));
        for (String cm : new String[] {"__init_subclass__", "__class_getitem__"}) {
            Object f = ns.getStr(cm);
            if (f instanceof PyFunction) ns.put(cm, new PyClassMethod(f));
        }
        if (ns.getStr("__eq__") != null && ns.getStr("__hash__") == null) ns.put("__hash__", Py.None);
        if (ns.getStr("__doc__") == null) ns.put("__doc__", Py.None);
        PyType cls = new PyType(meta, name, bases, ns);
        if (qualname instanceof String q) cls.setQualname(q);
        if (slots != null) {
            boolean wantsDict = false;
            for (Object item : slots instanceof String s ? new Object[] {s} : Ops.toArray(slots)) {
                if ("__dict__".equals(item)) wantsDict = true;
            }
            boolean baseDict = false;
            for (PyType b : cls.getBases()) if (b.hasInstanceDict()) baseDict = true;
            cls.setInstanceDict(wantsDict || baseDict);
            for (String slot : slotNames) ns.put(slot, new PySlotDescriptor(slot, cls));
        }
        if (classCell instanceof PyCell cell) cell.contents = cls;
        for (int i = ns.nextEntry(0); i >= 0; i = ns.nextEntry(i + 1)) {
            Object value = ns.valueAt(i);
            if (value instanceof PyProperty p && p.name == null && ns.keyAt(i) instanceof String key) {
                p.name = key;
            } else if (value instanceof PyObject po && !po.getType().builtin) {
                Object setName = po.getType().lookup("__set_name__");
                if (setName != null) Ops.call(Ops.bind(setName, value, po.getType()), cls, ns.keyAt(i));
            }
        }
        PySuper sup = new PySuper(PyTypes.SUPER);
        sup.thisType = cls;
        sup.obj = cls;
        sup.objType = cls;
        Object initSubclass = SuperMethods.lookup(sup, "__init_subclass__");
        if (initSubclass != null) {
            if (kwargs == null || kwargs.size() == 0) {
                Ops.call(initSubclass);
            } else {
                Object[] kwValues = kwargs.valuesArray();
                String[] names = new String[kwValues.length];
                Object[] keys = kwargs.keysArray();
                for (int i = 0; i < keys.length; i++) names[i] = (String) keys[i];
                Ops.call(initSubclass, kwValues, names);
            }
        }
        return cls;
    }

    /**
     * {@code __build_class__(func, name, *bases, metaclass=None, **kwds)}: the class statement.
     * Runs the body function with a fresh namespace as its locals, then calls the metaclass.
     */
    public static Object buildClass(Object[] args, String[] kwnames) {
        int npos = Args.positional(args, kwnames);
        if (npos < 2) throw Py.typeError("__build_class__: not enough arguments");
        if (!(args[0] instanceof PyFunction body)) throw Py.typeError("__build_class__: func must be a function");
        String name = Args.str("__build_class__", 2, args[1]);
        Object[] bases = new Object[npos - 2];
        System.arraycopy(args, 2, bases, 0, bases.length);
        Object meta = null;
        List<String> kwNames = new ArrayList<>();
        List<Object> kwValues = new ArrayList<>();
        if (kwnames != null) {
            for (int i = 0; i < kwnames.length; i++) {
                Object v = args[npos + i];
                if ("metaclass".equals(kwnames[i])) meta = v;
                else {
                    kwNames.add(kwnames[i]);
                    kwValues.add(v);
                }
            }
        }
        bases = resolveMroEntries(bases);
        if (meta == null) meta = bases.length == 0 ? PyTypes.TYPE : Ops.typeOf(bases[0]);
        if (meta instanceof PyType metaType) meta = mostDerivedMetaclass(metaType, bases);
        PyDict ns;
        Object prepare = Ops.getattrOrNull(meta, "__prepare__");
        if (prepare != null) {
            Object[] prepArgs = new Object[2 + kwValues.size()];
            prepArgs[0] = name;
            prepArgs[1] = PyTuple.of(bases);
            for (int i = 0; i < kwValues.size(); i++) prepArgs[2 + i] = kwValues.get(i);
            Object made = Ops.call(prepare, prepArgs, kwNames.isEmpty() ? null : kwNames.toArray(new String[0]));
            if (!(made instanceof PyDict d)) {
                throw Py.typeError(Ops.typeName(meta) + ".__prepare__() must return a mapping, not " + Ops.typeName(made));
            }
            ns = d;
        } else {
            ns = new PyDict();
        }
        Object cell = Eval.runClassBody(body, ns);
        Object[] callArgs = new Object[3 + kwValues.size()];
        callArgs[0] = name;
        callArgs[1] = PyTuple.of(bases);
        callArgs[2] = ns;
        for (int i = 0; i < kwValues.size(); i++) callArgs[3 + i] = kwValues.get(i);
        Object cls = Ops.call(meta, callArgs, kwNames.isEmpty() ? null : kwNames.toArray(new String[0]));
        if (cell instanceof PyCell c && c.contents == null) c.contents = cls;
        return cls;
    }

    private static Object[] resolveMroEntries(Object[] bases) {
        List<Object> out = new ArrayList<>();
        boolean changed = false;
        for (Object b : bases) {
            if (!(b instanceof PyType)) {
                Object entries = Ops.getattrOrNull(b, "__mro_entries__");
                if (entries != null) {
                    for (Object e : Ops.toArray(Ops.call(entries, PyTuple.of(bases)))) out.add(e);
                    changed = true;
                    continue;
                }
            }
            out.add(b);
        }
        return changed ? out.toArray() : bases;
    }

    private static PyType mostDerivedMetaclass(PyType meta, Object[] bases) {
        PyType winner = meta;
        for (Object b : bases) {
            PyType bm = Ops.typeOf(b);
            if (winner.isSubtypeOf(bm)) continue;
            if (bm.isSubtypeOf(winner)) {
                winner = bm;
                continue;
            }
            throw Py.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                    + "subclass of the metaclasses of all its bases");
        }
        return winner;
    }
}
