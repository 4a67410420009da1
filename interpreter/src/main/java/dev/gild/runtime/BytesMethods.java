package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
final class BytesMethods {
    private BytesMethods() {}

    static void install() {
    }
}
