package dev.gild.cli;

import dev.gild.cli.ScriptRunner.Grade;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gild stress script.py}: runs a script many times in this JVM, each run with a fresh
 * interpreter, and prints a jcstress-style table of the outcomes with their grades (see
 * {@link ScriptRunner} for what an outcome is and how a script declares its grades). Exit
 * status 1 when a forbidden outcome appeared, 0 otherwise.
 */
@Command(name = "stress", mixinStandardHelpOptions = true, versionProvider = Main.GildVersion.class,
        description = {"Run a script many times (a fresh interpreter each run) and tabulate its outcomes.",
            "Outcome: what the script printed, or str(scenario()) when it defines scenario().",
            "Grades: a module-level OUTCOMES = {\"2000\": \"acceptable\", \"*\": \"forbidden\"};"
                    + " grades are acceptable, interesting, forbidden (\"*\" grades the rest)."},
        footer = "Exit status: 1 when a forbidden outcome appeared, 2 for bad usage, else 0.")
final class Stress implements Callable<Integer> {
    private static final int BAR_WIDTH = 30;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "script.py", description = "The script to run.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the script's sys.argv.")
    List<String> args = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "How many runs (default: 1000).")
    int runs = 1000;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many runs go on at once, each with its own interpreter (default: 1).")
    int threads = 1;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = Explore.DurationConverter.class,
            description = "Stop starting runs after this long (10s, 500ms, 2m). Default: no limit.")
    Optional<java.time.Duration> timeBudget = Optional.empty();

    @Mixin
    LockFlags lockFlags;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> cannot = Main.cannotOpen(script);
        if (cannot.isPresent()) {
            err.println(cannot.get());
            return Main.EXIT_USAGE;
        }
        String problem = runs < 1 ? "--runs must be at least 1" : threads < 1 ? "--threads must be at least 1"
                : lockFlags.problem();
        if (problem != null) {
            err.println("gild stress: error: " + problem);
            return Main.EXIT_USAGE;
        }
        String source = Files.readString(script, StandardCharsets.UTF_8);
        List<String> argv = new ArrayList<>();
        argv.add(script.toString());
        argv.addAll(args);
        ScriptRunner runner = new ScriptRunner(script, source, argv);

        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, ScriptRunner.Grade> grades = new LinkedHashMap<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean badDeclaration = new AtomicBoolean();
        long startNanos = System.nanoTime();
        long deadline = timeBudget.map(d -> startNanos + d.toNanos()).orElse(Long.MAX_VALUE);
        Progress progress = new Progress(err, runs);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                while (true) {
                    if (System.nanoTime() > deadline || badDeclaration.get()) return;
                    int run = started.getAndIncrement();
                    if (run >= runs) return;
                    ScriptRunner.Result result;
                    try {
                        result = runner.run(lockFlags.newLock(run), lockFlags.perInstruction());
                    } catch (IllegalArgumentException bad) {
                        if (badDeclaration.compareAndSet(false, true)) {
                            synchronized (counts) {
                                grades.clear();
                                counts.clear();
                                counts.put("error: " + bad.getMessage(), 1);
                            }
                        }
                        return;
                    }
                    synchronized (counts) {
                        counts.merge(result.outcome(), 1, Integer::sum);
                        if (grades.isEmpty()) grades.putAll(result.grades());
                    }
                    progress.show(done.incrementAndGet());
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : workers) f.get();
        progress.finish();
        if (badDeclaration.get()) {
            err.println("gild stress: " + counts.keySet().iterator().next().substring("error: ".length()));
            return Main.EXIT_USAGE;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return printTable(out, counts, grades, done.get(), seconds);
    }

    private int printTable(PrintWriter out, Map<String, Integer> counts, Map<String, Grade> grades, int total,
                           double seconds) {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort((a, b) -> b.getValue() - a.getValue());
        int width = "Outcome".length();
        for (var row : rows) width = Math.max(width, display(row.getKey()).length());
        width = Math.min(width, 60);
        out.println(pad("Outcome", width) + "  " + padLeft("Count", 9) + "  " + padLeft("Percent", 8) + "  Grade");
        int forbidden = 0;
        for (var row : rows) {
            Grade grade = ScriptRunner.grade(grades, row.getKey());
            if (grade == Grade.FORBIDDEN) forbidden += row.getValue();
            out.println(pad(display(row.getKey()), width) + "  " + padLeft(String.valueOf(row.getValue()), 9) + "  "
                    + padLeft(percent(row.getValue(), total), 8) + "  " + grade.label());
        }
        out.println();
        String lock = lockFlags.schedule != null ? "--schedule " + lockFlags.schedule
                : "--gil " + lockFlags.gil + ", --switch-interval " + lockFlags.switchInterval
                        + ", --preempt-at " + lockFlags.preemptAt;
        out.println(total + " runs in " + String.format("%.1f", seconds) + " s (" + lock + ")"
                + (grades.isEmpty() ? "; the script declares no OUTCOMES" : ""));
        if (forbidden > 0) {
            out.println("FAILED: a forbidden outcome appeared in " + forbidden + " of " + total + " runs");
            out.flush();
            return 1;
        }
        out.println("OK: no forbidden outcome");
        out.flush();
        return 0;
    }

    /** An outcome on one line: line breaks shown as " | ". */
    static String display(String outcome) {
        String oneLine = outcome.replace("\n", " | ");
        return oneLine.isEmpty() ? "(no output)" : oneLine;
    }

    static String percent(int count, int total) {
        return String.format("%.1f%%", 100.0 * count / Math.max(1, total));
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A progress bar on stderr, redrawn in place at most every REDRAW_NANOS. */
    static final class Progress {
        private static final long REDRAW_NANOS = 100_000_000L;
        private final PrintWriter err;
        private final int total;
        private int shownPercent = -1;
        private long shownAt;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        synchronized void show(int done) {
            int percent = (int) (100L * done / total);
            long now = System.nanoTime();
            if (percent == shownPercent || shownPercent >= 0 && now - shownAt < REDRAW_NANOS && done < total) return;
            shownPercent = percent;
            shownAt = now;
            int filled = BAR_WIDTH * percent / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total);
            err.flush();
        }

        synchronized void finish() {
            if (shownPercent >= 0) {
                err.print("\r" + " ".repeat(BAR_WIDTH + 30) + "\r");
                err.flush();
            }
        }
    }
}
