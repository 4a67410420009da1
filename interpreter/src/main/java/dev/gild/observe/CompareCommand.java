package dev.gild.observe;

import dev.gild.lock.stats.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code gild compare script.py [args]}: runs the script under each lock mode (fair GIL, legacy
 * GIL, no GIL by default), {@code --runs} times each, every run in its own child process, and
 * prints one table: median wall and CPU time, the speed-up against the fair GIL, the lock's
 * summary figures (from each child's {@code --gil-stats-json}), and whether the outputs (stdout
 * and exit status) were identical across modes and runs. A difference is flagged as a likely race
 * and the first differing output is shown against the first run's.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a script under each lock mode (fair GIL, legacy GIL, --gil off) and compare"
                + " times, lock figures and outputs. Exit status 1 when the outputs differ.")
public final class CompareCommand implements Callable<Integer> {
    /** A lock mode as the child's command line selects it. */
    enum Mode {
        fair("--gil", "on", "--gil-policy", "fair"),
        legacy("--gil", "on", "--gil-policy", "legacy"),
        off("--gil", "off");

        final List<String> flags;

        Mode(String... flags) { this.flags = List.of(flags); }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--modes", paramLabel = "MODE,...", split = ",",
            description = "The modes to run, in order: fair, legacy, off. Default: all three.")
    List<Mode> modes = List.of(Mode.fair, Mode.legacy, Mode.off);

    @Option(names = "--runs", paramLabel = "N", description = "Runs per mode (median shown). Default: 3.")
    int runs = 3;

    @Option(names = "--switch-interval", paramLabel = "VALUE",
            description = "Passed to every run (an instruction count or a duration such as 1ms).")
    String switchInterval;

    @Option(names = "--preempt-at", paramLabel = "instruction|backedge", description = "Passed to every run.")
    String preemptAt;

    @Option(names = "-X", paramLabel = "OPT", description = "Passed to every run (repeatable).")
    List<String> xOptions = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Limit per run. Default: 300.")
    long timeoutSeconds = 300;

    @Parameters(paramLabel = "script.py", arity = "1..*", parameterConsumer = ScriptAndArguments.class,
            description = "The script, then its arguments (everything after the script goes to it).")
    List<String> scriptAndArguments = new ArrayList<>();

