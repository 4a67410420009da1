package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class DictMethods {
    private DictMethods() {}

    static void install() {
    }
}
