package dev.gild.cli;

import dev.gild.cli.LaunchOptions.GilMode;
import dev.gild.cli.LaunchOptions.GilPolicy;
import dev.gild.cli.LaunchOptions.PreemptAt;
import dev.gild.lock.DeterministicScheduler;
import dev.gild.lock.InterpreterLock;
import dev.gild.lock.ScheduleStrategy;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The lock options of {@code gild stress} (the same meaning as the top-level ones). */
final class LockFlags {
    @Option(names = "--gil", paramLabel = "on|off", description = "on (default) or off (free-threaded).")
    GilMode gil = GilMode.on;

    @Option(names = "--gil-policy", paramLabel = "fair|legacy", description = "How the lock changes hands.")
    GilPolicy gilPolicy = GilPolicy.fair;

    @Option(names = "--switch-interval", paramLabel = "VALUE", converter = Main.SwitchIntervalConverter.class,
            description = "An instruction count (1, 100) or a duration (5ms). Default: 5ms.")
    SwitchInterval switchInterval = SwitchInterval.DEFAULT;

    @Option(names = "--preempt-at", paramLabel = "instruction|backedge",
            description = "Where a thread may lose the lock (default: instruction).")
    PreemptAt preemptAt = PreemptAt.instruction;

    @Option(names = "--schedule", paramLabel = "random:SEED|pct:SEED:DEPTH",
            description = "Run under the deterministic scheduler; run i uses seed SEED + i.")
    String schedule;

    boolean perInstruction() { return preemptAt == PreemptAt.instruction; }

    /** Checks the combination; returns a message for the user, or null when it is fine. */
    String problem() {
        if (schedule == null) return null;
        if (gil == GilMode.off) return "--schedule runs one thread at a time: it cannot be combined with --gil off";
        try {
            ScheduleStrategy strategy = ScheduleStrategy.parse(schedule);
            if (strategy instanceof ScheduleStrategy.ReplayStrategy) {
                return "stress needs a seeded schedule (random:SEED or pct:SEED:DEPTH), not replay";
            }
        } catch (IllegalArgumentException bad) {
            return bad.getMessage();
        }
        return null;
    }

    /** A fresh lock for run number `run` (seeded schedules move their seed along with it). */
    InterpreterLock newLock(int run) {
        if (schedule != null) {
            String[] parts = schedule.split(":", -1);
            parts[1] = Long.toString(Long.parseLong(parts[1]) + run);
            return new DeterministicScheduler(ScheduleStrategy.parse(String.join(":", parts)), perInstruction(),
                    null, false);
        }
        LaunchOptions options = new LaunchOptions(new LaunchOptions.Code(""), List.of(""), Optional.empty(), gil,
                gilPolicy, switchInterval, preemptAt, false, Optional.empty(), Optional.empty(), Optional.empty(), false,
                java.util.Map.of(), true, false);
        return Launcher.createLock(options);
    }
}
