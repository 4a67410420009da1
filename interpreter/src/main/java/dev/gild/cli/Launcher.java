package dev.gild.cli;

/**
 * The one bridge from the command line to the interpreter: {@link Main} parses and validates,
 * then hands everything to {@link #run}. Its exit status becomes the process's.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Runs (or, for {@code gild compile}, compiles) the program described by {@code options}.
     *
     * @return the process exit status: 0 on success, 1 for an uncaught exception, the argument
     *         of {@code sys.exit}, ... as CPython
     */
    public static int run(LaunchOptions options) {
        System.err.println("gild: interpreter not built yet");
        return 1;
    }
}
