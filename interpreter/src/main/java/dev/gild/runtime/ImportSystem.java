package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.locks.ReentrantLock;

/**
 * import: finds modules in sys.modules, then among the Java modules registered through
 * {@link ModuleProvider}, then as {@code name.py} or {@code name/__init__.py} along sys.path, then
 * among the stdlib modules written in Python (resources under {@code /dev/gild/lib/}).
 *
 * <p>One re-entrant import lock serialises imports, so a module imported from two threads at
 * once is executed once; a module is entered in sys.modules before its body runs, so circular
 * imports see the partly initialised module, as in CPython.
 */
public final class ImportSystem {
    private static final String LIB_PREFIX = "/dev/gild/lib/";

    private final InterpreterState interp;
    private final Map<String, ModuleProvider> providers = new HashMap<>();
    private final ReentrantLock importLock = new ReentrantLock();

    ImportSystem(InterpreterState interp) {
        this.interp = interp;
        for (ModuleProvider p : ServiceLoader.load(ModuleProvider.class)) providers.put(p.name(), p);
    }

    /** Names of the Java-implemented modules (sys.builtin_module_names). */
    public java.util.Set<String> builtinModuleNames() { return providers.keySet(); }

    /** IMPORT_NAME: returns the top package (no fromlist) or the named module. */
    public Object importName(String name, PyDict globals, Object fromlist, Object levelObj) {
        int level = (int) Ops.indexLong(levelObj);
        String fullName = level > 0 ? resolveRelative(name, globals, level) : name;
        if (fullName.isEmpty()) throw Py.valueError("Empty module name");
        PyModule leaf = importDotted(fullName);
        boolean hasFromlist = fromlist != Py.None && fromlist != null && Ops.isTrue(fromlist);
        if (hasFromlist) {
            if (leaf.dict.getStr("__path__") != null) {
                for (Object item : Ops.toArray(fromlist)) {
                    String sub = Ops.str(item);
                    if (!"*".equals(sub) && leaf.dict.getStr(sub) == null) {
                        tryImport(fullName + "." + sub);
                    }
                }
            }
            return leaf;
        }
        if (level > 0) {
            String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (name.isEmpty()) return leaf;
            String base = fullName.substring(0, fullName.length() - name.length());
            return interp.modules.getStr(base + top);
        }
        int dot = fullName.indexOf('.');
        return dot < 0 ? leaf : interp.modules.getStr(fullName.substring(0, dot));
    }

