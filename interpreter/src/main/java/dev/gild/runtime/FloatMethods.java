package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
public final class FloatMethods {
    private FloatMethods() {}

    static void install() {
    }

    /** Python's repr of a float. */
    public static String repr(double d) { return Double.toString(d); }

}
