package dev.gild.stdlib.io;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.ThreadState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The interpreter's current directory. The JVM cannot change its process working directory, so
 * os.chdir changes this per-interpreter value instead, and every relative path given to open(),
 * os, shutil and subprocess (its default cwd) is resolved against it. It starts as the process's
 * directory, so scripts that never call chdir see exactly CPython's behaviour.
 */
public final class WorkingDirectory {
    private static final Map<InterpreterState, Path> CWD = new WeakHashMap<>();
    private static final Path START = Path.of("").toAbsolutePath().normalize();

    private WorkingDirectory() {}

    public static synchronized Path get() {
        ThreadState ts = ThreadState.currentOrNull();
        if (ts == null) return START;
        return CWD.getOrDefault(ts.interp, START);
    }

    public static synchronized void set(Path dir) {
        CWD.put(ThreadState.current().interp, dir.toAbsolutePath().normalize());
    }

    /** A path string resolved against the interpreter's current directory. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : get().resolve(p);
    }

    /**
     * os.fspath: str and bytes pass through (bytes decoded as the file system's UTF-8), objects
     * with __fspath__ are asked; anything else is CPython's TypeError naming the function.
     */
    public static String fspath(Object o, String fname, String argName) {
        Object v = Ops.unbox(o);
        if (v instanceof String s) return s;
        if (v instanceof PyBytes b) return new String(b.bytes, StandardCharsets.UTF_8);
        Object r = Ops.callSpecial(o, "__fspath__");
        if (r != null) {
            Object u = Ops.unbox(r);
            if (u instanceof String s) return s;
            if (u instanceof PyBytes b) return new String(b.bytes, StandardCharsets.UTF_8);
            throw Py.typeError("expected " + Ops.typeName(o) + ".__fspath__() to return str or bytes, not " + Ops.typeName(r));
        }
        if (fname == null) throw Py.typeError("expected str, bytes or os.PathLike object, not " + Ops.typeName(o));
        throw Py.typeError(fname + ": " + argName + " should be string, bytes or os.PathLike, not " + Ops.typeName(o));
    }
}
