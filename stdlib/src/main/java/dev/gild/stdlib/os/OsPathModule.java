package dev.gild.stdlib.os;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.PyModule;

/**
 * os.path is posixpath, as in CPython. os.py also enters it in sys.modules; this provider makes
 * {@code import os.path} find it when the import system looks the submodule up directly.
 */
public final class OsPathModule implements ModuleProvider {
    @Override public String name() { return "os.path"; }

    @Override
    public PyModule create(InterpreterState interp) {
        return interp.imports.importDotted("posixpath");
    }
}
