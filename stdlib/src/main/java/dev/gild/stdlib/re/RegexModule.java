package dev.gild.stdlib.re;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code _re}: the native half of the re module (re/__init__.py holds the flags, re.error and the
 * module-level functions). compile() translates Python's syntax onto java.util.regex and caches the
 * result; Pattern and Match are {@link RegexPattern} and {@link RegexMatch}.
 */
public final class RegexModule implements ModuleProvider {
    private static final int CACHE_SIZE = 512;

    @Override public String name() { return "_re"; }

    @Override public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_re");
        Map<Key, RegexPattern> cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, RegexPattern> eldest) {
                return size() > CACHE_SIZE;
            }
        };
        m.define("compile", (args, kw) -> {
            if (args.length != 2) throw Py.typeError("compile() takes exactly 2 arguments (" + args.length + " given)");
            Object pattern = args[0];
            long flags = Ops.indexLong(args[1]);
            Object value = Ops.unbox(pattern);
            Key key = new Key(value, Ops.typeOf(pattern), flags);
            synchronized (cache) {
                RegexPattern cached = cache.get(key);
                if (cached != null) return cached;
            }
            RegexPattern compiled = compile(pattern, value, flags, m);
            synchronized (cache) {
                cache.put(key, compiled);
            }
            return compiled;
        });
        m.define("purge", (args, kw) -> {
            synchronized (cache) {
                cache.clear();
            }
            return Py.None;
        });
        m.set("Pattern", RegexPattern.TYPE);
        m.set("Match", RegexMatch.TYPE);
        return m;
    }

    private record Key(Object pattern, Object type, long flags) {}

    /** re.error(msg, pattern, pos), through the class re/__init__.py stored as _re.error. */
    static PyException error(PyModule module, String message, Object pattern, int pos) {
        Object cls = module.dict.getStr("error");
        if (cls == null) return Py.valueError(message);
        Object e = Ops.call(cls, message, pattern, pos < 0 ? Py.None : (Object) (long) pos);
        return ((PyBaseException) e).toThrowable();
    }

    private static RegexPattern compile(Object pattern, Object value, long flags, PyModule module) {
        boolean bytes;
        String source;
        if (value instanceof String s) {
            bytes = false;
            source = s;
        } else if (value instanceof PyBytes b) {
            bytes = true;
            source = new String(b.bytes, StandardCharsets.ISO_8859_1);
        } else {
            throw Py.typeError("first argument must be string or compiled pattern");
        }
        int f = (int) flags;
        if (bytes) {
            if ((f & RegexTranslator.UNICODE) != 0) throw Py.valueError("cannot use UNICODE flag with a bytes pattern");
            if ((f & RegexTranslator.LOCALE) != 0 && (f & RegexTranslator.ASCII) != 0) {
                throw Py.valueError("ASCII and LOCALE flags are incompatible");
            }
        } else {
            if ((f & RegexTranslator.LOCALE) != 0) throw Py.valueError("cannot use LOCALE flag with a str pattern");
            if ((f & RegexTranslator.ASCII) != 0 && (f & RegexTranslator.UNICODE) != 0) {
                throw Py.valueError("ASCII and UNICODE flags are incompatible");
            }
        }
        RegexTranslator t;
        try {
            t = RegexTranslator.translate(source, f, bytes);
        } catch (RegexTranslator.Error e) {
            throw error(module, e.getMessage(), pattern, e.pos);
        }
        int pyFlags = t.globalFlags;
        if (!bytes && (pyFlags & RegexTranslator.ASCII) == 0) pyFlags |= RegexTranslator.UNICODE;
        int javaFlags = Pattern.UNIX_LINES;
        if ((pyFlags & RegexTranslator.IGNORECASE) != 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE;
            if (!bytes && (pyFlags & RegexTranslator.ASCII) == 0) javaFlags |= Pattern.UNICODE_CASE;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(t.javaSource(), javaFlags);
        } catch (PatternSyntaxException e) {
            String description = e.getDescription();
            String message = description.contains("Look-behind") ? "look-behind requires fixed-width pattern"
                    : "pattern not supported: " + description;
            throw error(module, message, pattern, -1);
        }
        return new RegexPattern(pattern, pyFlags, bytes, compiled, t.groups, t.groupIndex, t.namesByIndex(), module);
    }
}
