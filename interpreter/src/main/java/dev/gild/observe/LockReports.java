package dev.gild.observe;

import dev.gild.cli.LaunchOptions;
import dev.gild.cli.SwitchInterval;
import dev.gild.lock.LegacyGil;
import dev.gild.lock.stats.LockMonitor;
import dev.gild.lock.stats.LockStatsSnapshot;
import dev.gild.lock.stats.TraceWriter;
import dev.gild.runtime.InterpreterState;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wires the command line's observation options to an interpreter: describes the lock to its
 * monitor, turns tracing on for {@code --trace}, and at exit prints the {@code --gil-stats} table,
 * writes the {@code --gil-stats-json} file and the {@code --trace} file.
 */
public final class LockReports {
    private LockReports() {}

    /** Call once the interpreter exists and before any thread takes the lock. */
    public static void install(InterpreterState interp, LaunchOptions options) {
        LockMonitor monitor = interp.lockMonitor;
        boolean free = options.gil() == LaunchOptions.GilMode.off;
        SwitchInterval given = options.switchInterval();
        // A time interval may be changed by sys.setswitchinterval; an instruction count may not.
        Supplier<String> interval;
        if (interp.lock instanceof LegacyGil legacy) {
            String checkInterval = Integer.toString(legacy.checkInterval());
            interval = () -> checkInterval;
        } else if (given.isTimeBased() && !free) {
            interval = () -> SwitchInterval.ofNanos(Math.max(1, Math.round(interp.lock.switchIntervalSeconds() * 1e9))).toString();
        } else {
            interval = given::toString;
        }
        monitor.describe(free ? "free" : "gil", free ? "none" : options.gilPolicy().name(), interval);
        if (options.trace().isPresent()) monitor.enableTracing();
        if (!options.gilStats() && options.gilStatsJson().isEmpty() && options.trace().isEmpty()) return;
        String program = describeProgram(options);
        // The first hook added runs last: after the threads have been joined.
        interp.addExitHook(() -> report(monitor, options, program, System.err));
    }

    static String describeProgram(LaunchOptions options) {
        return switch (options.program()) {
            case LaunchOptions.Script s -> s.path().toString();
            case LaunchOptions.Code c -> "-c";
            case LaunchOptions.Module m -> "-m " + m.name();
            case LaunchOptions.Stdin in -> "<stdin>";
        };
    }

    static void report(LockMonitor monitor, LaunchOptions options, String program, PrintStream err) {
        long now = System.nanoTime();
        LockStatsSnapshot snapshot = monitor.snapshot();
        if (options.gilStats()) {
            err.print(snapshot.toTable());
            err.flush();
        }
        options.gilStatsJson().ifPresent(path -> {
            Map<String, Object> figures = snapshot.figures();
            figures.put("program", program);
            figures.put("process_cpu", processCpuSeconds());
            StringBuilder json = new StringBuilder();
            dev.gild.lock.stats.Json.write(figures, json);
            writeOrComplain(path, json.append('\n').toString(), err);
        });
        options.trace().ifPresent(path -> {
            try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                TraceWriter.write(monitor, program, now, out);
            } catch (IOException | RuntimeException e) {
                err.println("gild: cannot write the trace to " + path + ": " + e.getMessage());
            }
        });
    }

    private static void writeOrComplain(Path path, String text, PrintStream err) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("gild: cannot write the lock statistics to " + path + ": " + e.getMessage());
        }
    }

    /** CPU time of the whole process (all threads, the JIT and GC included), or -1 when unknown. */
    static double processCpuSeconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            long nanos = hotspot.getProcessCpuTime();
            if (nanos >= 0) return nanos / 1e9;
        }
        return -1.0;
    }
}
