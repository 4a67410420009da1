package dev.gild.util;

import java.util.function.Supplier;

/**
 * Runs work that recurses once per nesting level of its input (parsing, compiling) on a helper
 * thread with a stack of a known size, since the caller's stack size is not known. The caller
 * waits for it; whatever the work returns or throws comes back as if it had run in place.
 */
public final class DeepStack {
    private DeepStack() {}

    public static <T> T call(String threadName, long stackBytes, Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, threadName, stackBytes);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
