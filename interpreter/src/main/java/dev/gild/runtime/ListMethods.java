package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class ListMethods {
    private ListMethods() {}

    static void install() {
    }
}
