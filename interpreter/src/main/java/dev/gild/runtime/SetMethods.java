package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class SetMethods {
    private SetMethods() {}

    static void install() {
    }
}
