package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class IntMethods {
    private IntMethods() {}

    static void install() {
    }
}
