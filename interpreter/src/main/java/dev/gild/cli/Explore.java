package dev.gild.cli;

import dev.gild.cli.LaunchOptions.PreemptAt;
import dev.gild.cli.ScriptRunner.Grade;
import dev.gild.lock.DeterministicScheduler;
import dev.gild.lock.DeterministicScheduler.ChoicePoint;
import dev.gild.lock.ScheduleStrategy;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/*
 * gild explore: systematic enumeration of a script's interleavings with a preemption bound
 * (iterative context bounding, as Microsoft CHESS and tokio's loom do).
 *
 * A schedule is the sequence of tasks chosen at the choice points of a run (the switch points
 * where two or more threads could run; see DeterministicScheduler). A run replays a prefix of
 * choices and then continues without preemption (the running thread keeps going while it can;
 * when it blocks or ends, the lowest-numbered enabled thread runs). Every run records its choice
 * points with the alternatives each offered.
 *
 * Iterative context bounding, stateless (each run starts the script afresh): all schedules with
 * k preemptions run before any with k + 1, depth first within a level. From a run whose prefix had
 * length p, every choice point i >= p and every alternative there gives a new prefix (the first
 * i choices of the run, then the alternative), pushed when its preemptions (choosing another
 * thread while the running one could go on) stay within the bound K. Each schedule is reached
 * exactly once: two schedules differ first at one choice point, and only the run that made the
 * common prefix branches there.
 *
 * Reduction: no preemption is tried just before an instruction that only touches the running
 * thread's own frame (LOAD_FAST, LOAD_CONST, jumps ...): switching after it instead reaches the
 * same states with the same number of preemptions. Only in instruction mode, where the next
 * boundary is a switch point too (--no-reduction turns it off). The search ends when the stack is empty (the bounded space is
 * exhausted) or the budget of runs or time is spent.
 *
 * Each distinct outcome is reported with the number of schedules that reached it and the replay
 * token of the first one; `gild --schedule replay:TOKEN script.py` reruns it with a trace.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = Main.GildVersion.class,
        description = {"Enumerate the interleavings of a script's threads with at most K preemptions.",
            "Each distinct outcome comes with a replay spec: gild --schedule replay:TOKEN script.py.",
            "Outcomes and grades as for gild stress (OUTCOMES, scenario())."},
        footer = "Exit status: 1 when a forbidden outcome was found, 2 for bad usage, else 0.")
final class Explore implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "script.py", description = "The script to explore.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the script's sys.argv.")
    List<String> args = new ArrayList<>();

    @Option(names = "--preemptions", paramLabel = "K", description = "Preemption bound (default: 2).")
    int preemptions = 2;

    @Option(names = "--preempt-at", paramLabel = "instruction|backedge",
            description = "Which switch points are choice points (default: instruction).")
    PreemptAt preemptAt = PreemptAt.instruction;

    @Option(names = "--no-reduction",
            description = "Also preempt before instructions that only touch their own frame (slower;"
                    + " the outcomes are the same).")
    boolean noReduction;

    @Option(names = "--max-runs", paramLabel = "N", description = "Stop after N runs (default: 10000).")
    int maxRuns = 10_000;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (10s, 500ms, 2m). Default: no limit.")
    Optional<Duration> timeBudget = Optional.empty();

    /** A schedule still to run: its forced choices and how many preemptions they make. */
    private record Pending(int[] prefix, int preemptions) {}

    /** What the search found for one outcome. */
    private static final class Found {
        int schedules;
        final String token;
        final int preemptions;

        Found(String token, int preemptions) {
            this.token = token;
            this.preemptions = preemptions;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> cannot = Main.cannotOpen(script);
        if (cannot.isPresent()) {
            err.println(cannot.get());
            return Main.EXIT_USAGE;
        }
        if (preemptions < 0 || maxRuns < 1) {
            err.println("gild explore: error: --preemptions must be at least 0 and --max-runs at least 1");
            return Main.EXIT_USAGE;
        }
        List<String> argv = new ArrayList<>();
        argv.add(script.toString());
        argv.addAll(args);
        ScriptRunner runner = new ScriptRunner(script, Files.readString(script, StandardCharsets.UTF_8), argv);
        boolean perInstruction = preemptAt == PreemptAt.instruction;
        // The reduction moves a preemption to the next instruction boundary, which is a switch
        // point only in instruction mode.
        boolean reduce = perInstruction && !noReduction;

        Map<String, Found> outcomes = new LinkedHashMap<>();
        Map<String, Grade> grades = Map.of();
        // One stack per number of preemptions: all schedules with fewer preemptions run first.
        List<Deque<Pending>> levels = new ArrayList<>();
        for (int k = 0; k <= preemptions; k++) levels.add(new ArrayDeque<>());
        levels.get(0).push(new Pending(new int[0], 0));
        long start = System.nanoTime();
        long deadline = timeBudget.map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
        Stress.Progress progress = new Stress.Progress(err, maxRuns);
        int runs = 0;
        int mismatches = 0;
        while (runs < maxRuns && System.nanoTime() < deadline) {
            Deque<Pending> level = lowestNonEmpty(levels);
            if (level == null) break;
            Pending next = level.pop();
            DeterministicScheduler scheduler = new DeterministicScheduler(
                    new ScheduleStrategy.ReplayStrategy(next.prefix()), perInstruction, null, true);
            ScriptRunner.Result result;
            try {
                result = runner.run(scheduler, perInstruction);
            } catch (IllegalArgumentException bad) {
                progress.finish();
                err.println("gild explore: " + bad.getMessage());
                return Main.EXIT_USAGE;
            }
            runs++;
            progress.show(runs);
            if (scheduler.replayDiverged()) {
                // The script is not deterministic under a fixed schedule (it reads the clock
                // of the host, or the environment): this branch cannot be reproduced.
                mismatches++;
                continue;
            }
            if (grades.isEmpty()) grades = result.grades();
            String token = scheduler.scheduleToken();
            outcomes.computeIfAbsent(result.outcome(), k -> new Found(token, next.preemptions())).schedules++;
            List<ChoicePoint> points = scheduler.choicePoints();
            int[] taken = new int[points.size()];
            int[] preemptionsBefore = new int[points.size() + 1];
            for (int i = 0; i < points.size(); i++) {
                taken[i] = points.get(i).chosen();
                preemptionsBefore[i + 1] = preemptionsBefore[i] + (points.get(i).isPreemption(taken[i]) ? 1 : 0);
            }
            // Push deeper branch points last, so that they are explored first (depth first).
            for (int i = next.prefix().length; i < points.size(); i++) {
                ChoicePoint point = points.get(i);
                for (int alternative : point.enabled()) {
                    if (alternative == point.chosen()) continue;
                    boolean preempts = point.isPreemption(alternative);
                    if (preempts && reduce && point.currentNextIsLocal()) continue;
                    int cost = preemptionsBefore[i] + (preempts ? 1 : 0);
                    if (cost > preemptions) continue;
                    int[] prefix = Arrays.copyOf(taken, i + 1);
                    prefix[i] = alternative;
                    levels.get(cost).push(new Pending(prefix, cost));
                }
            }
        }
        progress.finish();
        boolean exhausted = lowestNonEmpty(levels) == null;
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(out, outcomes, grades, runs, exhausted, mismatches, seconds);
    }

    private static Deque<Pending> lowestNonEmpty(List<Deque<Pending>> levels) {
        for (Deque<Pending> level : levels) {
            if (!level.isEmpty()) return level;
        }
        return null;
    }

    private int report(PrintWriter out, Map<String, Found> outcomes, Map<String, Grade> grades, int runs,
                       boolean exhausted, int mismatches, double seconds) {
        int width = "Outcome".length();
        for (String o : outcomes.keySet()) width = Math.max(width, Stress.display(o).length());
        width = Math.min(width, 60);
        out.println(Stress.pad("Outcome", width) + "  " + Stress.padLeft("Schedules", 9) + "  "
                + Stress.pad("Grade", 11) + "  Replay");
        boolean forbidden = false;
        for (var e : outcomes.entrySet()) {
            Grade grade = ScriptRunner.grade(grades, e.getKey());
            forbidden |= grade == Grade.FORBIDDEN;
            out.println(Stress.pad(Stress.display(e.getKey()), width) + "  "
                    + Stress.padLeft(String.valueOf(e.getValue().schedules), 9) + "  " + Stress.pad(grade.label(), 11)
                    + "  --schedule replay:" + e.getValue().token
                    + (preemptAt == PreemptAt.backedge ? " --preempt-at backedge" : ""));
        }
        out.println();
        out.println(runs + (runs == 1 ? " schedule" : " schedules") + " with at most " + preemptions + " preemption" + (preemptions == 1 ? "" : "s")
                + " (--preempt-at " + preemptAt + ") in " + String.format(Locale.ROOT, "%.1f", seconds) + " s: "
                + (exhausted ? "the bounded space is exhausted" : "budget reached, the space is NOT exhausted")
                + (mismatches > 0 ? "; " + mismatches + " runs did not replay (the script is not deterministic)" : ""));
        out.println(forbidden ? "FAILED: a forbidden outcome is reachable" : "OK: no forbidden outcome found");
        out.flush();
        return forbidden ? 1 : 0;
    }

    /** Durations as 500ms, 10s, 2m (a bare number is seconds). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
                if (v.endsWith("m")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
                return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("not a duration: '" + value + "' (e.g. 500ms, 10s, 2m)");
            }
        }
    }
}
