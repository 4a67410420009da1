package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class FormatMethods {
    private FormatMethods() {}

    static void install() {
    }
}
