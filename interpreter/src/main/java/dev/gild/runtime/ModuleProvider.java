package dev.gild.runtime;

/**
 * A built-in module implemented in Java, found through {@link java.util.ServiceLoader}: the stdlib
 * module registers its modules this way, so the interpreter knows nothing of them.
 */
public interface ModuleProvider {
    /** The module's full name ("time", "os.path"). */
    String name();

    /** Creates the module for an interpreter; called at most once per interpreter. */
    PyModule create(InterpreterState interp);
}
