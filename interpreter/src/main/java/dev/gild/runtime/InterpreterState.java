package dev.gild.runtime;

/** State shared by all threads of one interpreter (being written). */
public final class InterpreterState {
}
