package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class RangeSliceMethods {
    private RangeSliceMethods() {}

    static void install() {
    }
}
