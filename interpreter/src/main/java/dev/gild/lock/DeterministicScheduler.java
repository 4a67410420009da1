package dev.gild.lock;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Opcode;
import dev.gild.runtime.Frame;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.ThreadState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/*
 * The deterministic scheduler (--schedule): exactly one script thread runs at a time, and a
 * seeded strategy alone decides, at every switch point, which one. Same script, same strategy,
 * same output, byte for byte.
 *
 * Tasks. Every script thread is a task, numbered in the order it starts (T0 is the main
 * thread). A task is RUNNABLE, BLOCKED (in a wait: a lock, a join, a sleep), or FINISHED. One
 * task is `current`: it alone runs bytecode; the others wait on `turn` until they are named.
 *
 * Decisions. At every switch point of the current task (every instruction boundary in
 * --preempt-at instruction mode; entry, after calls and at back edges in backedge mode: the
 * checkpoint budget is always 0) the scheduler computes the enabled tasks, in id order:
 * RUNNABLE ones plus BLOCKED ones whose wait can now end (a permit is free, the joined task has
 * finished, the deadline has passed on the virtual clock). With one enabled task it runs on;
 * with several the strategy picks (a choice point, recorded so that the run can be replayed
 * with --schedule replay:TOKEN). When a task blocks, the same decision runs without it.
 *
 * Time. The clock is virtual: it advances by STEP_NANOS per switch point, and when every live
 * task is blocked it jumps to the earliest deadline (a sleep ending, a timed wait running out).
 * So sleeps cost no real time and timeouts happen at reproducible points.
 *
 * Thread start. A new JVM thread reaches acquire() at a moment the scheduler does not control,
 * so the starting thread announces it (threadStarting) and every decision first waits until all
 * announced threads have registered: the set of tasks at a decision never depends on timing.
 *
 * Deadlock. When no task is enabled and no deadline is pending, every live task is blocked for
 * good: the scheduler records a report naming each task and the line it waits at and raises
 * RuntimeError in the main task, which then runs on alone, unscheduled, until it would wait
 * again: that wait raises SystemExit(1) (the run is over; waiting for the blocked threads, as the
 * exit does, would never end). The other tasks stay parked until shutdown(), which ends them
 * with SystemExit (silently).
 *
 * Waits that are not known (Blocking.call: file or socket I/O, input) would let real time decide
 * the interleaving, so they raise RuntimeError saying that real I/O is not allowed in this mode.
 */
public final class DeterministicScheduler implements InterpreterLock, VirtualWaits {
    /** Virtual time one switch point takes: busy-waiting on time.monotonic() still ends. */
    static final long STEP_NANOS = 1_000;
    /** Where the virtual monotonic clock starts (an arbitrary, fixed value). */
    private static final long CLOCK_ORIGIN = 1_000_000_000_000L;

    private enum State { RUNNABLE, BLOCKED, FINISHED }

    /** One script thread as the scheduler sees it. */
    private static final class Task {
        final int id;
        final Thread thread;
        ThreadState ts;
        State state = State.RUNNABLE;
        /** While BLOCKED: whether the wait could end now (null: only its deadline ends it). */
        BooleanSupplier ready;
        /** While BLOCKED: virtual time at which the wait gives up (Long.MAX_VALUE: never). */
        long deadline = Long.MAX_VALUE;
        /** While BLOCKED: what the task waits for, for the deadlock report. */
        String waitingFor;
        /** Switch points passed in the current turn, and the lines seen, for the trace. */
        long turnSteps;
        String turnStart;
        String turnEnd;

        Task(int id, Thread thread) {
            this.id = id;
            this.thread = thread;
        }

        String label() { return "T" + id; }
    }

