package dev.gild.runtime;

import java.io.File;

/** The sys module: argv, path, modules, the standard streams, limits and version data. */
final class SysModule {
    private SysModule() {}

    static PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("sys");
        PyDict d = m.dict;
        PyList argv = new PyList();
        for (String a : interp.options.argv()) argv.append(a);
        d.put("argv", argv);
        PyList path = new PyList();
        String dir = interp.options.scriptDirectory();
        path.append(dir == null ? "" : dir);
        d.put("path", path);
        d.put("modules", interp.modules);
        d.put("stdout", interp.stdout);
        d.put("stderr", interp.stderr);
        d.put("stdin", interp.stdin);
        d.put("__stdout__", interp.stdout);
        d.put("__stderr__", interp.stderr);
        d.put("__stdin__", interp.stdin);
        d.put("version", "3.11.7 (Gild 0.1.0, Java " + Runtime.version().feature() + ")");
        d.put("version_info", PyStructSeq.make(
                PyStructSeq.newType("sys.version_info", "sys", "major", "minor", "micro", "releaselevel", "serial"),
                3L, 11L, 7L, "final", 0L));
        d.put("flags", flags(interp));
        d.put("float_info", PyStructSeq.make(
                PyStructSeq.newType("sys.float_info", "sys", "max", "max_exp", "max_10_exp", "min", "min_exp",
                        "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"),
                Double.MAX_VALUE, (long) Double.MAX_EXPONENT + 1, 308L, Double.MIN_NORMAL,
                (long) Double.MIN_EXPONENT + 1, -307L, 15L, 53L, Math.ulp(1.0), 2L, 1L));
        // Numbers hash as CPython's do (modulus 2**61 - 1); str hashes with Java's own unseeded
        // 32-bit String.hashCode, so algorithm, hash_bits and seed_bits say that instead of siphash.
        d.put("hash_info", PyStructSeq.make(
                PyStructSeq.newType("sys.hash_info", "sys", "width", "modulus", "inf", "nan", "imag",
                        "algorithm", "hash_bits", "seed_bits", "cutoff"),
                64L, (1L << 61) - 1, 314159L, 0L, 1000003L, "java", 32L, 0L, 0L));
        d.put("hexversion", 0x030B07F0L);
        d.put("platform", System.getProperty("os.name", "").toLowerCase().startsWith("linux") ? "linux"
                : System.getProperty("os.name", "").toLowerCase().startsWith("mac") ? "darwin" : "win32");
        d.put("maxsize", Long.MAX_VALUE);
        d.put("byteorder", "little");
        d.put("executable", executable());
        d.put("prefix", "");
        d.put("copyright", "Gild");
        d.put("dont_write_bytecode", Boolean.FALSE);
        d.put("builtin_module_names", PyTuple.of("builtins", "sys"));
        PyDict xoptions = new PyDict();
        interp.options.xOptions().forEach((k, v) -> xoptions.put(k, v == null ? Boolean.TRUE : v));
        d.put("_xoptions", xoptions);
        PyModule impl = new PyModule("implementation");
        d.put("implementation", impl);
        impl.dict.put("name", "gild");
        impl.dict.put("version", PyTuple.of(0L, 1L, 0L, "alpha", 0L));
        impl.dict.put("cache_tag", dev.gild.bytecode.CodeSerializer.CACHE_TAG);
        define(d, "exit", (args, kw) -> {
            Args.check("exit", args, kw, 0, 0, 1);
            PyBaseException e = new PyBaseException(PyExc.SystemExit, args.length == 0 ? new Object[0] : new Object[] {args[0]});
            e.setAttr("code", args.length == 0 ? Py.None : args[0]);
            throw e.toThrowable();
        });
        define(d, "getrecursionlimit", (args, kw) -> (long) interp.recursionLimit);
        define(d, "setrecursionlimit", (args, kw) -> {
            Args.check("setrecursionlimit", args, kw, 0, 1, 1);
            long n = Ops.indexLong(args[0]);
            if (n < 1) throw Py.valueError("recursion limit must be greater or equal than 1");
            interp.recursionLimit = (int) Math.min(n, Integer.MAX_VALUE);
            return Py.None;
        });
        define(d, "exc_info", (args, kw) -> {
            PyBaseException e = ThreadState.current().handled;
            if (e == null) return PyTuple.of(Py.None, Py.None, Py.None);
            return PyTuple.of(e.getType(), e, e.traceback == null ? Py.None : e.traceback);
        });
        define(d, "exception", (args, kw) -> {
            PyBaseException e = ThreadState.current().handled;
            return e == null ? Py.None : e;
        });
        define(d, "intern", (args, kw) -> Args.str("intern", 1, args[0]).intern());
        define(d, "getsizeof", (args, kw) -> SysSizes.sizeOf(args[0]));
        define(d, "getswitchinterval", (args, kw) -> interp.lock.switchIntervalSeconds());
        define(d, "setswitchinterval", (args, kw) -> {
            Args.check("setswitchinterval", args, kw, 0, 1, 1);
            double v = args[0] instanceof Long l ? l : args[0] instanceof Double x ? x : Ops.indexLong(args[0]);
            if (v <= 0) throw Py.valueError("switch interval must be strictly positive");
            interp.lock.setSwitchIntervalSeconds(v);
            return Py.None;
        });
        define(d, "_getframe", (args, kw) -> {
            Frame f = ThreadState.current().frame;
            long depth = args.length > 0 ? Ops.indexLong(args[0]) : 0;
            for (long i = 0; i < depth && f != null; i++) f = f.back;
            if (f == null) throw Py.valueError("call stack is not deep enough");
            return f;
        });
        define(d, "_is_gil_enabled", (args, kw) -> Py.bool(!interp.lock.isFree()));
        define(d, "getdefaultencoding", (args, kw) -> "utf-8");
        define(d, "getfilesystemencoding", (args, kw) -> "utf-8");
        define(d, "displayhook", (args, kw) -> {
            Args.check("displayhook", args, kw, 0, 1, 1);
            interp.defaultDisplayHook(args[0]);
            return Py.None;
        });
        d.put("__displayhook__", d.getStr("displayhook"));
        define(d, "excepthook", (args, kw) -> {
            Args.check("excepthook", args, kw, 0, 3, 3);
            if (args[1] instanceof PyBaseException e) TracebackPrinter.print(interp, e);
            return Py.None;
        });
        d.put("__excepthook__", d.getStr("excepthook"));
        return m;
    }

    /**
     * sys.flags: CPython 3.11's fields, plus {@code gil} (1 with the GIL, 0 free-threaded, as in
     * CPython 3.13) and Gild's {@code switch_points} ('instruction' or 'backedge', the
     * --preempt-at mode).
     */
    private static PyTuple flags(InterpreterState interp) {
        PyType type = PyStructSeq.newType("sys.flags", "sys", "debug", "inspect", "interactive", "optimize",
                "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
                "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
                "safe_path", "int_max_str_digits", "gil", "switch_points");
        return PyStructSeq.make(type, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, Boolean.FALSE, 0L, 0L,
                Boolean.FALSE, -1L, interp.lock.isFree() ? 0L : 1L,
                interp.options.perInstruction() ? "instruction" : "backedge");
    }

    private static void define(PyDict d, String name, PyBuiltin.Impl impl) {
        PyBuiltin b = PyBuiltin.function(name, impl);
        b.module = "sys";
        d.put(name, b);
    }

    private static String executable() {
        String home = System.getProperty("gild.home");
        return home == null ? "gild" : home + File.separator + "gild";
    }
}
