package dev.gild.runtime;

/** The builtin functions of the builtins module (being written). */
public final class BuiltinFunctions {
    private BuiltinFunctions() {}

    public static void install(PyDict builtins) {
    }
}
