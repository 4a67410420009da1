package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class FunctionMethods {
    private FunctionMethods() {}

    static void install() {
    }
}
