package dev.gild.cli;

/** Gild's own version and the CPython version whose behaviour it follows. */
public final class Version {

    /** Kept in step with the version in the root pom.xml (without -SNAPSHOT). */
    public static final String GILD = "0.1.0";

    /** The CPython release the conformance corpus was recorded with. */
    public static final String PYTHON_COMPATIBLE = "3.11";

    private Version() {
    }

    /** The line {@code gild --version} prints. */
    public static String banner() {
        return "Gild " + GILD + " (Python " + PYTHON_COMPATIBLE + " compatible)";
    }
}
