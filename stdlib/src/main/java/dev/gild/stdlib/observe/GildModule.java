package dev.gild.stdlib.observe;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;

import java.util.List;
import java.util.Map;

/**
 * The {@code gild} module: what the VM can tell a script about itself that CPython cannot.
 *
 * <ul>
 *   <li>{@code gild.stats()}: the interpreter lock's statistics so far, as a dict (the same
 *       figures as {@code --gil-stats}; see docs/observability.md for the keys).</li>
 *   <li>{@code gild.stats_table()}: the same figures as the {@code --gil-stats} table (a str).</li>
 * </ul>
 */
public final class GildModule implements ModuleProvider {
    @Override
    public String name() { return "gild"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("gild");
        m.define("stats", (args, kw) -> {
            Args.check("stats", args, kw, 0, 0, 0);
            return toPython(interp.lockMonitor.snapshot().figures());
        });
        m.define("stats_table", (args, kw) -> {
            Args.check("stats_table", args, kw, 0, 0, 0);
            return interp.lockMonitor.snapshot().toTable();
        });
        return m;
    }

    /** Maps to dicts, lists to lists; strings, Longs, Doubles and Booleans are Python values already. */
    static Object toPython(Object value) {
        if (value instanceof Map<?, ?> map) {
            PyDict dict = new PyDict();
            for (Map.Entry<?, ?> e : map.entrySet()) dict.put(e.getKey(), toPython(e.getValue()));
            return dict;
        }
        if (value instanceof List<?> list) {
            PyList out = new PyList();
            for (Object item : list) out.append(toPython(item));
            return out;
        }
        return value;
    }
}