    /**
     * Instructions that touch nothing but their own frame (operand stack, fast locals, constants,
     * new objects no other thread can see yet) and cannot run Python code. A switch just before
     * one of them leads to the same states as a switch just after it, so the explorer need not
     * preempt there (a partial-order reduction: only switches before instructions that can see
     * or change shared state are explored).
     */
    private static final EnumSet<Opcode> FRAME_LOCAL = EnumSet.of(
            Opcode.NOP, Opcode.POP_TOP, Opcode.PUSH_NULL, Opcode.COPY, Opcode.SWAP, Opcode.LOAD_CONST,
            Opcode.LOAD_FAST, Opcode.STORE_FAST, Opcode.LOAD_CLOSURE, Opcode.IS_OP, Opcode.BUILD_TUPLE,
            Opcode.BUILD_LIST, Opcode.BUILD_SLICE, Opcode.LIST_APPEND, Opcode.LIST_TO_TUPLE,
            Opcode.MAKE_FUNCTION, Opcode.JUMP_FORWARD, Opcode.JUMP_BACKWARD, Opcode.POP_JUMP_IF_NONE,
            Opcode.POP_JUMP_IF_NOT_NONE, Opcode.RETURN_VALUE);

    /**
     * One choice point: who could run, who was running (-1 when it could not go on), who was
     * chosen, and whether the running task's next instruction only touches its own frame.
     */
    public record ChoicePoint(int[] enabled, int current, int chosen, boolean currentNextIsLocal) {
        /** Choosing someone else while the running task could go on is a preemption. */
        public boolean isPreemption(int choice) {
            return choice != current && current >= 0 && contains(enabled, current);
        }
    }

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition turn = mutex.newCondition();
    private final Condition registered = mutex.newCondition();
    private final List<Task> tasks = new ArrayList<>();
    private final Map<Thread, Task> byThread = new HashMap<>();
    private final ScheduleStrategy strategy;
    private final boolean perInstruction;
    private final Consumer<String> trace;
    /** Record every choice point in full (the explorer needs the alternatives). */
    private final boolean recordChoicePoints;
    private final List<ChoicePoint> choicePoints = new ArrayList<>();
    private int[] choices = new int[64];
    private int choiceCount;
    private Task current;
    private int pendingStarts;
    private long clock;
    private long steps;
    private String deadlockReport;
    /** The run is over for the scheduler: a deadlock was found, or shutdown() was called. */
    private volatile boolean aborted;
    private boolean shutDown;
    private boolean deadlockDelivered;
    private double switchIntervalShown = 0.005;

    /**
     * @param trace              receives a line at every switch (which task ran which lines), or null
     * @param recordChoicePoints keep every choice point with its alternatives (for explore)
     */
    public DeterministicScheduler(ScheduleStrategy strategy, boolean perInstruction, Consumer<String> trace,
                                  boolean recordChoicePoints) {
        this.strategy = strategy;
        this.perInstruction = perInstruction;
        this.trace = trace;
        this.recordChoicePoints = recordChoicePoints;
    }

    // ------------------------------------------------------------------ InterpreterLock

