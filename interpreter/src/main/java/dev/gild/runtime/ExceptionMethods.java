package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class ExceptionMethods {
    private ExceptionMethods() {}

    static void install() {
    }
}