    private String resolveRelative(String name, PyDict globals, int level) {
        Object pkg = globals.getStr("__package__");
        String base;
        if (pkg instanceof String p && !p.isEmpty()) {
            base = p;
        } else {
            Object modName = globals.getStr("__name__");
            if (!(modName instanceof String mn)) throw Py.raise(PyExc.ImportError, "attempted relative import with no known parent package");
            base = globals.getStr("__path__") != null ? mn : mn.contains(".") ? mn.substring(0, mn.lastIndexOf('.')) : "";
        }
        if (base.isEmpty()) throw Py.raise(PyExc.ImportError, "attempted relative import with no known parent package");
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) throw Py.raise(PyExc.ImportError, "attempted relative import beyond top-level package");
            base = base.substring(0, dot);
        }
        return name.isEmpty() ? base : base + "." + name;
    }

    private void tryImport(String fullName) {
        try {
            importDotted(fullName);
        } catch (PyException e) {
            if (!e.matches(PyExc.ModuleNotFoundError)) throw e;
        }
    }

    /** Imports every package along a dotted name and returns the last module. */
    public PyModule importDotted(String fullName) {
        Object cached = interp.modules.getStr(fullName);
        if (cached instanceof PyModule m) return m;
        Blocking.acquireLock(importLock);
        try {
            cached = interp.modules.getStr(fullName);
            if (cached instanceof PyModule m) return m;
            int dot = fullName.lastIndexOf('.');
            PyModule parent = null;
            if (dot >= 0) parent = importDotted(fullName.substring(0, dot));
            PyModule m = load(fullName, parent);
            if (parent != null) parent.dict.put(fullName.substring(dot + 1), m);
            return m;
        } finally {
            importLock.unlock();
        }
    }

    private PyModule load(String fullName, PyModule parent) {
        ModuleProvider provider = providers.get(fullName);
        if (provider != null) {
            PyModule m = provider.create(interp);
            interp.modules.put(fullName, m);
            return m;
        }
        Source found = locate(fullName, parent);
        return execSource(fullName, found.filename(), found.text(), found.packagePath());
    }

    /** A module's source as found on sys.path or among the stdlib resources. */
    private record Source(String filename, String text, String packagePath) {}

    private Source locate(String fullName, PyModule parent) {
        String simple = fullName.substring(fullName.lastIndexOf('.') + 1);
        Object[] searchPath;
        if (parent != null) {
            Object p = parent.dict.getStr("__path__");
            if (p == null) {
                throw moduleNotFound("No module named '" + fullName + "'; '" + parent.getName() + "' is not a package", fullName);
            }
            searchPath = Ops.toArray(p);
        } else {
            searchPath = Ops.toArray(interp.sys.dict.getStr("path"));
        }
        for (Object entry : searchPath) {
            String dir = Ops.str(entry);
            Path base = dir.isEmpty() ? Path.of("") : Path.of(dir);
            Path pkgInit = base.resolve(simple).resolve("__init__.py");
            if (Files.isRegularFile(pkgInit)) {
                return new Source(pkgInit.toAbsolutePath().toString(), read(pkgInit),
                        base.resolve(simple).toAbsolutePath().toString());
            }
            Path file = base.resolve(simple + ".py");
            if (Files.isRegularFile(file)) {
                return new Source(file.toAbsolutePath().toString(), read(file), null);
            }
        }
        String resourcePath = LIB_PREFIX + fullName.replace('.', '/');
        String text = readResource(resourcePath + ".py");
        if (text != null) return new Source("<gild>/" + fullName.replace('.', '/') + ".py", text, null);
        text = readResource(resourcePath + "/__init__.py");
        if (text != null) {
            return new Source("<gild>/" + fullName.replace('.', '/') + "/__init__.py", text,
                    "<gild>/" + fullName.replace('.', '/'));
        }
        throw moduleNotFound("No module named '" + fullName + "'", fullName);
    }

    /** Why {@code -m NAME} cannot run NAME: CPython prints the message on one line and exits 1. */
    public static final class NoMainModule extends RuntimeException {
        NoMainModule(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * {@code -m NAME}: runs a module's source as {@code __main__} (a package runs its
     * {@code __main__} submodule), after importing its parent packages, as CPython's runpy does.
     *
     * @throws NoMainModule when there is no such module or it has no source to run
     */
    public void runAsMain(String fullName, PyModule main) {
        if (fullName.isEmpty() || fullName.startsWith(".")) throw new NoMainModule("Relative module names not supported");
        int dot = fullName.lastIndexOf('.');
        PyModule parent = null;
        if (dot >= 0) {
            try {
                parent = importDotted(fullName.substring(0, dot));
            } catch (PyException e) {
                if (!e.value.isInstance(PyExc.ImportError)) throw e;
                throw new NoMainModule("Error while finding module specification for '" + fullName + "' ("
                        + e.value.getType().getName() + ": " + Ops.str(e.value) + ")");
            }
        }
        boolean builtIn = providers.containsKey(fullName)
                || interp.modules.getStr(fullName) instanceof PyModule loaded && loaded.dict.getStr("__file__") == null;
        if (builtIn) throw new NoMainModule("No code object available for " + fullName);
        Source found;
        try {
            found = locate(fullName, parent);
        } catch (PyException e) {
            if (!e.value.isInstance(PyExc.ModuleNotFoundError)) throw e;
            throw new NoMainModule("No module named " + fullName);
        }
        if (found.packagePath() != null) {
            if (fullName.endsWith(".__main__")) throw new NoMainModule("Cannot use package as __main__ module");
            importDotted(fullName);
            try {
                runAsMain(fullName + ".__main__", main);
                return;
            } catch (NoMainModule e) {
                throw new NoMainModule(e.getMessage() + "; '" + fullName + "' is a package and cannot be directly executed");
            }
        }
        main.dict.put("__file__", found.filename());
        main.dict.put("__package__", dot < 0 ? "" : fullName.substring(0, dot));
        if (interp.sys.dict.getStr("argv") instanceof PyList argv && argv.size() > 0) argv.set(0, found.filename());
        CodeObject code = Builtins.compileSource(interp, found.text(), found.filename(), CodeCompiler.Mode.EXEC);
        Eval.runModule(ThreadState.current(), code, main.dict);
    }

    private static PyException moduleNotFound(String message, String name) {
        PyException e = Py.raise(PyExc.ModuleNotFoundError, message);
        e.value.setAttr("name", name);
        return e;
    }

    private PyModule execSource(String fullName, String filename, String source, String packagePath) {
        PyModule m = new PyModule(fullName);
        m.dict.put("__file__", filename);
        m.dict.put("__builtins__", interp.builtinsModule);
        if (packagePath != null) {
            m.dict.put("__path__", PyList.of(packagePath));
            m.dict.put("__package__", fullName);
        } else {
            int dot = fullName.lastIndexOf('.');
            m.dict.put("__package__", dot < 0 ? "" : fullName.substring(0, dot));
        }
        interp.modules.put(fullName, m);
        try {
            CodeObject code = Builtins.compileSource(interp, source, filename, CodeCompiler.Mode.EXEC);
            Eval.runModule(ThreadState.current(), code, m.dict);
        } catch (RuntimeException e) {
            interp.modules.remove(fullName);
            throw e;
        }
        return m;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Py.raise(PyExc.ImportError, "cannot read " + p + ": " + e.getMessage());
        }
    }

    private static String readResource(String path) {
        try (InputStream in = ImportSystem.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** IMPORT_FROM: an attribute of the module, or its submodule. */
    public Object importFrom(Object module, String name) {
        Object v = Ops.getattrOrNull(module, name);
        if (v != null) return v;
        if (module instanceof PyModule m) {
            String sub = m.getName() + "." + name;
            Object cached = interp.modules.getStr(sub);
            if (cached != null) return cached;
            Object file = m.dict.getStr("__file__");
            PyException e = Py.raise(PyExc.ImportError, "cannot import name '" + name + "' from '" + m.getName() + "' ("
                    + (file instanceof String f ? f : "unknown location") + ")");
            e.value.setAttr("name", m.getName());
            throw e;
        }
        throw Py.raise(PyExc.ImportError, "cannot import name '" + name + "'");
    }

    /** IMPORT_STAR: binds __all__ (or every public name) into the target namespace. */
    public void importStar(Object module, PyDict target) {
        PyDict d = module instanceof PyModule m ? m.dict : (PyDict) Ops.getattr(module, "__dict__");
        Object all = d.getStr("__all__");
        if (all != null) {
            for (Object name : Ops.toArray(all)) {
                String n = Ops.str(name);
                target.put(n, Ops.getattr(module, n));
            }
            return;
        }
        for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
            if (d.keyAt(i) instanceof String n && !n.startsWith("_")) target.put(n, d.valueAt(i));
        }
    }
}