    @Override
    public void threadStarting(Thread thread) {
        mutex.lock();
        try {
            Task t = new Task(tasks.size(), thread);
            tasks.add(t);
            byThread.put(thread, t);
            pendingStarts++;
            strategy.taskStarted(t.id);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void acquire(ThreadState ts) {
        mutex.lock();
        try {
            Task t = byThread.get(ts.thread);
            if (t == null) {
                // The main thread, or a thread started without an announcement.
                t = new Task(tasks.size(), ts.thread);
                tasks.add(t);
                byThread.put(ts.thread, t);
                strategy.taskStarted(t.id);
            } else {
                pendingStarts--;
                registered.signalAll();
            }
            t.ts = ts;
            if (current == null && tasks.size() == 1) {
                current = t;
                return;
            }
            awaitTurn(t);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void release(ThreadState ts) {
        mutex.lock();
        try {
            Task t = byThread.get(ts.thread);
            if (t == null || t.state == State.FINISHED) return;
            t.state = State.FINISHED;
            if (current != t || aborted) return;
            Task next = decide(t);
            if (next != null) switchTo(t, next);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int checkpoint(ThreadState ts) {
        mutex.lock();
        try {
            Task t = taskOf(ts);
            if (aborted) return runsFree(t) ? Integer.MAX_VALUE : 0;
            noteStep(t);
            Task next = decide(t);
            if (next != t) {
                if (next != null) switchTo(t, next);
                awaitTurn(t);
            }
        } finally {
            mutex.unlock();
        }
        return 0;
    }

    /**
     * After a deadlock the main task runs on unscheduled (true); any other task parks until
     * shutdown and leaves with SystemExit. Mutex held.
     */
    private boolean runsFree(Task t) {
        awaitTurn(t);
        return t.id == 0;
    }

    /** A wait in an aborted run: the main task's first gets the deadlock error, later ones end the program. */
    private PyException waitAfterAbort(Task t) {
        awaitTurn(t);
        PyBaseException exit = new PyBaseException(PyExc.SystemExit, 1L);
        exit.setAttr("code", 1L);
        return exit.toThrowable();
    }

    @Override
    public void releaseForBlocking(ThreadState ts) {
        throw Py.runtimeError("real I/O is not allowed under --schedule: the deterministic scheduler"
                + " cannot know when it ends (it would make the run depend on timing)");
    }

    @Override
    public void reacquireAfterBlocking(ThreadState ts) {
        // releaseForBlocking never lets a thread go, so there is nothing to take back.
    }

    @Override
    public int initialTicks() { return 0; }

    @Override
    public boolean isFree() { return false; }

    @Override
    public double switchIntervalSeconds() { return switchIntervalShown; }

    @Override
    public void setSwitchIntervalSeconds(double seconds) { switchIntervalShown = seconds; }

    // ------------------------------------------------------------------ VirtualWaits

    @Override
    public void sleep(ThreadState ts, long nanos) {
        mutex.lock();
        try {
            Task t = taskOf(ts);
            if (aborted) throw waitAfterAbort(t);
            if (nanos <= 0) {
                noteStep(t);
                Task next = decide(t);
                if (next != t) {
                    switchTo(t, next);
                    awaitTurn(t);
                }
                return;
            }
            block(t, null, saturatedAdd(clock, nanos), "sleep");
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public boolean acquire(ThreadState ts, Semaphore permits, long timeoutNanos) {
        if (permits.tryAcquire()) return true;
        if (timeoutNanos == 0) return false;
        mutex.lock();
        try {
            Task t = taskOf(ts);
            long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : saturatedAdd(clock, timeoutNanos);
            while (true) {
                boolean ready = block(t, () -> permits.availablePermits() > 0, deadline, "a lock");
                if (permits.tryAcquire()) return true;
                if (!ready) return false;
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void acquire(ThreadState ts, Lock lock) {
        if (lock.tryLock()) return;
        mutex.lock();
        try {
            Task t = taskOf(ts);
            BooleanSupplier free = lock instanceof ReentrantLock r ? () -> !r.isLocked() : () -> true;
            do {
                block(t, free, Long.MAX_VALUE, "a runtime lock");
            } while (!lock.tryLock());
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public boolean join(ThreadState ts, Thread thread, long timeoutNanos) {
        mutex.lock();
        Task target;
        try {
            target = byThread.get(thread);
            if (target == null || target.state != State.FINISHED) {
                if (timeoutNanos == 0) return target == null && !thread.isAlive();
                Task t = taskOf(ts);
                long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : saturatedAdd(clock, timeoutNanos);
                BooleanSupplier ended = target != null ? () -> target.state == State.FINISHED : () -> !thread.isAlive();
                if (!block(t, ended, deadline, "a thread to end")) return false;
            }
        } finally {
            mutex.unlock();
        }
        // The task has finished: its JVM thread only has its last clean-up left.
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public long monotonicNanos() {
        mutex.lock();
        try {
            return CLOCK_ORIGIN + clock;
        } finally {
            mutex.unlock();
        }
    }

    // ------------------------------------------------------------------ results

    /** The choices made so far, as a token for --schedule replay:TOKEN. */
    public String scheduleToken() {
        mutex.lock();
        try {
            return ScheduleToken.encode(choices, choiceCount);
        } finally {
            mutex.unlock();
        }
    }

    /** Every choice point with its alternatives (only when constructed to record them). */
    public List<ChoicePoint> choicePoints() {
        mutex.lock();
        try {
            return List.copyOf(choicePoints);
        } finally {
            mutex.unlock();
        }
    }

    /** The deadlock report, or null when the run did not deadlock. */
    public String deadlockReport() {
        mutex.lock();
        try {
            return deadlockReport;
        } finally {
            mutex.unlock();
        }
    }

    public String describe() { return strategy.describe(); }

    /** Whether this run replays a schedule that it could not follow to the end. */
    public boolean replayDiverged() {
        mutex.lock();
        try {
            return strategy instanceof ScheduleStrategy.ReplayStrategy r && r.diverged();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Ends the run: every task still waiting for its turn leaves with SystemExit, so that no
     * thread of a finished run lingers (stress and explore run many in one JVM).
     */
    public void shutdown() {
        mutex.lock();
        try {
            aborted = true;
            shutDown = true;
            current = null;
            turn.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    // ------------------------------------------------------------------ the decision

    private Task taskOf(ThreadState ts) {
        Task t = byThread.get(ts.thread);
        if (t == null) throw new IllegalStateException("thread not known to the scheduler: " + ts.thread);
        return t;
    }

    private void noteStep(Task t) {
        steps++;
        clock += STEP_NANOS;
        if (trace == null) return;
        Frame f = t.ts.frame;
        if (f == null) return;
        String here = shortName(f.code.filename) + ":" + f.code.lineAt(f.pc);
        if (t.turnSteps++ == 0) t.turnStart = here;
        t.turnEnd = here;
    }

    /**
     * Marks t blocked until ready holds or the virtual clock reaches deadline, lets others run
     * meanwhile, and returns when t runs again: true when ready held, false when the deadline
     * passed first. Mutex held.
     */
    private boolean block(Task t, BooleanSupplier ready, long deadline, String waitingFor) {
        if (aborted) throw waitAfterAbort(t);
        t.state = State.BLOCKED;
        t.ready = ready;
        t.deadline = deadline;
        t.waitingFor = waitingFor;
        try {
            Task next = decide(t);
            if (next != t) {
                if (next != null) switchTo(t, next);
                awaitTurn(t);
            }
            return ready != null && ready.getAsBoolean();
        } finally {
            t.state = State.RUNNABLE;
            t.ready = null;
            t.deadline = Long.MAX_VALUE;
            t.waitingFor = null;
        }
    }

    /**
     * The task to run next, from `from`'s point of view (the current task, which may have just
     * blocked or finished). Waits for announced threads first; advances the virtual clock when
     * all are blocked; on deadlock records the report, aborts the run and returns null.
     */
    private Task decide(Task from) {
        while (pendingStarts > 0) registered.awaitUninterruptibly();
        int[] enabled = enabledTasks();
        if (enabled.length == 0) {
            long earliest = Long.MAX_VALUE;
            for (Task t : tasks) {
                if (t.state == State.BLOCKED) earliest = Math.min(earliest, t.deadline);
            }
            if (earliest != Long.MAX_VALUE) {
                clock = Math.max(clock, earliest);
                enabled = enabledTasks();
            }
        }
        if (enabled.length == 0) {
            if (!noLiveTask()) deadlock();
            return null;
        }
        int chosen;
        if (enabled.length == 1) {
            chosen = enabled[0];
        } else {
            int running = from.state == State.FINISHED ? -1 : from.id;
            chosen = strategy.choose(enabled, running, steps);
            if (choiceCount == choices.length) choices = Arrays.copyOf(choices, choiceCount * 2);
            choices[choiceCount++] = chosen;
            if (recordChoicePoints) {
                int runningAndEnabled = contains(enabled, running) ? running : -1;
                choicePoints.add(new ChoicePoint(enabled, runningAndEnabled, chosen,
                        runningAndEnabled >= 0 && nextIsFrameLocal(from)));
            }
        }
        return tasks.get(chosen);
    }

    private static boolean nextIsFrameLocal(Task t) {
        Frame f = t.ts == null ? null : t.ts.frame;
        return f != null && f.pc < f.code.code.length && FRAME_LOCAL.contains(Opcode.opcodeOf(f.code.code[f.pc]));
    }

    private int[] enabledTasks() {
        int[] ids = new int[tasks.size()];
        int n = 0;
        for (Task t : tasks) {
            boolean enabled = switch (t.state) {
                case RUNNABLE -> t.ts != null;
                case BLOCKED -> t.deadline <= clock || t.ready != null && t.ready.getAsBoolean();
                case FINISHED -> false;
            };
            if (enabled) ids[n++] = t.id;
        }
        return Arrays.copyOf(ids, n);
    }

    private boolean noLiveTask() {
        for (Task t : tasks) {
            if (t.state != State.FINISHED) return false;
        }
        return true;
    }

    private void switchTo(Task from, Task next) {
        if (trace != null && from != next) {
            String ran = from.turnSteps == 0 ? "" : " ran " + from.turnSteps + " switch point"
                    + (from.turnSteps == 1 ? "" : "s") + " from " + from.turnStart
                    + (from.turnEnd.equals(from.turnStart) ? "" : " to " + from.turnEnd);
            String why = switch (from.state) {
                case RUNNABLE -> ", preempted before " + nextInstruction(from);
                case BLOCKED -> ", blocked on " + from.waitingFor;
                case FINISHED -> ", finished";
            };
            trace.accept("[schedule] " + from.label() + ran + why + " -> " + next.label());
            from.turnSteps = 0;
        }
        current = next;
        turn.signalAll();
    }

    /**
     * Waits until t is named to run. In an aborted run the main task gets the deadlock's
     * RuntimeError once and then returns (it runs on alone); the others wait for shutdown and
     * leave with SystemExit. Mutex held.
     */
    private void awaitTurn(Task t) {
        while (current != t) {
            if (aborted) {
                if (t.id == 0) {
                    if (deadlockReport != null && !deadlockDelivered) {
                        deadlockDelivered = true;
                        throw Py.runtimeError(deadlockReport);
                    }
                    return;
                }
                if (shutDown) throw Py.raise(PyExc.SystemExit, "");
            }
            turn.awaitUninterruptibly();
        }
    }

    private void deadlock() {
        StringBuilder report = new StringBuilder("deadlock: every thread is blocked:");
        for (Task t : tasks) {
            if (t.state != State.BLOCKED) continue;
            report.append(' ').append(t.label()).append(t.id == 0 ? " (main)" : "").append(" waits for ")
                    .append(t.waitingFor).append(where(t)).append(';');
        }
        report.setLength(report.length() - 1);
        deadlockReport = report.toString();
        aborted = true;
        current = null;
        turn.signalAll();
    }

    private static String nextInstruction(Task t) {
        Frame f = t.ts == null ? null : t.ts.frame;
        if (f == null || f.pc >= f.code.code.length) return "?";
        return Opcode.opcodeOf(f.code.code[f.pc]).name();
    }

    private static String where(Task t) {
        Frame f = t.ts == null ? null : t.ts.frame;
        if (f == null) return "";
        CodeObject code = f.code;
        return " at " + shortName(code.filename) + ":" + code.lineAt(Math.max(0, f.pc - 1));
    }

    private static String shortName(String filename) {
        if (filename == null) return "?";
        int slash = filename.lastIndexOf('/');
        return slash < 0 ? filename : filename.substring(slash + 1);
    }

    static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) return true;
        }
        return false;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
