package dev.gild.stdlib.collections;

import dev.gild.cli.LaunchOptions;
import dev.gild.cli.Launcher;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyModule;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs Python snippets on a fresh interpreter and collects the repr of each expression (or
 * "Type: message" when it raises), to compare with what python3 printed. The snippets report
 * through the {@code _snippets} module this class provides (registered for the tests only).
 */
public final class Snippets implements ModuleProvider {
    private static final List<String> RECORDED = new ArrayList<>();

    @Override public String name() { return "_snippets"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_snippets");
        m.define("record", (a, kw) -> {
            synchronized (RECORDED) {
                RECORDED.add(Ops.str(a[0]));
            }
            return Py.None;
        });
        return m;
    }

    /** Runs setup, then evaluates each expression; returns one line per expression. */
    public static synchronized List<String> eval(String setup, String... expressions) {
        StringBuilder src = new StringBuilder("import _snippets\n").append(setup).append('\n');
        for (String e : expressions) {
            src.append("try:\n    _snippets.record(repr(").append(e).append("))\n")
               .append("except Exception as _e:\n    _snippets.record(type(_e).__name__ + ': ' + str(_e))\n");
        }
        synchronized (RECORDED) {
            RECORDED.clear();
        }
        int status = Launcher.run(LaunchOptions.defaults(new LaunchOptions.Code(src.toString()), List.of("-c")));
        synchronized (RECORDED) {
            if (status != 0) RECORDED.add("exit status " + status);
            return new ArrayList<>(RECORDED);
        }
    }
}
