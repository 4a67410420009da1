package dev.gild.stdlib.collections;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.PyModule;

/** {@code _collections}: the Java half of collections (deque and its iterators). */
public final class CollectionsNative implements ModuleProvider {
    static {
        PyDeque.install();
    }

    @Override public String name() { return "_collections"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_collections");
        m.set("deque", PyDeque.TYPE);
        m.set("_deque_iterator", PyDeque.ITERATOR);
        m.set("_deque_reverse_iterator", PyDeque.REVERSE_ITERATOR);
        return m;
    }
}
