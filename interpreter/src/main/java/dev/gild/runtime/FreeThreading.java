package dev.gild.runtime;

/**
 * Whether the interpreter runs without the GIL ({@code --gil off}, {@code -X gil=0}).
 *
 * <p>With the GIL, a thread runs Java code of the runtime only while it holds the lock and can lose
 * it only between two instructions, so every built-in container operation is atomic for free. With
 * no GIL the built-in containers (list, dict, set) lock themselves per object: an operation that
 * runs no Python code holds the container's monitor for its whole length (so the operations the
 * Python FAQ calls atomic stay atomic and no container is ever torn), while a list or set operation
 * that calls back into Python ({@code __eq__}, a sort key, {@code __repr__}) reads the items one at
 * a time under the lock and runs the Python code outside it (list.sort is the exception: it holds
 * the lock throughout, key function included, so no thread sees a half-sorted list). Hashes are
 * computed before a lock is taken; the one exception is a dict or set probe that meets a key of a class defining
 * {@code __eq__}, which runs it under the container's lock (as CPython 3.13t's critical sections
 * do). Operations on two containers copy the other one under its own lock first, so no thread holds
 * two container locks and lock order cannot deadlock.
 *
 * <p>The flag is a plain static field read once per operation: the cost with the GIL on is one
 * load and a branch. It is set when an interpreter is created, before any script thread starts
 * (Thread.start orders the write before everything the new thread does).
 */
public final class FreeThreading {
    private FreeThreading() {}

    /** True when built-in containers must lock themselves. */
    public static boolean enabled;
}
