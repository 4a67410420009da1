package dev.gild.cli;

import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.ThreadState;
import sun.misc.Signal;

/**
 * Ctrl-C: SIGINT becomes a KeyboardInterrupt raised in the main thread at its next instruction
 * boundary, as in CPython. A main thread blocked in a wait is interrupted so it wakes up to see it.
 */
final class Interrupts {
    private Interrupts() {}

    static void install(ThreadState main) {
        try {
            Signal.handle(new Signal("INT"), signal -> interruptMain(main));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform (or it is reserved): Ctrl-C then ends the JVM as usual.
        }
    }

    /** Raises KeyboardInterrupt in the main thread at its next instruction boundary. */
    static void interruptMain(ThreadState main) {
        main.pendingAsync = new PyBaseException(PyExc.KeyboardInterrupt);
        main.ticks = 0;
        main.thread.interrupt();
    }
}