    /** The script and every argument after it, so that the script's options are not read as ours. */
    static final class ScriptAndArguments implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            CompareCommand command = (CompareCommand) commandSpec.userObject();
            while (!args.isEmpty()) command.scriptAndArguments.add(args.pop());
        }
    }

    /** One child run: what it printed and what it measured. */
    record Run(Mode mode, int number, String output, int status, double wall, double cpu, Map<String, Object> stats) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
        if (modes.isEmpty()) throw new ParameterException(spec.commandLine(), "--modes names no mode");
        Path script = Path.of(scriptAndArguments.get(0));
        if (!Files.isReadable(script)) {
            err.println("gild compare: can't open file '" + script.toAbsolutePath() + "'");
            return 2;
        }
        // Progress goes to a terminal only: in a log it would be noise.
        boolean interactive = System.console() != null;
        Path work = Files.createTempDirectory("gild-compare");
        List<Run> all = new ArrayList<>();
        try {
            for (Mode mode : modes) {
                for (int i = 1; i <= runs; i++) {
                    if (interactive) {
                        err.print("\rgild compare: " + mode + " run " + i + " of " + runs + "   ");
                        err.flush();
                    }
                    Run run = runOnce(mode, i, work);
                    if (run == null) {
                        if (interactive) err.println();
                        err.println("gild compare: the " + mode + " run " + i + " took longer than " + timeoutSeconds + " s");
                        return 1;
                    }
                    all.add(run);
                }
            }
        } finally {
            deleteTree(work);
        }
        if (interactive) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
        return report(all, out);
    }

    private Run runOnce(Mode mode, int number, Path work) throws IOException, InterruptedException {
        Path stats = work.resolve(mode + "-" + number + ".json");
        Path stdout = work.resolve(mode + "-" + number + ".out");
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(mode.flags);
        if (switchInterval != null) command.addAll(List.of("--switch-interval", switchInterval));
        if (preemptAt != null) command.addAll(List.of("--preempt-at", preemptAt));
        for (String x : xOptions) command.addAll(List.of("-X", x));
        command.addAll(List.of("--gil-stats-json", stats.toString()));
        command.addAll(scriptAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long started = System.nanoTime();
        Process child = builder.start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            return null;
        }
        double processWall = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        Map<String, Object> figures = Map.of();
        if (Files.exists(stats)) {
            Object parsed = Json.parse(Files.readString(stats, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) parsed;
                figures = map;
            }
        }
        double wall = figures.get("wall") instanceof Number n ? n.doubleValue() : processWall;
        double cpu = figures.get("process_cpu") instanceof Number n ? n.doubleValue() : Double.NaN;
        return new Run(mode, number, output, child.exitValue(), wall, cpu, figures);
    }

    /** The JVM that runs this command, with its options and class path, running gild's main class. */
    static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger agent would make every child wait on the same port.
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) command.add(arg);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.gild.cli.Main");
        return command;
    }

    private int report(List<Run> all, PrintWriter out) {
        Run reference = all.get(0);
        Run firstDiffering = null;
        for (Run run : all) {
            if (!run.output.equals(reference.output) || run.status != reference.status) {
                firstDiffering = run;
                break;
            }
        }
        out.println("gild compare " + String.join(" ", scriptAndArguments) + ": " + runs
                + (runs == 1 ? " run" : " runs") + " per mode"
                + (switchInterval != null ? ", switch interval " + switchInterval : ", switch interval 5ms"));
        out.println(String.format(Locale.ROOT, "%-8s %9s %9s %9s %11s %9s %10s %12s  %s",
                "mode", "wall s", "cpu s", "speed-up", "wait share", "forced", "acquired", "p99 wait ms", "output"));
        Double fairWall = null;
        for (Mode mode : modes) {
            if (mode == Mode.fair) fairWall = median(all, mode, Run::wall);
        }
        for (Mode mode : modes) {
            double wall = median(all, mode, Run::wall);
            double cpu = median(all, mode, Run::cpu);
            String speedUp = fairWall != null && wall > 0 ? String.format(Locale.ROOT, "%.2fx", fairWall / wall) : "-";
            long differing = all.stream().filter(r -> r.mode == mode)
                    .filter(r -> !r.output.equals(reference.output) || r.status != reference.status).count();
            String outputs = differing == 0 ? "same" : differing + " of " + runs + " differ";
            long statusSeen = all.stream().filter(r -> r.mode == mode && r.status != 0).count();
            if (statusSeen > 0) outputs += " (exit status " + all.stream().filter(r -> r.mode == mode)
                    .map(r -> String.valueOf(r.status)).distinct().reduce((a, b) -> a + "/" + b).orElse("") + ")";
            out.println(String.format(Locale.ROOT, "%-8s %9.3f %9s %9s %10.1f%% %9.0f %10.0f %12.2f  %s",
                    mode, wall, Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.3f", cpu), speedUp,
                    100 * median(all, mode, r -> figure(r.stats, "wait_share")),
                    median(all, mode, r -> totalFigure(r.stats, "forced_switches")),
                    median(all, mode, r -> totalFigure(r.stats, "acquisitions")),
                    1000 * median(all, mode, r -> totalFigure(r.stats, "wait_p99")), outputs));
        }
        out.println("wall: the script's own time, interpreter start to exit (median); cpu: the whole"
                + " process's CPU time, JVM start-up and JIT included");
        if (firstDiffering == null) {
            out.println("outputs: identical across all " + all.size() + " runs");
            out.flush();
            return 0;
        }
        out.println("outputs: DIFFER between runs: a likely race (or output that depends on timing)");
        out.println("first difference: " + firstDiffering.mode + " run " + firstDiffering.number
                + " against " + reference.mode + " run " + reference.number + ":");
        if (firstDiffering.status != reference.status) {
            out.println("  exit status " + firstDiffering.status + " instead of " + reference.status);
        }
        out.print(lineDiff(reference.output, firstDiffering.output, reference.mode + " run " + reference.number,
                firstDiffering.mode + " run " + firstDiffering.number));
        out.flush();
        return 1;
    }

    private static double figure(Map<String, Object> stats, String key) {
        return stats.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double totalFigure(Map<String, Object> stats, String key) {
        return stats.get("total") instanceof Map<?, ?> total && total.get(key) instanceof Number n
                ? n.doubleValue() : Double.NaN;
    }

    private static double median(List<Run> all, Mode mode, java.util.function.ToDoubleFunction<Run> value) {
        double[] values = all.stream().filter(r -> r.mode == mode).mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) return Double.NaN;
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /**
     * The lines that differ between two outputs: the common head and tail are skipped and the
     * middle of each side shown (at most 12 lines each), unified-diff style.
     */
    static String lineDiff(String expected, String actual, String expectedName, String actualName) {
        final int maxLines = 12;
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) head++;
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) tail++;
        StringBuilder diff = new StringBuilder();
        diff.append("--- ").append(expectedName).append('\n').append("+++ ").append(actualName).append('\n');
        diff.append("@@ line ").append(head + 1).append(" @@\n");
        appendSide(diff, '-', a, head, a.length - tail, maxLines);
        appendSide(diff, '+', b, head, b.length - tail, maxLines);
        return diff.toString();
    }

    private static void appendSide(StringBuilder diff, char sign, String[] lines, int from, int to, int max) {
        for (int i = from; i < to && i < from + max; i++) diff.append(sign).append(lines[i]).append('\n');
        if (to - from > max) diff.append(sign).append(" ... ").append(to - from - max).append(" more lines\n");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((x, y) -> y.compareTo(x)).toList()) Files.deleteIfExists(p);
        }
    }
}
