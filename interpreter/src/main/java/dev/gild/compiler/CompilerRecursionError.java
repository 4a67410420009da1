package dev.gild.compiler;

/**
 * The source nests deeper than the compiler can follow (a very long {@code elif} chain, a sum of
 * thousands of terms). The runtime maps it to Python's {@code RecursionError} with CPython's message.
 */
public final class CompilerRecursionError extends RuntimeException {
    public static final String MESSAGE = "maximum recursion depth exceeded during compilation";

    public CompilerRecursionError() {
        super(MESSAGE, null, false, false);
    }
}
