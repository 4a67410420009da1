package dev.gild.cli;

import dev.gild.bytecode.CodeObject;
import dev.gild.lock.DeterministicScheduler;
import dev.gild.lock.InterpreterLock;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTextStream;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import dev.gild.util.DeepStack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a script in this JVM with a fresh interpreter (its own builtins, sys, modules and lock)
 * and its standard output and error captured: one run of {@code gild stress} or
 * {@code gild explore}.
 *
 * <p>The outcome of a run is what the script printed (trailing white space removed), or, when
 * the script defines a function {@code scenario()}, the str() of its return value (called after
 * the module body). A run that ends with an uncaught exception has the outcome
 * {@code error: <last line of the traceback>}, one that deadlocked under the deterministic
 * scheduler {@code deadlock}.
 *
 * <p>Grades come from the script's module-level {@code OUTCOMES} dict: outcome text to
 * {@code "acceptable"}, {@code "interesting"} or {@code "forbidden"}; the key {@code "*"} grades
 * every outcome not listed, and without it such outcomes are {@code "unknown"}.
 */
public final class ScriptRunner {
    static final String OUTCOMES_NAME = "OUTCOMES";
    static final String SCENARIO_NAME = "scenario";
    private static final long STACK_BYTES = 256L << 20;

    public enum Grade {
        ACCEPTABLE, INTERESTING, FORBIDDEN, UNKNOWN;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What one run produced. grades is the script's declaration (empty when it has none). */
    public record Result(String outcome, String stdout, String stderr, int status, Map<String, Grade> grades) {}

    private final Path script;
    private final String source;
    private final List<String> argv;

    public ScriptRunner(Path script, String source, List<String> argv) {
        this.script = script.toAbsolutePath().normalize();
        this.source = source;
        this.argv = argv;
    }

    /** Runs the script once under lock, on a thread with a deep stack (as the launcher does). */
    public Result run(InterpreterLock lock, boolean perInstruction) {
        return DeepStack.call("MainThread", STACK_BYTES, () -> runHere(lock, perInstruction));
    }

    private Result runHere(InterpreterLock lock, boolean perInstruction) {
        RuntimeOptions options = new RuntimeOptions(perInstruction, argv, Map.of(), script.getParent().toString());
        InterpreterState interp = new InterpreterState(options, lock, new SourceFrontEnd());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        interp.sys.dict.put("stdout", PyTextStream.output("<stdout>", 1, out, false));
        interp.sys.dict.put("stderr", PyTextStream.output("<stderr>", 2, err, true));
        ThreadState ts = interp.attachThread();
        interp.mainThread = ts;
        lock.acquire(ts);
        PyModule main = new PyModule("__main__");
        PyDict globals = main.dict;
        globals.put("__builtins__", interp.builtinsModule);
        globals.put("__package__", Py.None);
        globals.put("__file__", script.toString());
        interp.modules.put("__main__", main);
        int status = 0;
        Object returned = null;
        try {
            try {
                CodeObject code = Builtins.compileSource(interp, source, script.toString(), CodeCompiler.Mode.EXEC);
                Eval.runModule(ts, code, globals);
                Object scenario = globals.getStr(SCENARIO_NAME);
                if (scenario != null && Ops.isCallable(scenario)) returned = Ops.call(scenario);
            } catch (PyException e) {
                status = Launcher.handleUncaught(interp, e.value);
            }
            try {
                interp.runExitHooks();
            } catch (PyException e) {
                status = Launcher.handleUncaught(interp, e.value);
            }
            interp.flushAll();
        } finally {
            lock.release(ts);
            if (lock instanceof DeterministicScheduler scheduler) scheduler.shutdown();
            ThreadState.detach();
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String outcome = returned != null ? safeStr(returned) : stdout.stripTrailing();
        String deadlock = lock instanceof DeterministicScheduler s ? s.deadlockReport() : null;
        if (deadlock != null) {
            outcome = "deadlock";
        } else if (status != 0) {
            outcome = (outcome.isEmpty() ? "" : outcome + "\n") + "error: " + lastLine(stderr);
        }
        return new Result(outcome, stdout, stderr, status, grades(globals.getStr(OUTCOMES_NAME)));
    }

    private static String safeStr(Object o) {
        try {
            return Ops.str(o);
        } catch (PyException e) {
            return "<unprintable " + Ops.typeOf(o).getName() + ">";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.stripTrailing().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** The script's OUTCOMES declaration; an entry with a grade not understood is reported, not guessed. */
    private static Map<String, Grade> grades(Object declared) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        if (!(declared instanceof PyDict dict)) return grades;
        for (int i = dict.nextEntry(0); i >= 0; i = dict.nextEntry(i + 1)) {
            String key = safeStr(dict.keyAt(i));
            String value = safeStr(dict.valueAt(i)).toLowerCase(java.util.Locale.ROOT);
            Grade grade = switch (value) {
                case "acceptable", "ok" -> Grade.ACCEPTABLE;
                case "interesting" -> Grade.INTERESTING;
                case "forbidden" -> Grade.FORBIDDEN;
                default -> throw new IllegalArgumentException("OUTCOMES[" + key + "] is '" + value
                        + "': grades are acceptable, interesting and forbidden");
            };
            grades.put(key, grade);
        }
        return grades;
    }

    public static Grade grade(Map<String, Grade> grades, String outcome) {
        Grade g = grades.get(outcome);
        if (g == null) g = grades.get("*");
        return g == null ? Grade.UNKNOWN : g;
    }
}
