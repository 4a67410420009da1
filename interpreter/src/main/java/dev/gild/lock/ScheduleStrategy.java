package dev.gild.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the {@link DeterministicScheduler} picks the next thread at a choice point (a switch point
 * where at least two threads could run). Tasks are numbered in the order they start (0 is the
 * main thread), so every decision depends only on the seed and on what the script did so far.
 */
public interface ScheduleStrategy {
    /**
     * Picks the task to run next.
     *
     * @param enabled the tasks that can run, in id order (at least two)
     * @param current the id of the task that was running, or -1; it is among enabled unless it
     *                just blocked or ended
     * @param step    how many switch points the run has passed so far
     */
    int choose(int[] enabled, int current, long step);

    /** Called when a task starts (PCT gives it a priority). */
    default void taskStarted(int id) {}

    /** The spec that recreates this strategy ("random:42"), for messages. */
    String describe();

    /**
     * Parses {@code random:SEED}, {@code pct:SEED:DEPTH[:STEPS]} or {@code replay:TOKEN}.
     *
     * @throws IllegalArgumentException with a message for the user when the spec is malformed
     */
    static ScheduleStrategy parse(String spec) {
        String[] parts = spec.split(":", -1);
        try {
            switch (parts[0]) {
                case "random" -> {
                    if (parts.length != 2) break;
                    return new RandomStrategy(Long.parseLong(parts[1]));
                }
                case "pct" -> {
                    if (parts.length != 3 && parts.length != 4) break;
                    long seed = Long.parseLong(parts[1]);
                    int depth = Integer.parseInt(parts[2]);
                    long steps = parts.length == 4 ? Long.parseLong(parts[3]) : PctStrategy.DEFAULT_STEPS;
                    if (depth < 1 || steps < 1) {
                        throw new IllegalArgumentException("pct depth and steps must be at least 1: '" + spec + "'");
                    }
                    return new PctStrategy(seed, depth, steps);
                }
                case "replay" -> {
                    if (parts.length != 2) break;
                    return new ReplayStrategy(ScheduleToken.decode(parts[1]));
                }
                default -> { }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in schedule '" + spec + "'");
        }
        throw new IllegalArgumentException("unknown schedule '" + spec
                + "' (expected random:SEED, pct:SEED:DEPTH[:STEPS] or replay:TOKEN)");
    }

    /** Uniformly random among the enabled tasks at every choice point, from a seeded generator. */
    final class RandomStrategy implements ScheduleStrategy {
        private final long seed;
        private final SplittableRandom random;

        public RandomStrategy(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int choose(int[] enabled, int current, long step) {
            return enabled[random.nextInt(enabled.length)];
        }

        @Override
        public String describe() { return "random:" + seed; }
    }

    /**
     * PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): every task gets a distinct
     * random priority when it starts, all above depth; depth - 1 change points are drawn
     * uniformly among the first STEPS switch points. The highest-priority enabled task always
     * runs; when the run reaches the i-th change point, the running task's priority drops to
     * depth - i, below every initial priority. A bug of depth d (d ordering constraints) is found
     * with probability at least 1 / (n * k^(d-1)) per run.
     */
    final class PctStrategy implements ScheduleStrategy {
        static final long DEFAULT_STEPS = 10_000;
        private final long seed;
        private final int depth;
        private final long steps;
        private final SplittableRandom random;
        private final List<Long> priorities = new ArrayList<>();
        private final long[] changePoints;
        private int nextChange;

        public PctStrategy(long seed, int depth, long steps) {
            this.seed = seed;
            this.depth = depth;
            this.steps = steps;
            this.random = new SplittableRandom(seed);
            this.changePoints = new long[depth - 1];
            for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + random.nextLong(steps);
            java.util.Arrays.sort(changePoints);
        }

        @Override
        public void taskStarted(int id) {
            while (priorities.size() <= id) priorities.add(0L);
            // Distinct with overwhelming probability; ties go to the lower id.
            priorities.set(id, depth + 1 + random.nextLong(1L << 40));
        }

        @Override
        public int choose(int[] enabled, int current, long step) {
            while (nextChange < changePoints.length && changePoints[nextChange] <= step) {
                if (current >= 0) priorities.set(current, (long) (depth - 1 - nextChange));
                nextChange++;
            }
            int best = enabled[0];
            for (int id : enabled) {
                if (priority(id) > priority(best)) best = id;
            }
            return best;
        }

        private long priority(int id) { return id < priorities.size() ? priorities.get(id) : 0; }

        @Override
        public String describe() { return "pct:" + seed + ":" + depth + ":" + steps; }
    }

    /**
     * Replays recorded choices; past their end, keeps the running task (no preemption). When a
     * recorded choice names a task that cannot run (the script did something else this time),
     * the replay has diverged: it goes on without preemption and says so.
     */
    final class ReplayStrategy implements ScheduleStrategy {
        private final int[] choices;
        private int next;
        private boolean diverged;

        public ReplayStrategy(int[] choices) {
            this.choices = choices;
        }

        @Override
        public int choose(int[] enabled, int current, long step) {
            if (diverged || next >= choices.length) return nonPreemptive(enabled, current);
            int wanted = choices[next++];
            for (int id : enabled) {
                if (id == wanted) return id;
            }
            diverged = true;
            return nonPreemptive(enabled, current);
        }

        /** Whether a recorded choice could not be followed. */
        public boolean diverged() { return diverged; }

        @Override
        public String describe() { return "replay:" + ScheduleToken.encode(choices, choices.length); }
    }

    /** The running task when it can continue, else the lowest enabled id. */
    static int nonPreemptive(int[] enabled, int current) {
        for (int id : enabled) {
            if (id == current) return id;
        }
        return enabled[0];
    }

}
